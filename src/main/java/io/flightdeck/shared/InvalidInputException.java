package io.flightdeck.shared;

/** Input that passed bean validation but breaks a rule only the service can check. Answers 400 with the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
