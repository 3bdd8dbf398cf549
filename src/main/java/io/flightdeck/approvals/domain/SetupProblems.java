package io.flightdeck.approvals.domain;

import java.util.ArrayList;
import java.util.List;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.InvalidInputException.Problem;

/**
 * Every problem of one change to the approval setup, gathered before any of it is written, so a form or an API call
 * learns all of them at once (the API's 400 lists each field).
 */
final class SetupProblems {

    private final List<Problem> problems = new ArrayList<>();

    void add(String field, String message) {
        problems.add(new Problem(field, message));
    }

    boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Refuses the change with every problem found, if any; {@code what} names it in the summary. */
    void throwIfAny(String what) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.size() == 1 ? problems.get(0).message()
                    : what + " has " + problems.size() + " problems", problems);
        }
    }
}
