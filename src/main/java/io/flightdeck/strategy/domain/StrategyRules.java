package io.flightdeck.strategy.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InvalidInputException;

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

    static StrategyDetails check(StrategyDetails d) {
        List<Channel> platforms = List.copyOf(new LinkedHashSet<>(d.platforms().stream().filter(Objects::nonNull).toList()));
        List<String> goals = items("goals", "goals", d.goals());
        List<String> pillars = items("contentPillars", "content pillars", d.contentPillars());
        String audience = text("targetAudience", d.targetAudience(), MAX_LONG_TEXT);
        String tone = text("brandTone", d.brandTone(), MAX_SHORT_TEXT);
        String constraints = text("constraints", d.constraints(), MAX_LONG_TEXT);
        String cadence = text("cadence", d.cadence(), MAX_SHORT_TEXT);
        return new StrategyDetails(platforms, goals, audience, pillars, tone, constraints, cadence, ads(d.adsConfig(), platforms));
    }

    private static AdsConfig ads(AdsConfig ads, List<Channel> platforms) {
        if (ads == null || ads.isEmpty()) {
            return null;
        }
        Map<Channel, Integer> split = new EnumMap<>(Channel.class);
        ads.budgetSplit().forEach((platform, percent) -> {
            if (percent == null || percent < 0 || percent > 100) {
                throw new InvalidInputException("adsConfig.budgetSplit", "gives " + platform.label()
                        + " " + percent + "; each share is a whole percent from 0 to 100");
            }
            if (!platforms.contains(platform)) {
                throw new InvalidInputException("adsConfig.budgetSplit", "gives a share to " + platform.label()
                        + ", which is not one of the strategy's platforms");
            }
            split.put(platform, percent);
        });
        int sum = split.values().stream().mapToInt(Integer::intValue).sum();
        if (!split.isEmpty() && sum != 100) {
            throw new InvalidInputException("adsConfig.budgetSplit", "must add up to 100 percent; it adds up to " + sum
                    + (sum < 100 ? " (" + (100 - sum) + " % unallocated)" : " (" + (sum - 100) + " % too much)"));
        }
        return new AdsConfig(ads.objective(), split, text("adsConfig.biddingNotes", ads.biddingNotes(), MAX_SHORT_TEXT));
    }

    private static List<String> items(String field, String what, List<String> raw) {
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String item : raw) {
            if (item != null && !item.isBlank()) {
                items.add(item.strip());
            }
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidInputException(field, "has " + items.size() + " " + what + "; at most " + MAX_ITEMS);
        }
        for (String item : items) {
            if (item.length() > MAX_ITEM_LENGTH) {
                throw new InvalidInputException(field, "each of the " + what + " is at most " + MAX_ITEM_LENGTH
                        + " characters; \"" + item.substring(0, 40) + "…\" has " + item.length());
            }
        }
        return new ArrayList<>(items);
    }

    private static String text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "is at most " + max + " characters; it has " + stripped.length());
        }
        return stripped;
    }
}
