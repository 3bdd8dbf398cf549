package io.flightdeck.content.creatives;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.content.CreativeStatus;
import io.flightdeck.shared.ConflictException;

/**
 * The moves of a creative's review and the statuses each is allowed from. Sending for review is allowed from any
 * status (sending again restarts the approval). A decision reaches a creative that was sent, and may reach it again
 * after it was decided, because its approval reopens without the creative changing (a strategy revision, a review
 * asked for after a rejection). Only a draft, never sent, takes no decision.
 */
enum CreativeReviewMove {

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

    boolean allowedFrom(CreativeStatus status) {
        return from.contains(status);
    }

    /** The moves allowed from {@code status}, by name. */
    static List<String> legalFrom(CreativeStatus status) {
        return Arrays.stream(values()).filter(m -> m.allowedFrom(status)).map(CreativeReviewMove::path).toList();
    }

    /** Refuses the move from {@code status} with a 409 naming the status, the move and the moves allowed instead. */
    void requireAllowedFrom(CreativeStatus status) {
        if (!allowedFrom(status)) {
            throw new ConflictException("illegal-creative-transition", "Cannot " + path + " a creative that is "
                    + status.label().toLowerCase(), Map.of("currentState", status, "attemptedMove", path,
                            "allowedMoves", legalFrom(status)));
        }
    }
}
