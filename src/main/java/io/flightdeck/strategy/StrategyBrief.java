package io.flightdeck.strategy;

import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;

/**
 * What a strategy version says, field by field, for modules that write from it (content generation, guidance).
 *
 * @param channelMix  each platform's share of the content in percent; empty when not set
 * @param budgetSplit each platform's share of the ad budget in percent; empty when not set
 */
public record StrategyBrief(int version, List<Channel> platforms, List<String> goals, String targetAudience,
        List<String> contentPillars, String brandTone, String constraints, String cadence,
        Map<Channel, Integer> channelMix, Map<Channel, Integer> budgetSplit) {
}
