package io.flightdeck.ops.alerts;

import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

import static io.flightdeck.ops.alerts.AlertStatus.ACKNOWLEDGED;
import static io.flightdeck.ops.alerts.AlertStatus.OPEN;

/** An alert's moves: a person acknowledges an open one and resolves an unresolved one; the evaluator clears it. */
enum AlertMove implements RuledMove<AlertStatus> {
    ACKNOWLEDGE(MoveRule.of(OPEN)),
    RESOLVE(MoveRule.of(OPEN, ACKNOWLEDGED)),
    CLEAR(MoveRule.system("clear", OPEN, ACKNOWLEDGED));

    private final MoveRule<AlertStatus> rule;

    AlertMove(MoveRule<AlertStatus> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<AlertStatus> rule() {
        return rule;
    }
}
