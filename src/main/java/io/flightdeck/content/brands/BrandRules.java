package io.flightdeck.content.brands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.InvalidInputException.Problem;

/** The rules a brand's details keep; the API's bean validation bounds sizes, these clean and check the lists. */
final class BrandRules {

    static final int MAX_WORDS = 50;
    static final int MAX_HASHTAGS = 30;
    static final int MAX_COLOURS = 12;
    static final int MAX_LOGOS = 5;
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]{1,99}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    private BrandRules() {
    }

    /** The details cleaned, or every problem at once. */
    static BrandDetails clean(BrandDetails d) {
        List<Problem> problems = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            problems.add(new Problem("name", "Name the brand"));
        }
        List<String> hashtags = new ArrayList<>();
        for (String tag : words(d.hashtags(), "hashtags", MAX_HASHTAGS, problems)) {
            String withHash = tag.startsWith("#") ? tag : "#" + tag;
            if (HASHTAG.matcher(withHash).matches()) {
                hashtags.add(withHash);
            } else if (problems.stream().noneMatch(p -> p.field().equals("hashtags"))) {
                problems.add(new Problem("hashtags", "'" + tag + "' is not a hashtag: letters, digits and _ only"));
            }
        }
        List<String> colours = new ArrayList<>();
        for (String colour : words(d.colours(), "colours", MAX_COLOURS, problems)) {
            String lower = colour.toLowerCase(Locale.ROOT);
            if (COLOUR.matcher(lower).matches()) {
                colours.add(lower);
            } else if (problems.stream().noneMatch(p -> p.field().equals("colours"))) {
                problems.add(new Problem("colours", "'" + colour + "' is not a colour like #1a2b3c"));
            }
        }
        if (d.logoAssetIds().size() > MAX_LOGOS) {
            problems.add(new Problem("logoAssetIds", "at most " + MAX_LOGOS + " logos"));
        }
        List<String> use = words(d.wordsToUse(), "wordsToUse", MAX_WORDS, problems);
        List<String> avoid = words(d.wordsToAvoid(), "wordsToAvoid", MAX_WORDS, problems);
        Set<String> avoided = new LinkedHashSet<>(avoid.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
        use.stream().filter(w -> avoided.contains(w.toLowerCase(Locale.ROOT))).findFirst().ifPresent(word ->
                problems.add(new Problem("wordsToAvoid", "'" + word + "' is both a word to use and one to avoid")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).message(), problems);
        }
        return new BrandDetails(name, blankToNull(d.voice()), use, avoid, dedupe(hashtags), dedupe(colours),
                blankToNull(d.headingFont()), blankToNull(d.bodyFont()), List.copyOf(new LinkedHashSet<>(d.logoAssetIds())),
                blankToNull(d.legalFooter()));
    }

    private static List<String> words(List<String> raw, String field, int max, List<Problem> problems) {
        List<String> cleaned = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean tooLong = false;
        for (String word : raw) {
            String w = word == null ? "" : word.strip();
            if (!w.isEmpty() && seen.add(w.toLowerCase(Locale.ROOT))) {
                if (w.length() > 100 && !tooLong) {
                    problems.add(new Problem(field, "'" + w.substring(0, 20) + "…' is longer than 100 characters"));
                    tooLong = true;
                }
                cleaned.add(w);
            }
        }
        if (cleaned.size() > max && !tooLong) {
            problems.add(new Problem(field, "at most " + max + " entries"));
        }
        return cleaned;
    }

    private static List<String> dedupe(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
