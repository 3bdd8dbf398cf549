package io.flightdeck.analytics.schedules;

import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.shared.StateMove;

import static io.flightdeck.analytics.schedules.RunStatus.FAILED;
import static io.flightdeck.analytics.schedules.RunStatus.IN_DOUBT;
import static io.flightdeck.analytics.schedules.RunStatus.MISSED;

/**
 * The move a person makes on a scheduled report's run: sending again one that failed, was missed or may not have
 * arrived. A run settles from DUE once, by the runner's compare-and-set in {@link RunLedger}.
 */
enum RunMove implements StateMove<RunStatus> {
    RETRY(EnumSet.of(FAILED, IN_DOUBT, MISSED));

    private final Set<RunStatus> from;

    RunMove(Set<RunStatus> from) {
        this.from = from;
    }

    @Override
    public boolean allowedFrom(RunStatus status) {
        return from.contains(status);
    }

    void requireFrom(RunStatus status) {
        requireFrom(status, "report run");
    }
}
