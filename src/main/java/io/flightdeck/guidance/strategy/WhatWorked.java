package io.flightdeck.guidance.strategy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.analytics.ChannelResult;
import io.flightdeck.analytics.ChannelResults;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.stereotype.Service;

/**
 * What worked in the current workspace's past campaigns, for a strategy draft: three reads whatever the number of
 * campaigns (the campaigns, their channels' numbers, their current strategies). Past campaigns are the finished ones
 * (completed or archived) when at least {@link #MIN_FINISHED} of them have numbers, and otherwise every other campaign
 * with numbers; the campaign being planned is never one of them, nor is another workspace's.
 */
@Service
class WhatWorked {

    static final int MIN_FINISHED = 3;
    private static final int MAX_CAMPAIGNS = 1000;
    private static final Set<CampaignStatus> FINISHED = EnumSet.of(CampaignStatus.COMPLETED, CampaignStatus.ARCHIVED);

    private final CampaignDirectory campaigns;
    private final ChannelResults channelResults;
    private final StrategyDirectory strategies;

    WhatWorked(CampaignDirectory campaigns, ChannelResults channelResults, StrategyDirectory strategies) {
        this.campaigns = campaigns;
        this.channelResults = channelResults;
        this.strategies = strategies;
    }

    StrategyEvidence forCampaign(CampaignSnapshot campaign) {
        Map<UUID, CampaignStatus> others = campaigns.inStatuses(EnumSet.allOf(CampaignStatus.class), MAX_CAMPAIGNS)
                .stream().filter(c -> !c.id().equals(campaign.id()))
                .collect(Collectors.toMap(CampaignSnapshot::id, CampaignSnapshot::status));
        Map<UUID, List<ChannelResult>> results = channelResults.of(others.keySet());
        Map<UUID, List<ChannelResult>> finished = new LinkedHashMap<>();
        results.forEach((id, list) -> {
            if (FINISHED.contains(others.get(id))) {
                finished.put(id, list);
            }
        });
        boolean onlyFinished = finished.size() >= MIN_FINISHED;
        Map<UUID, List<ChannelResult>> read = onlyFinished ? finished : results;
        return WhatWorkedFigures.of(onlyFinished ? "finished" : "all", campaign.channels(), read,
                strategies.currentBriefs(read.keySet()));
    }
}
