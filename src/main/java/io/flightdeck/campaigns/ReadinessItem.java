package io.flightdeck.campaigns;

/**
 * One line of the readiness checklist.
 *
 * @param key      stable id, e.g. {@code campaign.dates}
 * @param label    what is checked, e.g. "Start and end dates"
 * @param done     whether it is satisfied
 * @param weight   its share of the score, relative to the other items
 * @param blocking an unmet blocking item refuses launch even when a manager forces it
 * @param reason   why it matters, or what is missing
 * @param fixLink  where to fix it in the UI
 */
public record ReadinessItem(String key, String label, boolean done, int weight, boolean blocking, String reason,
        String fixLink) {

    public ReadinessItem {
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative");
        }
    }
}
