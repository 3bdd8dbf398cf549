package io.flightdeck.shared.outbound;

/**
 * Where an item of any outgoing-message ledger stands, in the words every ledger shares. WAITING: written, its first
 * attempt not made (it may wait for its time, quiet hours or a digest). SENDING: an attempt began and is not answered.
 * RETRYING: an attempt failed and another is due. IN_DOUBT: an attempt may or may not have arrived, and nobody can
 * tell. DEAD: no more attempts; a person decides. SENT: it went out (or was gathered into something that did).
 * SKIPPED: nothing was sent, on purpose (a suppressed address, a report with nothing to say).
 */
public enum LedgerState {
    WAITING, SENDING, RETRYING, IN_DOUBT, DEAD, SENT, SKIPPED;

    /** The states a person should look at. */
    public boolean troubled() {
        return this == RETRYING || this == IN_DOUBT || this == DEAD;
    }
}
