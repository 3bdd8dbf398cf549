package io.flightdeck.strategy;

import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;

/** Writing a strategy from another module (a drafted strategy adopted by a person); the same rules as the editor. */
public interface StrategyAuthoring {

    /**
     * Saves the fields as the campaign's next version, keeping the current version's constraints and ads settings.
     *
     * @param basedOnVersion the newest version the person saw (0 for none): 409 {@code strategy-changed} when another
     *                       was saved since
     * @return the new version's number
     */
    int saveVersion(UUID campaignId, List<Channel> platforms, List<String> goals, String targetAudience,
            List<String> contentPillars, String brandTone, String cadence, Integer basedOnVersion);
}
