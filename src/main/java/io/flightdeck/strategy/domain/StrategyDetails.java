package io.flightdeck.strategy.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;

/**
 * What a person writes in a strategy; each save of it becomes a new version.
 *
 * @param channelMix whole percents of the content per platform; when given they add up to 100
 */
public record StrategyDetails(List<Channel> platforms, List<String> goals, String targetAudience,
        List<String> contentPillars, String brandTone, String constraints, String cadence, AdsConfig adsConfig,
        Map<Channel, Integer> channelMix) {

    public StrategyDetails {
        platforms = platforms == null ? List.of() : platforms;
        goals = goals == null ? List.of() : goals;
        contentPillars = contentPillars == null ? List.of() : contentPillars;
        // platform order whatever order the client or the JSON column gave, so views and diffs read the same way
        channelMix = channelMix == null || channelMix.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(channelMix));
    }

    /** Details without a channel mix. */
    public StrategyDetails(List<Channel> platforms, List<String> goals, String targetAudience,
            List<String> contentPillars, String brandTone, String constraints, String cadence, AdsConfig adsConfig) {
        this(platforms, goals, targetAudience, contentPillars, brandTone, constraints, cadence, adsConfig, Map.of());
    }

    public static StrategyDetails empty() {
        return new StrategyDetails(List.of(), List.of(), null, List.of(), null, null, null, null);
    }
}
