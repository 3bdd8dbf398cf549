package io.flightdeck.planning.settings;


/**
 * A workspace's planning settings: automatic timelines for new campaigns, the buffer per campaign priority and the
 * holidays timelines skip. Until a manager changes them, the defaults apply.
 */
public interface PlanningPreferences {

    PlanningSettingsView view();

    /**
     * Replaces the settings (managers). Timelines already laid out keep their dates until they are recalculated or
     * generated again. A refusal lists every field at fault.
     */
    PlanningSettingsView change(PlanningSettingsChange change, Long expectedVersion);

    /** Checks a change without writing it (a form that could not read every field): every problem at once. */
    void check(PlanningSettingsChange change);
}
