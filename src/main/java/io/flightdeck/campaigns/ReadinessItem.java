package io.flightdeck.campaigns;

import java.util.List;
import org.jspecify.annotations.Nullable;

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
 * @param action        what clears it, as a short instruction ("Set a budget"), or null when the check gives none
 * @param subjects      the objects it is about, when the check knows them (the expired assets, the late tasks);
 *                      empty otherwise
 */
public record ReadinessItem(String key, String label, boolean done, int weight, boolean blocking, String reason,
        String fixLink, boolean warnsAtLaunch, @Nullable String action, List<ReadinessSubject> subjects) {

    public ReadinessItem {
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative");
        }
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** An item that asks for no confirmation at launch: what most checks add. */
    public ReadinessItem(String key, String label, boolean done, int weight, boolean blocking, String reason,
            String fixLink) {
        this(key, label, done, weight, blocking, reason, fixLink, false);
    }

    /** An item without an action or subjects, as checks wrote them before those were added. */
    public ReadinessItem(String key, String label, boolean done, int weight, boolean blocking, String reason,
            String fixLink, boolean warnsAtLaunch) {
        this(key, label, done, weight, blocking, reason, fixLink, warnsAtLaunch, null, List.of());
    }

    /** The same item, which a launch must confirm while it is not done. */
    public ReadinessItem warningAtLaunch() {
        return new ReadinessItem(key, label, done, weight, blocking, reason, fixLink, true, action, subjects);
    }

    /** The same item with the instruction that clears it. */
    public ReadinessItem withAction(String instruction) {
        return new ReadinessItem(key, label, done, weight, blocking, reason, fixLink, warnsAtLaunch, instruction,
                subjects);
    }

    /** The same item, about these objects. */
    public ReadinessItem about(List<ReadinessSubject> objects) {
        return new ReadinessItem(key, label, done, weight, blocking, reason, fixLink, warnsAtLaunch, action, objects);
    }

    /** The same item, about this object. */
    public ReadinessItem about(ReadinessSubject object) {
        return about(List.of(object));
    }
}
