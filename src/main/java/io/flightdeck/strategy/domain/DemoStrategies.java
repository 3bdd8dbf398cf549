package io.flightdeck.strategy.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.identity.DemoDataContributor;
import io.flightdeck.identity.DemoWorkspace;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.AdObjective;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo strategies, written by the demo contributor for the campaigns in planning and ready (order 15: before the
 * approvals demo opens reviews against them). The first one gets a second version, so history and diff have
 * something to show.
 */
@Component
@Order(15)
class DemoStrategies implements DemoDataContributor {

    private final Strategies strategies;
    private final CampaignDirectory campaigns;
    private final MemberDirectory members;

    DemoStrategies(Strategies strategies, CampaignDirectory campaigns, MemberDirectory members) {
        this.strategies = strategies;
        this.campaigns = campaigns;
        this.members = members;
    }

    @Override
    public void contribute(DemoWorkspace workspace) {
        MemberSummary writer = members.find(workspace.member(Role.CONTRIBUTOR)).orElseThrow();
        Actor actor = new Actor(writer.userId(), workspace.workspaceId(), Role.CONTRIBUTOR, writer.email(),
                writer.displayName(), ZoneId.of("Europe/Berlin"), null);
        CurrentActor.runAs(actor, () -> {
            List<CampaignSnapshot> planned = new ArrayList<>(campaigns.inStatus(CampaignStatus.READY, 20));
            planned.addAll(campaigns.inStatus(CampaignStatus.PLANNING, 20));
            for (int i = 0; i < planned.size(); i++) {
                CampaignSnapshot campaign = planned.get(i);
                strategies.save(campaign.id(), details(campaign, "Monthly themes, two posts a week per channel"), null);
                if (i == 0) {
                    strategies.save(campaign.id(), details(campaign, "Weekly themes, three posts a week per channel"), null);
                }
            }
            return null;
        });
    }

    private static StrategyDetails details(CampaignSnapshot campaign, String cadence) {
        List<Channel> platforms = List.copyOf(campaign.channels());
        Map<Channel, Integer> split = new LinkedHashMap<>();
        if (!platforms.isEmpty()) {
            int share = 100 / platforms.size();
            platforms.forEach(p -> split.put(p, share));
            split.merge(platforms.get(0), 100 - share * platforms.size(), Integer::sum);
        }
        String objective = campaign.objective() != null ? campaign.objective() : "Grow qualified demand";
        return new StrategyDetails(platforms, List.of(objective, "Keep cost per lead under €40"),
                "Marketing and operations leads at mid-sized companies in the DACH region",
                List.of("Customer stories", "Product how-tos", "Behind the scenes"),
                "Confident, warm and plain-spoken; no jargon", "No competitor names; claims need a source",
                cadence, platforms.isEmpty() ? null : new AdsConfig(AdObjective.LEADS, split,
                        "Start with lowest cost, move to cost cap after two weeks"));
    }
}
