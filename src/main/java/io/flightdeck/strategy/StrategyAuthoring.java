package io.flightdeck.strategy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;

/** Writing a strategy from another module (a drafted strategy adopted by a person); the same rules as the editor. */
public interface StrategyAuthoring {

    /**
     * Saves the fields as the campaign's next version, keeping the current version's constraints, ads settings and
     * channel mix.
     *
     * @param basedOnVersion the newest version the person saw (0 for none): 409 {@code strategy-changed} when another
     *                       was saved since
     * @return the new version's number
     */
    default int saveVersion(UUID campaignId, List<Channel> platforms, List<String> goals, String targetAudience,
            List<String> contentPillars, String brandTone, String cadence, Integer basedOnVersion) {
        return saveVersion(campaignId, platforms, goals, targetAudience, contentPillars, brandTone, cadence, null, null,
                null, basedOnVersion);
    }

    /**
     * Saves the fields as the campaign's next version, keeping the current version's constraints and its bidding
     * notes.
     *
     * @param channelMix  each platform's share of the content in whole percent, adding up to 100; null keeps the
     *                    current version's
     * @param budgetSplit each platform's share of the ad budget in whole percent, adding up to 100; null keeps the
     *                    current version's
     * @param adObjective what the ads are bought for; null keeps the current version's
     * @return the new version's number
     */
    int saveVersion(UUID campaignId, List<Channel> platforms, List<String> goals, String targetAudience,
            List<String> contentPillars, String brandTone, String cadence, Map<Channel, Integer> channelMix,
            Map<Channel, Integer> budgetSplit, AdObjective adObjective, Integer basedOnVersion);
}
