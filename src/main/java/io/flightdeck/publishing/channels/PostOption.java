package io.flightdeck.publishing.channels;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A choice a network offers for one post, shown in the composer next to the account: a format (a feed post, a Reel, a
 * story) or TikTok's privacy level and interaction switches, as the account's settings allow them today.
 *
 * @param key          stored with the post under this key (one of the constants here, or the adapter's own)
 * @param choices      the values a person may pick, in order; for a switch {@code on} and {@code off}
 * @param defaultValue what the composer starts with; null when a person must choose (TikTok's privacy level)
 * @param disabledWhy  why the choice is greyed out (the creator turned duets off); null when it can be changed
 * @param help         a sentence under the control; null for none
 */
public record PostOption(String key, String label, Kind kind, List<Choice> choices, @Nullable String defaultValue,
        @Nullable String disabledWhy, @Nullable String help) {

    /** A feed post, a Reel, a story... ({@code feed}, {@code reel}, {@code story}, {@code video}). */
    public static final String FORMAT = "format";
    /** TikTok's privacy level, in TikTok's words ({@code PUBLIC_TO_EVERYONE}, {@code SELF_ONLY}, ...). */
    public static final String PRIVACY = "privacy";

    public enum Kind { CHOICE, SWITCH }

    public record Choice(String value, String label) {
    }

    public static final String ON = "on";
    public static final String OFF = "off";

    /** Whether the choice is greyed out. */
    public boolean disabled() {
        return disabledWhy != null;
    }
}
