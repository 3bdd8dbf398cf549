package io.flightdeck.strategy.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InputProblems;

/**
 * The limits and clean-up every save goes through, whether it came from the API (after Bean Validation) or the page:
 * trimmed text, blank lines dropped, repeated items once, and a budget split that adds up.
 */
final class StrategyRules {

    static final int MAX_ITEMS = 20;
    static final int MAX_ITEM_LENGTH = 200;
    static final int MAX_SHORT_TEXT = 2000;
    static final int MAX_LONG_TEXT = 4000;
    static final int MAX_REASON = 500;

    private StrategyRules() {
    }

    /** The details cleaned up, or every problem at once (one per field). */
    static StrategyDetails check(StrategyDetails d) {
        InputProblems problems = new InputProblems();
        List<Channel> platforms = List.copyOf(new LinkedHashSet<>(d.platforms().stream().filter(Objects::nonNull).toList()));
        List<String> goals = items("goals", "goals", d.goals(), problems);
        List<String> pillars = items("contentPillars", "content pillars", d.contentPillars(), problems);
        String audience = text("targetAudience", d.targetAudience(), MAX_LONG_TEXT, problems);
        String tone = text("brandTone", d.brandTone(), MAX_SHORT_TEXT, problems);
        String constraints = text("constraints", d.constraints(), MAX_LONG_TEXT, problems);
        String cadence = text("cadence", d.cadence(), MAX_SHORT_TEXT, problems);
        AdsConfig ads = ads(d.adsConfig(), platforms, problems);
        Map<Channel, Integer> mix = shares("channelMix", d.channelMix(), platforms, problems);
        problems.throwIfAny("The strategy");
        return new StrategyDetails(platforms, goals, audience, pillars, tone, constraints, cadence, ads, mix);
    }

    private static AdsConfig ads(AdsConfig ads, List<Channel> platforms, InputProblems problems) {
        if (ads == null || ads.isEmpty()) {
            return null;
        }
        Map<Channel, Integer> split = shares("adsConfig.budgetSplit", ads.budgetSplit(), platforms, problems);
        return new AdsConfig(ads.objective(), split, text("adsConfig.biddingNotes", ads.biddingNotes(), MAX_SHORT_TEXT,
                problems));
    }

    /**
     * A split in whole percents per platform (the budget's, the content's): only the strategy's platforms, each share
     * from 0 to 100, adding up to 100 when any is given.
     */
    static Map<Channel, Integer> shares(String field, Map<Channel, Integer> shares, List<Channel> platforms,
            InputProblems problems) {
        Map<Channel, Integer> split = new EnumMap<>(Channel.class);
        List<String> wrong = new ArrayList<>();
        shares.forEach((platform, percent) -> {
            if (percent == null || percent < 0 || percent > 100) {
                wrong.add("gives " + platform.label() + " " + percent + "; each share is a whole percent from 0 to 100");
            } else if (!platforms.contains(platform)) {
                wrong.add("gives a share to " + platform.label() + ", which is not one of the strategy's platforms");
            } else {
                split.put(platform, percent);
            }
        });
        if (!wrong.isEmpty()) {
            problems.add(field, wrong.get(0));
        } else {
            int sum = split.values().stream().mapToInt(Integer::intValue).sum();
            if (!split.isEmpty() && sum != 100) {
                problems.add(field, "must add up to 100 percent; it adds up to " + sum
                        + (sum < 100 ? " (" + (100 - sum) + " % unallocated)" : " (" + (sum - 100) + " % too much)"));
            }
        }
        return split;
    }

    private static List<String> items(String field, String what, List<String> raw, InputProblems problems) {
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String item : raw) {
            if (item != null && !item.isBlank()) {
                items.add(item.strip());
            }
        }
        if (items.size() > MAX_ITEMS) {
            problems.add(field, "has " + items.size() + " " + what + "; at most " + MAX_ITEMS);
            return List.of();
        }
        items.stream().filter(item -> item.length() > MAX_ITEM_LENGTH).findFirst().ifPresent(item ->
                problems.add(field, "each of the " + what + " is at most " + MAX_ITEM_LENGTH
                        + " characters; \"" + item.substring(0, 40) + "…\" has " + item.length()));
        return new ArrayList<>(items);
    }

    private static String text(String field, String text, int max, InputProblems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            problems.add(field, "is at most " + max + " characters; it has " + stripped.length());
        }
        return stripped;
    }
}
