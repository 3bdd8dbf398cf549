package io.flightdeck.guidance.recommendations;

/** How a person reacted to a recommendation. */
public enum ReactionKind {
    /** They will do it, or did: hidden while its evidence stays the same, for 30 days at most. */
    ACCEPTED("accepted"),
    /** Not for them, for a reason: hidden while its evidence stays the same, for 90 days unless they chose a date. */
    DISMISSED("dismissed"),
    /** Not now: hidden until the date they chose, whatever happens to the evidence. */
    SNOOZED("snoozed");

    private final String word;

    ReactionKind(String word) {
        this.word = word;
    }

    /** The past participle for counts: 3 snoozed. */
    public String word() {
        return word;
    }
}
