package io.flightdeck.content.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.PlatformLimits;

/**
 * Turns a long text into one network's post by extraction: the text's key sentences (frequent content words, an early
 * position, a readable length, a sentence's closing punctuation) framed the way the network reads; for email, without
 * the '#' of any hashtag. The seed picks among the best sentences, so
 * variations differ while each stays faithful to the source.
 */
final class Repurposer {

    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for",
            "with", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "as", "at",
            "by", "from", "we", "you", "our", "your", "they", "their", "i", "he", "she", "not", "no", "so", "if", "than",
            "then", "there", "here", "what", "which", "who", "how", "when", "can", "will", "just", "all", "more", "has",
            "have", "had", "do", "does", "did", "into", "about", "also", "one", "us", "my", "me");

    /** A key sentence ends as a sentence does, so a heading or a list item without a full stop never closes a post. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"”’')\\]]*$");

    private Repurposer() {
    }

    static String post(String source, Channel channel, Register register, Slots slots,
            SplittableRandom random) {
        List<String> key = keySentences(source == null ? "" : source, 8);
        if (key.isEmpty()) {
            return "";
        }
        List<String> chosen = choose(key, random, channel == Channel.TWITTER ? 1 : channel == Channel.LINKEDIN ? 4 : 3);
        if (channel == Channel.EMAIL) {
            chosen = chosen.stream().map(SlotText::unhashed).toList();
        }
        String closer = slots.fill(BuiltInGenerator.pick(PhraseBook.CLOSERS.get(register), random, slots));
        int limit = PlatformLimits.of(channel).maxChars();
        if (channel == null) {
            return String.join(" ", chosen);
        }
        return switch (channel) {
            case LINKEDIN -> LengthFitter.fit(chosen.get(0) + "\n\n" + String.join("\n\n", chosen.subList(1, chosen.size()))
                    + "\n\n" + slots.fill(BuiltInGenerator.pick(PhraseBook.QUESTIONS, random, slots)), limit);
            case INSTAGRAM -> LengthFitter.fit("✨ " + String.join("\n\n", chosen) + "\n\n" + closer, limit);
            case TWITTER -> LengthFitter.fit(chosen.get(0) + " " + closer, limit);
            case TIKTOK -> LengthFitter.fit(chosen.get(0), limit);
            default -> LengthFitter.fit(String.join(" ", chosen) + " " + closer, limit);
        };
    }

    /** The best sentences of the text in their original order; at most {@code max}. */
    static List<String> keySentences(String text, int max) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : prose(text)) {
            LengthFitter.sentences(paragraph).stream().map(String::strip)
                    .filter(s -> s.length() >= 25 && s.length() <= 260 && SENTENCE_END.matcher(s).find())
                    .forEach(sentences::add);
        }
        Map<String, Integer> freq = new HashMap<>();
        for (String s : sentences) {
            for (String w : words(s)) {
                freq.merge(w, 1, Integer::sum);
            }
        }
        record Scored(int index, String sentence, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<String> words = words(sentences.get(i));
            double sum = words.stream().mapToInt(w -> freq.getOrDefault(w, 0)).sum();
            double score = words.isEmpty() ? 0 : sum / Math.sqrt(words.size()) * (1.0 + 1.0 / (1 + i / 3.0));
            scored.add(new Scored(i, sentences.get(i), score));
        }
        return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(max)
                .sorted(Comparator.comparingInt(Scored::index)).map(Scored::sentence).toList();
    }

    /**
     * The text's paragraphs as prose: Markdown headings, list markers, emphasis and link targets go, so a heading never
     * runs into the sentence after it; a paragraph's lines are joined.
     */
    static List<String> prose(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            StringBuilder p = new StringBuilder();
            for (String line : block.split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.matches("^#{1,6}\\s.*") || l.matches("^(-{3,}|\\*{3,}|_{3,})$")) {
                    continue;
                }
                l = l.replaceFirst("^([-*+]|\\d+[.)])\\s+", "").replaceFirst("^>\\s*", "")
                        .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("(\\*\\*|__|\\*|`)", "");
                p.append(p.isEmpty() ? "" : " ").append(l);
            }
            if (!p.isEmpty()) {
                paragraphs.add(p.toString());
            }
        }
        return paragraphs;
    }

    private static List<String> choose(List<String> key, SplittableRandom random, int count) {
        List<String> pool = new ArrayList<>(key);
        List<String> chosen = new ArrayList<>();
        // the first pick comes from the top half, so every variation opens with a strong sentence
        while (chosen.size() < count && !pool.isEmpty()) {
            int bound = chosen.isEmpty() ? Math.max(1, (pool.size() + 1) / 2) : pool.size();
            chosen.add(pool.remove(random.nextInt(bound)));
        }
        return chosen;
    }

    private static List<String> words(String sentence) {
        List<String> out = new ArrayList<>();
        for (String w : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (w.length() > 2 && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
