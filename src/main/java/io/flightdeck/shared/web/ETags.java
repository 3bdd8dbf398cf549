package io.flightdeck.shared.web;

import io.flightdeck.shared.InvalidInputException;

/**
 * Optimistic locking over HTTP: a resource's ETag is its {@code @Version}; an update carries it back in If-Match and
 * the service compares it with the current version inside its transaction (a mismatch throws
 * {@link io.flightdeck.shared.PreconditionFailedException}, answered 412).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or null when the header is absent or {@code *}. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be an ETag this API returned, such as \"3\"");
        }
    }
}
