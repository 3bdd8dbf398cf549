package io.flightdeck.guidance.outcomes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.CampaignTotals;
import io.flightdeck.analytics.CampaignTotals.Total;
import io.flightdeck.analytics.Metric;
import io.flightdeck.approvals.ScopeProgress;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.content.CreativeCounts;
import io.flightdeck.email.SendOutcomes;
import io.flightdeck.guidance.prediction.CampaignFeatures;
import io.flightdeck.planning.TaskPunctuality;
import io.flightdeck.publishing.PostOutcomes;
import io.flightdeck.strategy.StrategyAudiences;
import org.springframework.stereotype.Component;

/**
 * Gathers {@link CampaignFeatures} for campaigns from the modules that know them, one read per module for all the
 * campaigns together: budget, dates and channels from the campaign itself, the audience from strategy, the on-time
 * share from planning, the approved share from approvals, creatives from content, the published share from
 * publishing and email together, and the click rate from analytics. Analytics' totals come back with the features, so
 * that scoring an objective reads them once.
 */
@Component
class FeatureGathering {

    /** One campaign's features, and its analytics totals through the day asked for. */
    record Gathered(CampaignFeatures features, List<Total> totals) {
    }

    private final StrategyAudiences audiences;
    private final TaskPunctuality punctuality;
    private final ScopeProgress approvals;
    private final CreativeCounts creatives;
    private final PostOutcomes posts;
    private final SendOutcomes sends;
    private final CampaignTotals totals;

    FeatureGathering(StrategyAudiences audiences, TaskPunctuality punctuality, ScopeProgress approvals,
            CreativeCounts creatives, PostOutcomes posts, SendOutcomes sends, CampaignTotals totals) {
        this.audiences = audiences;
        this.punctuality = punctuality;
        this.approvals = approvals;
        this.creatives = creatives;
        this.posts = posts;
        this.sends = sends;
        this.totals = totals;
    }

    /** The features of each campaign, its analytics counted through its day in {@code through}. */
    Map<UUID, Gathered> gather(Collection<CampaignSnapshot> campaigns, Map<UUID, LocalDate> through) {
        List<UUID> ids = campaigns.stream().map(CampaignSnapshot::id).toList();
        Map<UUID, String> audience = audiences.currentAudiences(ids);
        Map<UUID, Double> onTime = punctuality.onTimeShares(ids);
        Map<UUID, Double> approved = approvals.approvedShares(ids);
        Map<UUID, Integer> made = creatives.counts(ids);
        Map<UUID, PostOutcomes.Tally> posted = posts.tallies(ids);
        Map<UUID, SendOutcomes.Tally> sent = sends.tallies(ids);
        Map<UUID, List<Total>> figures = totals.through(through);
        Map<UUID, Gathered> gathered = new HashMap<>();
        for (CampaignSnapshot c : campaigns) {
            List<Total> theirs = figures.getOrDefault(c.id(), List.of());
            CampaignFeatures features = new CampaignFeatures(
                    c.budget() == null ? 0 : Math.max(0, c.budget().amount().doubleValue()),
                    plannedDays(c.startDate(), c.endDate()),
                    c.channels().stream().map(Enum::name).sorted().toList(),
                    audience.get(c.id()),
                    onTime.getOrDefault(c.id(), 1.0),
                    approved.getOrDefault(c.id(), 1.0),
                    made.getOrDefault(c.id(), 0),
                    publishedShare(posted.get(c.id()), sent.get(c.id())),
                    clickRate(theirs));
            gathered.put(c.id(), new Gathered(features, theirs));
        }
        return gathered;
    }

    static int plannedDays(LocalDate start, LocalDate end) {
        return start == null || end == null || end.isBefore(start) ? 0 : (int) ChronoUnit.DAYS.between(start, end);
    }

    /** Posts published and sends without a failure, over all posts and sends that went out or went wrong. */
    static double publishedShare(PostOutcomes.Tally posts, SendOutcomes.Tally sends) {
        int good = 0;
        int all = 0;
        if (posts != null) {
            good += posts.published();
            all += posts.published() + posts.troubled();
        }
        if (sends != null) {
            good += sends.started() - sends.withFailures();
            all += sends.started();
        }
        return all == 0 ? 1.0 : (double) good / all;
    }

    static double clickRate(List<Total> totals) {
        double clicks = sum(totals, Metric.CLICKS);
        double impressions = sum(totals, Metric.IMPRESSIONS);
        return impressions <= 0 ? 0 : Math.min(1, clicks / impressions);
    }

    private static double sum(List<Total> totals, Metric metric) {
        return totals.stream().filter(t -> t.metric() == metric).mapToDouble(t -> t.value().doubleValue()).sum();
    }
}
