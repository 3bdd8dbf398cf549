package io.flightdeck.strategy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.jspecify.annotations.Nullable;

/** One version of a campaign's strategy as the API and pages show it. */
public record StrategyView(UUID id, UUID campaignId, int version, StrategyStatus status, List<Channel> platforms,
        List<String> goals, @Nullable String targetAudience, List<String> contentPillars, @Nullable String brandTone,
        @Nullable String constraints, @Nullable String cadence, @Nullable AdsConfig adsConfig,
        Map<Channel, Integer> channelMix, UUID createdBy, String createdByName, Instant createdAt,
        @Nullable Instant invalidatedAt, @Nullable UUID invalidatedBy, @Nullable String invalidatedByName,
        @Nullable String invalidationReason) {

    public boolean current() {
        return status == StrategyStatus.CURRENT;
    }

    public StrategyDetails details() {
        return new StrategyDetails(platforms, goals, targetAudience, contentPillars, brandTone, constraints, cadence, adsConfig, channelMix);
    }
}
