package io.flightdeck.guidance.home;

/**
 * What is at stake if a piece of a member's work waits, most pressing first: the home page's order (see
 * {@link WorkRanking}). The words are shown beside each item, so a member sees why it sits where it does.
 */
enum WorkConsequence {
    /** A campaign cannot launch or finish on time until this is done. */
    HOLDS_UP_A_CAMPAIGN("Holds up a campaign"),
    /** Something that should have gone out did not, or may have gone out twice. */
    WENT_WRONG("Went wrong"),
    /** On a campaign's critical path, not late yet: a day lost here is a day lost for the campaign. */
    CRITICAL_PATH("On the critical path"),
    /** Due soon, or spending away from plan, without holding a campaign up. */
    DUE_SOON("Due soon"),
    /** Worth doing; nothing waits for it. */
    WOULD_HELP("Would help");

    private final String words;

    WorkConsequence(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
