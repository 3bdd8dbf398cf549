package io.flightdeck.publishing.workflow;

/**
 * Where one step of a campaign's workflow stands: not reached yet, under way, held by something a person must fix,
 * done or failed. Stored by name inside the workflow's JSON steps, as the strings before it were.
 */
enum StepStatus {
    PENDING, RUNNING, WAITING, DONE, FAILED;

    /** Done or failed: the step has its finishing time. */
    boolean ends() {
        return this == DONE || this == FAILED;
    }
}
