package io.flightdeck.email.sending;

import io.flightdeck.shared.StateMove;

/**
 * An A/B test's one move a person makes: picking the variant the rest gets, while the test runs and before the rest
 * got one. Setting it up and dropping it follow the email's own {@code edit}.
 */
enum AbTestMove implements StateMove<AbTestMove.Status> {
    PICK;

    /** Where a test stands: set up before the send, testing until a look decides, waiting after an inconclusive one. */
    enum Status { SET_UP, TESTING, WAITING, DECIDED }

    @Override
    public boolean allowedFrom(Status status) {
        return status == Status.TESTING || status == Status.WAITING;
    }

    void requireFrom(Status status) {
        requireFrom(status, "A/B test");
    }
}
