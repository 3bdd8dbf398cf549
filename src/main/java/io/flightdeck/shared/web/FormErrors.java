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

    /**
     * Marks every problem of the exception on a Spring form: at the form field {@code toFormField} names for the
     * service's field, or for the whole form when it names none.
     */
    public static void reject(org.springframework.validation.BindingResult errors, InvalidInputException e,
            UnaryOperator<String> toFormField) {
        for (InvalidInputException.Problem p : e.problems()) {
            String field = p.field() == null ? null : toFormField.apply(p.field());
            if (field != null && errors.getFieldError(field) == null) {
                errors.rejectValue(field, "invalid", p.message());
            } else if (field == null) {
                errors.reject("invalid", p.message());
            }
        }
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
