package io.flightdeck.mcp.client;

import io.flightdeck.shared.outbound.LedgerState;

/**
 * Where a call to an outside tool stands. WAITING for its first attempt, CALLING while one is out, RETRYING after the
 * server could not be reached (the call never left), IN_DOUBT when it left and its answer was lost (or Flightdeck
 * stopped meanwhile): the tool may have run, so only a person sends it again. FAILED: the server refused the call,
 * or could not be reached after every attempt. DONE: the server answered, a tool error included.
 */
public enum ToolCallState {
    WAITING(LedgerState.WAITING), CALLING(LedgerState.SENDING), RETRYING(LedgerState.RETRYING),
    IN_DOUBT(LedgerState.IN_DOUBT), FAILED(LedgerState.DEAD), DONE(LedgerState.SENT);

    private final LedgerState ledger;

    ToolCallState(LedgerState ledger) {
        this.ledger = ledger;
    }

    /** The word the operations page uses for it, shared by every ledger. */
    public LedgerState ledger() {
        return ledger;
    }

    /** Still to be made: the job has work. */
    boolean open() {
        return this == WAITING || this == RETRYING || this == CALLING;
    }
}
