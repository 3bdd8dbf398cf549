package io.flightdeck.content.generation;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fits a text to a character limit without cutting a sentence in half: whole sentences go from the end (paragraph
 * breaks kept) until it fits. When even the first sentence is too long, it is ended at a clause (before a dash, a
 * semicolon, or a comma followed by "and", "but", "with" and the like); when no clause fits either, the text starts at
 * the first later sentence that fits. Only when no sentence or clause fits at all is a sentence cut at a word, with an ellipsis and
 * never after a dangling "and" or "the". Lengths count code points, as the networks do.
 */
public final class LengthFitter {

    /** Words a cut phrase must not end on. */
    private static final Set<String> DANGLING = Set.of("a", "an", "the", "and", "or", "but", "nor", "so", "of", "to",
            "for", "with", "in", "on", "at", "by", "from", "into", "onto", "about", "over", "via", "per", "as", "than",
            "that", "which", "who", "our", "your", "their", "its", "my", "this", "these", "those", "is", "are", "was",
            "were", "be", "will", "can", "&");
    /** A phrase may be shortened before these. */
    private static final List<String> CLAUSE_BREAKS = List.of(", ", "; ", " – ", " — ", " - ");
    /**
     * A sentence may be ended before these, where what comes before is a whole clause: a dash, a semicolon, or a
     * comma before a conjunction or an added phrase. Not at any comma (an opening "In 2024" or an aside would be
     * left), nor at a colon, whose head is usually a label ("Warning:").
     */
    private static final List<String> SENTENCE_BREAKS = List.of("; ", " – ", " — ", " - ", ", and ", ", but ", ", so ",
            ", or ", ", yet ", ", with ", ", for ", ", made ", ", which ", ", who ", ", where ", ", while ", ", because ",
            ", from ", ", just ", ", then ");

    private LengthFitter() {
    }

    public static String fit(String text, int limit) {
        if (text == null || limit <= 0 || length(text) <= limit) {
            return text;
        }
        String whole = fitWhole(text, limit);
        return whole.isEmpty() ? cutAtWord(sentences(text).get(0).strip(), limit) : whole;
    }

    /**
     * The text within the limit by whole sentences, or its first sentence ended at a clause, or whole sentences from
     * a later one; empty when none of them fits.
     */
    static String fitWhole(String text, int limit) {
        if (text == null || length(text) <= limit) {
            return text == null ? "" : text;
        }
        List<String> sentences = sentences(text);
        String leading = leading(sentences, limit);
        if (!leading.isEmpty()) {
            return leading;
        }
        String clause = atClause(sentences.get(0).strip(), limit);
        if (clause != null) {
            return clause;
        }
        for (int i = 1; i < sentences.size(); i++) {
            String later = leading(sentences.subList(i, sentences.size()), limit);
            if (!later.isEmpty()) {
                return later;
            }
        }
        return "";
    }

    private static String leading(List<String> sentences, int limit) {
        StringBuilder kept = new StringBuilder();
        for (String sentence : sentences) {
            if (length((kept + sentence).strip()) > limit) {
                break;
            }
            kept.append(sentence);
        }
        return kept.toString().strip();
    }

    /** The longest head of the sentence that ends at a clause break, has two words or more and fits with a full stop. */
    private static String atClause(String sentence, int limit) {
        String end = sentence.endsWith("!") || sentence.endsWith("?") ? sentence.substring(sentence.length() - 1) : ".";
        String best = null;
        for (String brk : SENTENCE_BREAKS) {
            for (int at = sentence.indexOf(brk); at > 0; at = sentence.indexOf(brk, at + 1)) {
                String head = sentence.substring(0, at).strip();
                if (head.contains(" ") && length(head) + 1 <= limit && (best == null || head.length() > best.length())
                        && !DANGLING.contains(lastWord(head))) {
                    best = head;
                }
            }
        }
        return best == null ? null : best + end;
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

    /** The last resort: the sentence cut at a word, with an ellipsis. */
    static String cutAtWord(String sentence, int limit) {
        if (limit <= 1) {
            return "…".substring(0, Math.min(1, limit));
        }
        return shortenPhrase(sentence, limit - 1) + "…";
    }

    /**
     * A phrase within {@code limit} characters, for a slot or a headline: ended at a clause break when one leaves more
     * than half of it, else at a word; never on a dangling word ("and", "of", "the") or punctuation.
     */
    static String shortenPhrase(String phrase, int limit) {
        if (length(phrase) <= limit) {
            return phrase;
        }
        String head = phrase.substring(0, phrase.offsetByCodePoints(0, Math.max(0, limit)));
        int clause = -1;
        for (String brk : CLAUSE_BREAKS) {
            clause = Math.max(clause, head.lastIndexOf(brk));
        }
        if (clause > limit / 2) {
            head = head.substring(0, clause);
        } else if (head.lastIndexOf(' ') > 0 && phrase.codePointAt(head.length()) != ' ') {
            head = head.substring(0, head.lastIndexOf(' '));
        }
        head = trimEnd(head);
        while (head.contains(" ") && DANGLING.contains(lastWord(head))) {
            head = trimEnd(head.substring(0, head.lastIndexOf(' ')));
        }
        return head;
    }

    private static String trimEnd(String s) {
        return s.replaceAll("[\\s,;:–—&-]+$", "");
    }

    private static String lastWord(String s) {
        return s.substring(s.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
