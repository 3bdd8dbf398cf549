package io.flightdeck.content.generation;

import java.util.Locale;

/** The register a strategy's tone asks for; free-text tones map to the nearest, anything else is plain. */
enum Register {
    PLAIN, PLAYFUL, PROFESSIONAL, BOLD, WARM, LUXURIOUS, URGENT;

    static Register of(String tone) {
        if (tone == null || tone.isBlank()) {
            return PLAIN;
        }
        String t = tone.toLowerCase(Locale.ROOT);
        if (t.matches(".*\\b(urgent|limited|now|hurry|last chance)\\b.*")) {
            return URGENT;
        }
        if (t.matches(".*\\b(play|fun|witty|cheeky|quirky|light|humor|humour|wry)\\w*.*")) {
            return PLAYFUL;
        }
        if (t.matches(".*\\b(luxur|premium|elegant|refined|exclusive|sophisticat)\\w*.*")) {
            return LUXURIOUS;
        }
        if (t.matches(".*\\b(bold|confident|punchy|edgy|daring|energetic)\\w*.*")) {
            return BOLD;
        }
        if (t.matches(".*\\b(warm|friendly|caring|kind|human|empath|approachable)\\w*.*")) {
            return WARM;
        }
        if (t.matches(".*\\b(professional|expert|authoritative|formal|trusted|informative|clear)\\w*.*")) {
            return PROFESSIONAL;
        }
        return PLAIN;
    }
}
