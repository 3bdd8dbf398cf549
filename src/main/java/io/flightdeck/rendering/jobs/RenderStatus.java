package io.flightdeck.rendering.jobs;

/**
 * Seed 001's lifecycle. QUEUED waits to be submitted (again, after a retryable failure); RUNNING is with the
 * provider; PUBLISHED, FAILED and CANCELLED are where a job ends, though a failed or cancelled job can be submitted
 * again.
 */
public enum RenderStatus {
    QUEUED, RUNNING, FAILED, PUBLISHED, CANCELLED;

    public boolean isTerminal() {
        return this == FAILED || this == PUBLISHED || this == CANCELLED;
    }
}
