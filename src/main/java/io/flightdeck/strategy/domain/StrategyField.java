package io.flightdeck.strategy.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of a strategy in form order, with the labels people read and the value a diff compares: text, a list of
 * strings, or for the budget split a map of platform name to percent.
 */
enum StrategyField {
    PLATFORMS("platforms", "Platforms",
            "Content, schedules and budgets are planned per platform, so the team has to know where the campaign runs.",
            d -> d.platforms().stream().map(Enum::name).toList()),
    GOALS("goals", "Goals", "Goals say what success looks like, so results can be measured against them.",
            StrategyDetails::goals),
    TARGET_AUDIENCE("targetAudience", "Target audience",
            "Knowing who the campaign speaks to shapes every message, image and targeting choice.",
            StrategyDetails::targetAudience),
    CONTENT_PILLARS("contentPillars", "Content pillars",
            "Pillars keep content on a few themes the audience cares about instead of scattering it.",
            StrategyDetails::contentPillars),
    BRAND_TONE("brandTone", "Brand tone", "A shared tone keeps posts, emails and ads sounding like one brand.",
            StrategyDetails::brandTone),
    CONSTRAINTS("constraints", "Constraints", null, StrategyDetails::constraints),
    CADENCE("cadence", "Cadence", "The cadence tells planners how often to publish on each platform.",
            StrategyDetails::cadence),
    CHANNEL_MIX("channelMix", "Channel mix", null, d -> shares(d.channelMix())),
    AD_OBJECTIVE("adsConfig.objective", "Ad objective", null,
            d -> d.adsConfig() == null || d.adsConfig().objective() == null ? null : d.adsConfig().objective().name()),
    BUDGET_SPLIT("adsConfig.budgetSplit", "Budget split", null, StrategyField::budgetSplit),
    BIDDING_NOTES("adsConfig.biddingNotes", "Bidding notes", null,
            d -> d.adsConfig() == null ? null : d.adsConfig().biddingNotes());

    private final String key;
    private final String label;
    private final String why;
    private final Function<StrategyDetails, Object> value;

    StrategyField(String key, String label, String why, Function<StrategyDetails, Object> value) {
        this.key = key;
        this.label = label;
        this.why = why;
        this.value = value;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    /** One sentence on why the field matters; null for optional fields. */
    String why() {
        return why;
    }

    Object valueOf(StrategyDetails details) {
        return value.apply(details);
    }

    boolean filledIn(StrategyDetails details) {
        Object v = valueOf(details);
        return v instanceof Collection<?> c ? !c.isEmpty()
                : v instanceof Map<?, ?> m ? !m.isEmpty()
                : v instanceof String s ? !s.isBlank() : v != null;
    }

    private static Object budgetSplit(StrategyDetails details) {
        return details.adsConfig() == null ? Map.of() : shares(details.adsConfig().budgetSplit());
    }

    private static Map<String, Integer> shares(Map<io.flightdeck.campaigns.Channel, Integer> byPlatform) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        byPlatform.forEach((platform, percent) -> shares.put(platform.name(), percent));
        return shares;
    }

    static List<StrategyField> all() {
        return List.of(values());
    }
}
