package io.flightdeck.content.generation;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a text to a character limit without cutting a sentence in half: whole sentences go from the end (paragraph
 * breaks kept) until it fits; only when even the first sentence is too long is it cut at a word, with an ellipsis.
 * Lengths count code points, as the networks do.
 */
public final class LengthFitter {

    private LengthFitter() {
    }

    public static String fit(String text, int limit) {
        if (text == null || limit <= 0 || length(text) <= limit) {
            return text;
        }
        List<String> sentences = sentences(text);
        StringBuilder kept = new StringBuilder();
        for (String sentence : sentences) {
            if (length((kept + sentence).stripTrailing()) > limit) {
                break;
            }
            kept.append(sentence);
        }
        String fitted = kept.toString().strip();
        if (!fitted.isEmpty()) {
            return fitted;
        }
        return cutAtWord(sentences.get(0).strip(), limit);
    }

    /** Sentences with the whitespace after each, so that joining them gives the text back. */
    static List<String> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            out.add(text.substring(start, end));
        }
        return out;
    }

    static String cutAtWord(String sentence, int limit) {
        if (limit <= 1) {
            return "…".substring(0, Math.min(1, limit));
        }
        int room = sentence.offsetByCodePoints(0, Math.min(limit - 1, length(sentence)));
        String head = sentence.substring(0, room);
        int space = head.lastIndexOf(' ');
        if (space > 0) {
            head = head.substring(0, space);
        }
        return head.replaceAll("[\\s,;:–—-]+$", "") + "…";
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
