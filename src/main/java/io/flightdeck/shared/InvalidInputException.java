package io.flightdeck.shared;

import java.util.List;

/**
 * Input that passed bean validation but breaks a rule only the service can check. Answers 400 with the field, or
 * with every field at fault when a whole batch is checked before any of it is written.
 */
public class InvalidInputException extends RuntimeException {

    /** One field at fault and why. */
    public record Problem(String field, String message) {
    }

    private final String field;
    private final List<Problem> problems;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
        this.problems = List.of(new Problem(field, message));
    }

    /** Several problems at once (a batch's rows); the message sums them up. */
    public InvalidInputException(String summary, List<Problem> problems) {
        super(summary);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem");
        }
        this.field = problems.get(0).field();
        this.problems = List.copyOf(problems);
    }

    public String field() {
        return field;
    }

    public List<Problem> problems() {
        return problems;
    }
}
