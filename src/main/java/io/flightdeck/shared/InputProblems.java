package io.flightdeck.shared;

import java.util.ArrayList;
import java.util.List;

import io.flightdeck.shared.InvalidInputException.Problem;

/**
 * Every problem of one change, gathered before any of it is written, so a form or an API call learns all of them at
 * once (the API's 400 lists each field) instead of only the first.
 */
public final class InputProblems {

    private final List<Problem> problems = new ArrayList<>();

    public void add(String field, String message) {
        problems.add(new Problem(field, message));
    }

    /** Adds the problems of a rule that refused on its own. */
    public void addAll(InvalidInputException e) {
        problems.addAll(e.problems());
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> field.equals(p.field()));
    }

    public int size() {
        return problems.size();
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Refuses the change with every problem found, if any; {@code what} names it in the summary. */
    public void throwIfAny(String what) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.size() == 1 ? problems.get(0).message()
                    : what + " has " + problems.size() + " problems", problems);
        }
    }
}
