package io.flightdeck.guidance.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.guidance.recommendations.CampaignSituation.CreativeResults;

/**
 * A creative that has worn out: unchanged for at least {@code minDaysSinceChange} days, and lately (on at least
 * {@code minRecentImpressions} impressions) clicked at below {@code maxShareOfEarlyRate} of the rate it had in its first
 * weeks. One recommendation per such creative; the steeper the fall, the higher its priority.
 */
final class ContentRefreshRule {

    private ContentRefreshRule() {
    }

    static List<Recommendation> evaluate(RuleDefinition rule, CampaignSituation situation) {
        double minDays = rule.threshold("minDaysSinceChange");
        double maxShare = rule.threshold("maxShareOfEarlyRate");
        double minImpressions = rule.threshold("minRecentImpressions");
        List<Recommendation> found = new ArrayList<>();
        for (CreativeResults creative : situation.creatives()) {
            if (creative.daysSinceChange() < minDays || creative.recentImpressions() < minImpressions
                    || creative.earlyClickRate() <= 0) {
                continue;
            }
            double share = creative.recentClickRate() / creative.earlyClickRate();
            if (share >= maxShare) {
                continue;
            }
            ObjectRef target = creative.ref();
            Map<String, String> values = Map.of(
                    "creativeId", creative.id().toString(),
                    "creative", target.name(),
                    "daysSinceChange", Figures.counted(creative.daysSinceChange(), "day", "days"),
                    "earlyClickRate", Figures.rate(creative.earlyClickRate()),
                    "recentClickRate", Figures.rate(creative.recentClickRate()),
                    "dropPercent", Figures.wholePercent(1 - share));
            List<Evidence> evidence = List.of(
                    new Evidence("Click rate in its first two weeks", Figures.rate(creative.earlyClickRate()),
                            target.link()),
                    new Evidence("Click rate in the last 7 days", Figures.rate(creative.recentClickRate()) + " over "
                            + Figures.counted(creative.recentImpressions(), "impression", "impressions"),
                            target.link()),
                    new Evidence("Last changed", Figures.counted(creative.daysSinceChange(), "day", "days") + " ago",
                            target.link()));
            found.add(rule.recommend(situation, target, values, evidence, Math.max(0, Math.min(1, 1 - share)),
                    EvidenceFingerprint.of(creative.id(), EvidenceFingerprint.tenPercentStep(share))));
        }
        return found;
    }
}
