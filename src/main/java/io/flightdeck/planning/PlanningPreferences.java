package io.flightdeck.planning;


/**
 * A workspace's planning settings: automatic timelines for new campaigns, the buffer per campaign priority and the
 * holidays timelines skip. Until a manager changes them, the defaults apply.
 */
public interface PlanningPreferences {

    PlanningSettingsView view();

    /**
     * Replaces the settings (managers). Timelines already laid out keep their dates until they are recalculated or
     * generated again.
     */
    PlanningSettingsView change(PlanningSettingsChange change, Long expectedVersion);
}
