package io.flightdeck.content.generation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a brief field reads inside one of the phrase book's sentences. A field is cleaned once: its first clause only,
 * no '#' before a word, no closing punctuation (the phrase brings its own), at most {@value #MAX} characters, cut at a
 * clause or a word and never on a dangling "and" or "of". It is then cased for the middle of a sentence, and a slot
 * that opens a sentence gets a capital back.
 *
 * <p>The casing rule is a heuristic, kept simple: a word is <em>ordinary</em> when it starts with a capital and its
 * other letters are all lower case ("Our", "Spring", "Busy"), and it is not the brand's name or a word of it, not "I",
 * and not a day, month or holiday ("Monday", "May", "Christmas"). Acronyms ("NASA"), mixed case ("iPhone",
 * "McDonald's") and the brand ("Northwind") are names and keep their casing. In a free-text field (the topic, a word
 * to use) only the first word is lowered, and only when the next word does not start with a capital too (a Title Case
 * phrase such as "Black Friday deals" reads as a name), except that a leading article or possessive ("The", "Our",
 * "A") is always lowered. In a label (the audience, a pillar, a goal) every ordinary word is lowered, since labels are
 * often written in Title Case ("Small Business Owners").
 */
final class SlotText {

    static final int MAX = 80;

    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "our", "your", "their", "my", "its", "this",
            "that", "these", "those", "every", "each");
    private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "christmas", "easter", "halloween", "thanksgiving", "hanukkah", "diwali",
            "ramadan", "eid", "passover", "valentine", "mother", "father");
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[.!?…])\\s+|[;\\n\\r]");
    private static final Pattern HASHTAG = Pattern.compile("#(?=[\\p{L}\\p{N}_])");
    private static final Pattern NOT_A_NAME_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}']+");

    private SlotText() {
    }

    /** A brief field as a phrase for a sentence, uncased; null when it holds nothing. */
    static String clean(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        String first = Arrays.stream(CLAUSE_END.split(field.strip())).filter(s -> !s.isBlank()).findFirst().orElse("");
        String phrase = tidy(first);
        phrase = LengthFitter.length(phrase) > MAX ? LengthFitter.shortenPhrase(phrase, MAX) : phrase;
        return phrase.isBlank() ? null : phrase;
    }

    /** A name (the brand's, the campaign's) for a sentence: kept whole, without '#' or closing punctuation. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String tidy = tidy(name.strip());
        return tidy.isBlank() ? null : tidy;
    }

    /** One pass: no '#' before a word, one space between words and none before punctuation, no closing punctuation. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = !out.isEmpty();
            } else if (c == '#' && i + 1 < text.length() && isWordChar(text.charAt(i + 1))) {
                continue;
            } else {
                out.append(space && ",.;:!?".indexOf(c) < 0 ? " " : "").append(c);
                space = false;
            }
        }
        int end = out.length();
        while (end > 0 && " .,;:!?…–—-".indexOf(out.charAt(end - 1)) >= 0) {
            end--;
        }
        return out.substring(0, end);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The words of the brand's name: they keep their casing wherever they appear. */
    static Set<String> namesIn(String brandName) {
        if (brandName == null) {
            return Set.of();
        }
        return Arrays.stream(NOT_A_NAME_CHARACTER.split(brandName)).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    /** A free-text phrase (a topic, a word to use) for the middle of a sentence: its first word lowered if ordinary. */
    static String inSentence(String phrase, Set<String> names) {
        if (phrase == null) {
            return null;
        }
        String[] words = phrase.split(" ", 3);
        boolean determiner = DETERMINERS.contains(words[0].toLowerCase(Locale.ROOT));
        boolean titleCase = words.length > 1 && startsUpper(words[1]);
        if (determiner || !titleCase && ordinary(words[0], names)) {
            return lowerFirst(phrase);
        }
        return phrase;
    }

    /** A name for the middle of a sentence: only a leading article or possessive is lowered ("the Spring Push"). */
    static String nameInSentence(String name) {
        if (name == null) {
            return null;
        }
        String first = name.split(" ", 2)[0];
        return name.contains(" ") && DETERMINERS.contains(first.toLowerCase(Locale.ROOT)) ? lowerFirst(name) : name;
    }

    /** A label (an audience, a pillar, a goal) for the middle of a sentence: every ordinary word lowered. */
    static String label(String phrase, Set<String> names) {
        if (phrase == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String word : phrase.split(" ")) {
            out.append(out.isEmpty() ? "" : " ").append(ordinary(word, names) ? lowerFirst(word) : word);
        }
        return out.toString();
    }

    /** The value opening a sentence: its first letter a capital, unless the word is cased like "iPhone" or "eBay". */
    static String sentenceStart(String value) {
        if (value == null || value.isEmpty() || !Character.isLowerCase(value.charAt(0))) {
            return value;
        }
        int end = 1;
        while (end < value.length() && Character.isLetterOrDigit(value.charAt(end))) {
            end++;
        }
        return hasUpper(value, 1, end) ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    /** Whether a slot at {@code index} of {@code phrase} opens a sentence: nothing before it, or a sentence's end. */
    static boolean opensSentence(String phrase, int index) {
        String before = phrase.substring(0, index).stripTrailing();
        return before.isEmpty() || ".!?".indexOf(before.charAt(before.length() - 1)) >= 0;
    }

    /** The text with every hashtag's '#' removed, for email: "#SlowMornings" reads "SlowMornings". */
    static String unhashed(String text) {
        return text == null ? null : HASHTAG.matcher(text).replaceAll("");
    }

    static boolean ordinary(String word, Set<String> names) {
        if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        if (word.length() == 1) {
            return word.equals("A");
        }
        String bare = bare(word);
        return !hasUpper(word, 1, word.length()) && !word.startsWith("I'") && !word.startsWith("I’")
                && !names.contains(word) && !names.contains(bare) && !CALENDAR.contains(bare.toLowerCase(Locale.ROOT));
    }

    /** The word without a closing {@code 's} or punctuation: {@code Valentine's} is {@code Valentine}. */
    private static String bare(String word) {
        int end = word.length();
        while (end > 0 && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        if (end > 2 && (word.charAt(end - 1) == 's' || word.charAt(end - 1) == 'S')
                && (word.charAt(end - 2) == '\'' || word.charAt(end - 2) == '’')) {
            end -= 2;
        }
        return word.substring(0, end);
    }

    private static boolean hasUpper(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsUpper(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
