package io.flightdeck.content.generation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.content.brands.BrandVoice;

/**
 * Values for the phrases' slots, drawn once per text so a text names one pillar and one goal. Each value is kept as it
 * reads in the middle of a sentence ({@link SlotText}); {@link #fill} gives a slot that opens a sentence its capital.
 * There is always a topic: the brief's, else the campaign's name, else the brand's, else "something new".
 */
record Slots(Map<String, String> values) {

    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");
    private static final Pattern GOAL_VERB = Pattern.compile("^(increase|grow|drive|boost|build|get|reach|raise|win|"
            + "launch|reduce|improve|generate|double|triple|sell|clear|book|publish|attract|convert|earn|expand|gain|"
            + "collect|create|deliver|hit|make|promote|retain|sign|start|turn|achieve|cut|fill|bring|inspire|educate|"
            + "establish|strengthen|lift|welcome|keep|find|spread)\\b.*");

    static Slots of(ContentBrief b, BrandVoice brand, SplittableRandom random) {
        Map<String, String> v = new HashMap<>();
        Set<String> names = SlotText.namesIn(brand.name());
        String brandName = SlotText.name(brand.name());
        String topic = SlotText.inSentence(SlotText.clean(b.topic()), names);
        if (topic == null) {
            topic = SlotText.nameInSentence(SlotText.name(b.campaignName()));
        }
        put(v, "topic", topic != null ? topic : brandName != null ? brandName : "something new");
        put(v, "campaign", SlotText.nameInSentence(SlotText.name(b.campaignName())));
        put(v, "brand", brandName);
        put(v, "audience", SlotText.label(SlotText.clean(b.targetAudience()), names));
        put(v, "pillar", b.contentPillars().isEmpty() ? null
                : SlotText.label(SlotText.clean(b.contentPillars().get(random.nextInt(b.contentPillars().size()))), names));
        put(v, "goal", b.goals().isEmpty() ? null : goalVerb(b.goals().get(random.nextInt(b.goals().size())), names));
        put(v, "use", brand.wordsToUse().isEmpty() ? null
                : SlotText.inSentence(SlotText.clean(brand.wordsToUse().get(random.nextInt(brand.wordsToUse().size()))),
                        names));
        return new Slots(v);
    }

    /** Every slot of the phrase has a value, and no two of its slots the same one ("New from Northwind: Northwind"). */
    boolean canFill(String phrase) {
        Set<String> slots = new HashSet<>();
        Matcher m = SLOT.matcher(phrase);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                return false;
            }
            slots.add(m.group(1));
        }
        return slots.stream().map(s -> values.get(s).toLowerCase(Locale.ROOT)).distinct().count() == slots.size();
    }

    /** The phrase with its slots filled; a slot at the start of a sentence gets a capital. */
    String fill(String phrase) {
        Matcher m = SLOT.matcher(phrase);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), m.group());
            String cased = SlotText.opensSentence(phrase, m.start()) ? SlotText.sentenceStart(value) : value;
            m.appendReplacement(out, Matcher.quoteReplacement(cased));
        }
        m.appendTail(out);
        return SlotText.sentenceStart(out.toString());
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, value.strip());
        }
    }

    /**
     * A goal as a verb phrase: "Increase sign-ups by 20 %" reads "increase sign-ups by 20 %"; a noun goal becomes
     * "get more …", one that starts with a number or "more" "get …".
     */
    private static String goalVerb(String goal, Set<String> names) {
        String g = SlotText.label(SlotText.clean(goal), names);
        if (g == null) {
            return null;
        }
        String lower = g.toLowerCase(Locale.ROOT);
        if (GOAL_VERB.matcher(lower).matches()) {
            return g;
        }
        return Character.isDigit(g.charAt(0)) || lower.startsWith("more ") ? "get " + g : "get more " + g;
    }
}
