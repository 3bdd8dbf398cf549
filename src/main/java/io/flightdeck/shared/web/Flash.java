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
}
