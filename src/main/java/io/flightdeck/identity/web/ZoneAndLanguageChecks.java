package io.flightdeck.identity.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;

import org.springframework.validation.BindingResult;

/**
 * The time zone and language checks the identity forms make beside bean validation, so that a wrong time zone shows
 * with every other mistake at once instead of only after they are fixed. The services check the same again.
 */
final class ZoneAndLanguageChecks {

    private ZoneAndLanguageChecks() {
    }

    static void timeZone(BindingResult errors, String field, String zone) {
        if (zone == null || zone.isBlank() || errors.hasFieldErrors(field)) {
            return;
        }
        try {
            ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            errors.rejectValue(field, "invalid", "Enter a known time zone, such as Europe/Berlin or America/New_York");
        }
    }

    static void language(BindingResult errors, String field, String tag) {
        if (tag == null || tag.isBlank() || errors.hasFieldErrors(field)) {
            return;
        }
        try {
            if (new Locale.Builder().setLanguageTag(tag.trim()).build().getLanguage().isEmpty()) {
                errors.rejectValue(field, "invalid", "Enter a language tag, such as en or de-CH");
            }
        } catch (IllformedLocaleException e) {
            errors.rejectValue(field, "invalid", "Enter a language tag, such as en or de-CH");
        }
    }
}
