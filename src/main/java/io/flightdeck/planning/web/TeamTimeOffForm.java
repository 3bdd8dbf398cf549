package io.flightdeck.planning.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The add-time-off form as typed; dates are read here so a malformed one is a message beside its field. */
record TeamTimeOffForm(String startsOn, String endsOn, String reason) {

    static TeamTimeOffForm empty() {
        return new TeamTimeOffForm("", "", "");
    }

    LocalDate start(Map<String, String> errors) {
        return date(startsOn, "startsOn", errors);
    }

    LocalDate end(Map<String, String> errors) {
        return date(endsOn, "endsOn", errors);
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put(field, "is required");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date such as 2030-06-03");
            return null;
        }
    }
}
