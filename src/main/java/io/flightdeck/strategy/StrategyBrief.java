package io.flightdeck.strategy;

import java.util.List;

import io.flightdeck.campaigns.Channel;

/** What a strategy version says, field by field, for modules that write from it (content generation). */
public record StrategyBrief(int version, List<Channel> platforms, List<String> goals, String targetAudience,
        List<String> contentPillars, String brandTone, String constraints, String cadence) {
}
