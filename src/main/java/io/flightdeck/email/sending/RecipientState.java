package io.flightdeck.email.sending;

/**
 * A send ledger row's state. HANDED_OVER was committed just before the server was given the end of the message: the
 * send never sends it again, and it stays so only when the process died before the server's answer was recorded (the
 * server has it unless the process died within the hand-over's own commit); a person may send it again
 * ({@link SendControl#sendToUnconfirmed}). The states after SENT come from the provider's events.
 */
enum RecipientState {
    QUEUED("Queued", false),
    /** Outside an A/B test's group: waits for the winner. */
    HELD("Waiting for the test's winner", false),
    HANDED_OVER("Handed over, unconfirmed", true),
    SENT("Sent", true),
    DELIVERED("Delivered", true),
    BOUNCED("Bounced", true),
    COMPLAINED("Complained", true),
    FAILED("Failed", false),
    SKIPPED("Skipped", false);

    private final String label;
    private final boolean left;

    RecipientState(String label, boolean left) {
        this.label = label;
        this.left = left;
    }

    public String label() {
        return label;
    }

    /** Whether the message left for this recipient (whatever became of it after). */
    public boolean left() {
        return left;
    }
}
