package io.flightdeck.guidance.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.guidance.recommendations.CampaignSituation.ChannelResults;
import io.flightdeck.guidance.recommendations.CampaignSituation.WorkspaceChannel;

/**
 * A channel whose click rate in this campaign is below {@code maxShareOfWorkspaceRate} of the workspace's usual rate
 * on that channel, once both rest on at least {@code minImpressions} impressions (fewer say too little to compare).
 * One recommendation per such channel; the larger the shortfall, the higher its priority.
 */
final class UnderperformingChannelRule {

    private UnderperformingChannelRule() {
    }

    static List<Recommendation> evaluate(RuleDefinition rule, CampaignSituation situation) {
        double maxShare = rule.threshold("maxShareOfWorkspaceRate");
        double minImpressions = rule.threshold("minImpressions");
        List<Recommendation> found = new ArrayList<>();
        for (ChannelResults channel : situation.channels()) {
            WorkspaceChannel workspace = channel.workspace();
            if (workspace == null || workspace.clickRate() == 0 || channel.impressions() < minImpressions
                    || workspace.impressions() < minImpressions) {
                continue;
            }
            double share = channel.clickRate() / workspace.clickRate();
            if (share >= maxShare) {
                continue;
            }
            found.add(recommend(rule, situation, channel, workspace, share));
        }
        return found;
    }

    private static Recommendation recommend(RuleDefinition rule, CampaignSituation situation, ChannelResults channel,
            WorkspaceChannel workspace, double share) {
        ObjectRef target = channel.ref(situation.campaignId());
        long missingClicks = Math.round(channel.impressions() * (workspace.clickRate() - channel.clickRate()));
        String spend = Figures.money(channel.spend(), situation.currency());
        Map<String, String> values = Map.of(
                "channel", channel.channel(),
                "channelName", channel.label(),
                "impressions", Figures.count(channel.impressions()),
                "clicks", Figures.count(channel.clicks()),
                "conversions", Figures.count(channel.conversions()),
                "spend", spend,
                "clickRate", Figures.rate(channel.clickRate()),
                "workspaceClickRate", Figures.rate(workspace.clickRate()),
                "share", Figures.wholePercent(share),
                "missingClicks", Figures.count(missingClicks));
        List<Evidence> evidence = List.of(
                new Evidence(channel.label() + " click rate in this campaign", Figures.rate(channel.clickRate()) + " ("
                        + Figures.counted(channel.clicks(), "click", "clicks") + " of "
                        + Figures.counted(channel.impressions(), "impression", "impressions") + ")", target.link()),
                new Evidence(channel.label() + " click rate across the workspace", Figures.rate(workspace.clickRate())
                        + " (" + Figures.counted(workspace.clicks(), "click", "clicks") + " of "
                        + Figures.counted(workspace.impressions(), "impression", "impressions") + ")", "/analytics"),
                new Evidence("Spent on " + channel.label(), spend + " for "
                        + Figures.counted(channel.conversions(), "conversion", "conversions"),
                        situation.budgetRef().link()));
        return rule.recommend(situation, target, values, evidence, Math.max(0, Math.min(1, 1 - share)),
                EvidenceFingerprint.of(channel.channel(), EvidenceFingerprint.tenPercentStep(share)));
    }
}
