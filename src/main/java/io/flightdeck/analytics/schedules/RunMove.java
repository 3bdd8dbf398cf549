package io.flightdeck.analytics.schedules;

import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

import static io.flightdeck.analytics.schedules.RunStatus.FAILED;
import static io.flightdeck.analytics.schedules.RunStatus.IN_DOUBT;
import static io.flightdeck.analytics.schedules.RunStatus.MISSED;

/**
 * The move a person makes on a scheduled report's run: sending again one that failed, was missed or may not have
 * arrived. A run settles from DUE once, by the runner's compare-and-set in {@link RunLedger}.
 */
enum RunMove implements RuledMove<RunStatus> {
    RETRY(MoveRule.of(FAILED, IN_DOUBT, MISSED));

    private final MoveRule<RunStatus> rule;

    RunMove(MoveRule<RunStatus> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<RunStatus> rule() {
        return rule;
    }

    void requireFrom(RunStatus status) {
        requireFrom(status, "report run");
    }
}
