package io.flightdeck.shared;

/** Text kept within a length, for a column or a line a person reads. */
public final class Text {

    private Text() {
    }

    /**
     * The text itself when it has at most {@code max} characters, otherwise its start cut to leave room for an ellipsis,
     * so the result is never longer than {@code max}; null stays null.
     */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
