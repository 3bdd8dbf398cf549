package io.flightdeck.analytics.schedules;

/**
 * Where a scheduled report's run of one period stands. DUE until its mails are settled; then SENT to everyone,
 * SKIPPED (nothing to report and the schedule says to skip), FAILED (a recipient's mail was refused, or the server
 * could not be reached in time), IN_DOUBT (a mail was cut off after it was handed over, so it may have arrived; never
 * sent again without a person), or MISSED (Flightdeck was not running when it was due).
 */
public enum RunStatus {
    DUE, SENT, SKIPPED, FAILED, IN_DOUBT, MISSED;

    /** Whether a person may send the run's unsent mails again. */
    public boolean retriable() {
        return RunMove.RETRY.allowedFrom(this);
    }
}
