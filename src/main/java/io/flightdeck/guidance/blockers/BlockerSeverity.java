package io.flightdeck.guidance.blockers;

/**
 * How much a blocker stands in the way, from the readiness item it comes from. Declared most severe first: blockers
 * are listed in this order.
 */
public enum BlockerSeverity {
    /** A blocking item: no launch, not even a forced one, until it is cleared. */
    BLOCKING("Blocks launch"),
    /** An item a launch must confirm it knows about (the plan ends after the campaign, rights end early). */
    WARNING("Warning"),
    /** Any other open item: it lowers the readiness score (by its weight) or says what is left to do. */
    INFO("To do");

    private final String label;

    BlockerSeverity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
