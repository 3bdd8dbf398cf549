package io.flightdeck.strategy.domain;

import java.util.List;

import io.flightdeck.campaigns.Channel;

/** What a person writes in a strategy; each save of it becomes a new version. */
public record StrategyDetails(List<Channel> platforms, List<String> goals, String targetAudience,
        List<String> contentPillars, String brandTone, String constraints, String cadence, AdsConfig adsConfig) {

    public StrategyDetails {
        platforms = platforms == null ? List.of() : platforms;
        goals = goals == null ? List.of() : goals;
        contentPillars = contentPillars == null ? List.of() : contentPillars;
    }

    public static StrategyDetails empty() {
        return new StrategyDetails(List.of(), List.of(), null, List.of(), null, null, null, null);
    }
}
