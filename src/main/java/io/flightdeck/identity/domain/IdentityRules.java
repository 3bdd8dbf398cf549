package io.flightdeck.identity.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;

/** Normalisation and checks shared by sign-up, invitations and profile changes. */
final class IdentityRules {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;

    private IdentityRules() {
    }

    static String email(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    static void password(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException(field, "must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new InvalidInputException(field, "must be at most " + MAX_PASSWORD + " characters");
        }
    }

    static String timeZone(String field, String zone) {
        if (zone == null || zone.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(zone.trim()).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "is not a known time zone, such as Europe/Berlin or America/New_York");
        }
    }

    static String locale(String field, String tag) {
        if (tag == null || tag.isBlank()) {
            return "en";
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.trim()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new InvalidInputException(field, "is not a language tag, such as en or de-CH");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new InvalidInputException(field, "is not a language tag, such as en or de-CH");
        }
    }

    static String slugOf(String name) {
        String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "workspace" : slug;
    }
}
