package io.flightdeck.guidance.dashboard;

import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.guidance.blockers.BlockerSeverity;
import io.flightdeck.guidance.blockers.CampaignBlockers;
import io.flightdeck.guidance.blockers.CampaignEvaluation;
import io.flightdeck.guidance.dashboard.OrchestrationDashboard.ChannelPerformance;
import io.flightdeck.guidance.outcomes.CampaignPredictions;
import io.flightdeck.guidance.outcomes.PredictionHistory;
import io.flightdeck.guidance.outcomes.RecordedPrediction;
import io.flightdeck.guidance.recommendations.CampaignRecommendations;
import io.flightdeck.guidance.recommendations.CampaignSituation;
import io.flightdeck.guidance.recommendations.Consequence;
import io.flightdeck.guidance.recommendations.ReactionMemory;
import io.flightdeck.guidance.recommendations.Recommendation;
import io.flightdeck.guidance.recommendations.RuleKind;
import io.flightdeck.guidance.situation.CampaignSituations;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the orchestration dashboard: the readiness checks asked once, the situation gathered once (its
 * recommendations and its channel figures come from the same read), the prediction made (and recorded, as
 * predict-success does) and the campaign's track record.
 */
@Service
public class OrchestrationDashboards {

    private final CampaignDirectory campaigns;
    private final CampaignBlockers blockers;
    private final CampaignSituations situations;
    private final CampaignRecommendations recommendations;
    private final ReactionMemory reactions;
    private final CampaignPredictions predictions;
    private final PredictionHistory history;
    private final TransactionTemplate tx;

    OrchestrationDashboards(CampaignDirectory campaigns, CampaignBlockers blockers, CampaignSituations situations,
            CampaignRecommendations recommendations, ReactionMemory reactions, CampaignPredictions predictions,
            PredictionHistory history, TransactionTemplate tx) {
        this.campaigns = campaigns;
        this.blockers = blockers;
        this.situations = situations;
        this.recommendations = recommendations;
        this.reactions = reactions;
        this.predictions = predictions;
        this.history = history;
        this.tx = tx;
    }

    /**
     * The campaign's dashboard; another workspace's campaign is not found. The prediction is made first, in its own
     * transaction, because recording it may meet a racing writer and run again; the rest is read in one.
     */
    public OrchestrationDashboard of(UUID campaignId) {
        RecordedPrediction prediction = predictions.predict(campaignId);
        return tx.execute(status -> read(campaignId, prediction));
    }

    private OrchestrationDashboard read(UUID campaignId, RecordedPrediction prediction) {
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
        CampaignEvaluation evaluation = blockers.evaluate(campaignId);
        CampaignSituation situation = situations.of(campaignId);
        List<Recommendation> all = recommendations.current(situation);
        List<Recommendation> visible = reactions.visible(all);
        return new OrchestrationDashboard(campaignId, campaign.name(), campaign.status().name(),
                evaluation.evaluatedAt(), evaluation.readiness(),
                evaluation.blockers().stream().filter(b -> b.severity() == BlockerSeverity.BLOCKING).toList(),
                all.stream().filter(r -> r.consequence() == Consequence.RECOVERY).toList(),
                ofKind(visible, RuleKind.PACING_OFF_PLAN), ofKind(visible, RuleKind.UNDERPERFORMING_CHANNEL),
                ofKind(visible, RuleKind.CONTENT_REFRESH), ofKind(visible, RuleKind.BEST_POSTING_TIMES),
                situation.channels().stream().map(OrchestrationDashboards::performance).toList(),
                prediction, history.ofCampaign(campaignId),
                reactions.active(campaignId).summary());
    }

    private static List<Recommendation> ofKind(List<Recommendation> list, RuleKind kind) {
        return list.stream().filter(r -> r.kind() == kind).toList();
    }

    private static ChannelPerformance performance(CampaignSituation.ChannelResults c) {
        return new ChannelPerformance(c.channel(), c.label(), c.impressions(), c.clicks(), c.conversions(), c.spend(),
                c.impressions() == 0 ? null : percent(c.clickRate()),
                c.workspace() == null || c.workspace().impressions() == 0 ? null
                        : percent(c.workspace().clickRate()));
    }

    /** A share as a percent with two decimals, as the rest of guidance shows rates. */
    private static double percent(double share) {
        return Math.round(share * 10_000) / 100.0;
    }
}
