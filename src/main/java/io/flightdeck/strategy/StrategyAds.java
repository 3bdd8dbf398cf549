package io.flightdeck.strategy;

import java.util.Map;

import io.flightdeck.campaigns.Channel;

/**
 * A strategy version's ads section, for the Ads approval.
 *
 * @param objective   the objective's label ("Sales"); null when not set
 * @param budgetSplit each platform's share of the budget in percent, in the order given
 */
public record StrategyAds(int version, String objective, Map<Channel, Integer> budgetSplit, String biddingNotes) {

    public boolean empty() {
        return objective == null && budgetSplit.isEmpty() && (biddingNotes == null || biddingNotes.isBlank());
    }
}
