package io.flightdeck.strategy.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.strategy.AdObjective;
import org.jspecify.annotations.Nullable;

/**
 * How the campaign's paid media is bought. Stored whole as JSON with its version.
 *
 * @param budgetSplit whole percents of the ad budget per platform; when given they add up to 100
 */
public record AdsConfig(@Nullable AdObjective objective, Map<Channel, Integer> budgetSplit,
        @Nullable String biddingNotes) {

    public AdsConfig {
        // Platform order, whatever order the client or the JSON column gave, so views and diffs read the same way.
        budgetSplit = budgetSplit == null || budgetSplit.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(budgetSplit));
    }

    boolean isEmpty() {
        return objective == null && budgetSplit.isEmpty() && (biddingNotes == null || biddingNotes.isBlank());
    }
}
