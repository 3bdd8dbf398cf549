package io.flightdeck.content.generation;

import java.util.Locale;
import java.util.regex.Pattern;

/** The register a strategy's tone asks for; free-text tones map to the nearest, anything else is plain. */
enum Register {
    PLAIN, PLAYFUL, PROFESSIONAL, BOLD, WARM, LUXURIOUS, URGENT;

    // compiled once: a register is chosen for every text written
    private static final Pattern URGENT_WORDS = Pattern.compile(".*\\b(urgent|limited|now|hurry|last chance)\\b.*");
    private static final Pattern PLAYFUL_WORDS =
            Pattern.compile(".*\\b(play|fun|witty|cheeky|quirky|light|humor|humour|wry)\\w*.*");
    private static final Pattern LUXURIOUS_WORDS =
            Pattern.compile(".*\\b(luxur|premium|elegant|refined|exclusive|sophisticat)\\w*.*");
    private static final Pattern BOLD_WORDS =
            Pattern.compile(".*\\b(bold|confident|punchy|edgy|daring|energetic)\\w*.*");
    private static final Pattern WARM_WORDS =
            Pattern.compile(".*\\b(warm|friendly|caring|kind|human|empath|approachable)\\w*.*");
    private static final Pattern PROFESSIONAL_WORDS =
            Pattern.compile(".*\\b(professional|expert|authoritative|formal|trusted|informative|clear)\\w*.*");

    static Register of(String tone) {
        if (tone == null || tone.isBlank()) {
            return PLAIN;
        }
        String t = tone.toLowerCase(Locale.ROOT);
        if (URGENT_WORDS.matcher(t).matches()) {
            return URGENT;
        }
        if (PLAYFUL_WORDS.matcher(t).matches()) {
            return PLAYFUL;
        }
        if (LUXURIOUS_WORDS.matcher(t).matches()) {
            return LUXURIOUS;
        }
        if (BOLD_WORDS.matcher(t).matches()) {
            return BOLD;
        }
        if (WARM_WORDS.matcher(t).matches()) {
            return WARM;
        }
        if (PROFESSIONAL_WORDS.matcher(t).matches()) {
            return PROFESSIONAL;
        }
        return PLAIN;
    }
}
