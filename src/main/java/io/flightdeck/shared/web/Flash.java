package io.flightdeck.shared.web;

import java.io.Serializable;

/**
 * A one-time message shown on the next page (as a toast); put it in redirect attributes under {@link #KEY}. Flash
 * attributes wait in the session, which lives in the database, so they must be serialisable.
 */
public record Flash(String kind, String message) implements Serializable {

    public static final String KEY = "flash";

    public static Flash success(String message) {
        return new Flash("success", message);
    }

    public static Flash error(String message) {
        return new Flash("error", message);
    }

    /** Done, with something the person has to see to: it stays until dismissed, as an error does. */
    public static Flash notice(String message) {
        return new Flash("notice", message);
    }
}
