package io.flightdeck.shared.web;

/** A one-time message shown on the next page (as a toast); put it in redirect attributes under {@link #KEY}. */
public record Flash(String kind, String message) {

    public static final String KEY = "flash";

    public static Flash success(String message) {
        return new Flash("success", message);
    }

    public static Flash error(String message) {
        return new Flash("error", message);
    }
}
