package io.flightdeck.campaigns;

/**
 * One line of the readiness checklist.
 *
 * @param key           stable id, e.g. {@code campaign.dates}
 * @param label         what is checked, e.g. "Start and end dates"
 * @param done          whether it is satisfied
 * @param weight        its share of the score, relative to the other items
 * @param blocking      an unmet blocking item refuses launch even when a manager forces it
 * @param reason        why it matters, or what is missing
 * @param fixLink       where to fix it in the UI
 * @param warnsAtLaunch an unmet item that does not block but that a launch must confirm it knows about (the plan
 *                      ends after the campaign's end date); its reason is shown in the confirmation
 */
public record ReadinessItem(String key, String label, boolean done, int weight, boolean blocking, String reason,
        String fixLink, boolean warnsAtLaunch) {

    public ReadinessItem {
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative");
        }
    }

    /** An item that asks for no confirmation at launch: what most checks add. */
    public ReadinessItem(String key, String label, boolean done, int weight, boolean blocking, String reason,
            String fixLink) {
        this(key, label, done, weight, blocking, reason, fixLink, false);
    }

    /** The same item, which a launch must confirm while it is not done. */
    public ReadinessItem warningAtLaunch() {
        return new ReadinessItem(key, label, done, weight, blocking, reason, fixLink, true);
    }
}
