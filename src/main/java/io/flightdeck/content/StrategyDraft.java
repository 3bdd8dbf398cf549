package io.flightdeck.content;

import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.strategy.AdObjective;

/**
 * A drafted strategy, for a person to edit and adopt, or for guidance to save as a version for review.
 *
 * @param channelMix     each platform's share of the content in whole percent, adding up to 100; null when a person
 *                       adopts a draft without one (the current version's is kept)
 * @param budgetSplit    each platform's share of the ad budget in whole percent, adding up to 100; null likewise
 * @param adObjective    what the ads are bought for; null when the writer named none (the current version's is kept)
 * @param basedOnVersion the campaign's current strategy version when drafted (0 for none), for the save's check
 * @param provider       who wrote it: {@code built-in} or the provider's name
 */
public record StrategyDraft(List<Channel> platforms, List<String> goals, String targetAudience,
        List<String> contentPillars, String brandTone, String cadence, Map<Channel, Integer> channelMix,
        Map<Channel, Integer> budgetSplit, AdObjective adObjective, int basedOnVersion, String provider) {
}
