package io.flightdeck.content.creatives;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.flightdeck.shared.StateMove;

/**
 * The moves of a creative's review and the statuses each is allowed from. Sending for review is allowed from any
 * status (sending again restarts the approval). A decision reaches a creative that was sent, and may reach it again
 * after it was decided, because its approval reopens without the creative changing (a strategy revision, a review
 * asked for after a rejection). Only a draft, never sent, takes no decision.
 */
enum CreativeReviewMove implements StateMove<CreativeStatus> {

    SUBMIT("submit", CreativeStatus.IN_REVIEW, EnumSet.allOf(CreativeStatus.class)),
    APPROVE("approve", CreativeStatus.APPROVED, EnumSet.of(CreativeStatus.IN_REVIEW, CreativeStatus.APPROVED,
            CreativeStatus.CHANGES_REQUESTED)),
    REJECT("reject", CreativeStatus.CHANGES_REQUESTED, EnumSet.of(CreativeStatus.IN_REVIEW, CreativeStatus.APPROVED,
            CreativeStatus.CHANGES_REQUESTED));

    private final String path;
    private final CreativeStatus to;
    private final Set<CreativeStatus> from;

    CreativeReviewMove(String path, CreativeStatus to, Set<CreativeStatus> from) {
        this.path = path;
        this.to = to;
        this.from = from;
    }

    static CreativeReviewMove decision(boolean approved) {
        return approved ? APPROVE : REJECT;
    }

    String path() {
        return path;
    }

    CreativeStatus to() {
        return to;
    }

    @Override
    public boolean allowedFrom(CreativeStatus status) {
        return from.contains(status);
    }

    /** The moves allowed from {@code status}, by name. */
    static List<String> legalFrom(CreativeStatus status) {
        return StateMove.offeredFrom(status, CreativeReviewMove.class).stream().map(CreativeReviewMove::path).toList();
    }

    /** Refuses the move from {@code status}: the one 409 of every state machine (shared IllegalTransition). */
    void requireAllowedFrom(CreativeStatus status) {
        requireFrom(status, "creative");
    }
}
