package io.flightdeck.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.flightdeck.shared.InvalidInputException;

/**
 * A refused input as a page shows it: every problem by its form field (the first message per field wins), so a form
 * re-rendered with the typed values can mark each field at once instead of only the first.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Every problem of the exception, by field. */
    public static Map<String, String> of(InvalidInputException e) {
        return of(e, UnaryOperator.identity());
    }

    /** Every problem of the exception, by the form field {@code toFormField} names for the service's field. */
    public static Map<String, String> of(InvalidInputException e, UnaryOperator<String> toFormField) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInputException.Problem p : e.problems()) {
            errors.putIfAbsent(p.field() == null ? "global" : toFormField.apply(p.field()), p.message());
        }
        return errors;
    }
}
