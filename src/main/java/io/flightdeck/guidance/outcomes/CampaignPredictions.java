package io.flightdeck.guidance.outcomes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.guidance.objectives.CampaignObjective;
import io.flightdeck.guidance.objectives.CampaignObjectives;
import io.flightdeck.guidance.prediction.CampaignFeatures;
import io.flightdeck.guidance.prediction.PastCampaign;
import io.flightdeck.guidance.prediction.SuccessBaseline;
import io.flightdeck.guidance.prediction.SuccessPrediction;
import io.flightdeck.guidance.prediction.SuccessPredictor;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Predicts whether a campaign meets its objective from the workspace's scored outcomes, and records every prediction
 * with its inputs, so that it can be scored when the campaign ends. A prediction the same day as the campaign's last
 * one, from the same inputs with the same answer, is not recorded again: the last one is answered instead.
 */
@Service
public class CampaignPredictions {

    private final CampaignDirectory campaigns;
    private final CampaignObjectives objectives;
    private final FeatureGathering gathering;
    private final OutcomeRepository outcomes;
    private final PredictionRecordRepository predictions;
    private final Clock clock;

    CampaignPredictions(CampaignDirectory campaigns, CampaignObjectives objectives, FeatureGathering gathering,
            OutcomeRepository outcomes, PredictionRecordRepository predictions, Clock clock) {
        this.campaigns = campaigns;
        this.objectives = objectives;
        this.gathering = gathering;
        this.outcomes = outcomes;
        this.predictions = predictions;
        this.clock = clock;
    }

    /** Predicts the campaign's success now and records it (unless nothing changed today); 404 for another's. */
    @Transactional
    public RecordedPrediction predict(UUID campaignId) {
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        CampaignObjective.Target objective = objectives.of(campaignId).map(CampaignObjective::target).orElse(null);
        CampaignFeatures features = gathering.gather(List.of(campaign), Map.of(campaignId, today)).get(campaignId)
                .features();
        // the history: the workspace's scored outcomes (the tenant filter keeps other workspaces' out), this one aside
        List<Outcome> history = outcomes.findByMetIsNotNull().stream()
                .filter(o -> !o.getCampaignId().equals(campaignId)).toList();
        SuccessPrediction prediction = SuccessPredictor.predict(features, history.stream().map(Outcome::past).toList());
        MetricRange range = objective == null ? null : range(features, objective, history);
        String hash = hash(features, objective, prediction, range);
        Optional<PredictionRecord> last = predictions.findFirstByCampaignIdOrderByPredictedAtDesc(campaignId);
        if (last.isPresent() && last.get().getPredictedOn().equals(today) && last.get().getInputsHash().equals(hash)) {
            return last.get().view();
        }
        return predictions.save(new PredictionRecord(campaignId, now, today, hash, features, objective, prediction,
                range)).view();
    }

    /** What similar past campaigns with the same metric (and currency) achieved on it, or null with too few. */
    static MetricRange range(CampaignFeatures features, CampaignObjective.Target objective, List<Outcome> history) {
        List<BigDecimal> figures = history.stream()
                .filter(o -> o.getMetric() == objective.metric()
                        && java.util.Objects.equals(o.getCurrency(), objective.currency())
                        && SuccessBaseline.similar(features, o.getFeatures()))
                .map(Outcome::getAchieved).toList();
        return MetricRange.of(figures);
    }

    static String hash(CampaignFeatures features, CampaignObjective.Target objective, SuccessPrediction prediction,
            MetricRange range) {
        String inputs = features + "|" + objective + "|" + prediction + "|" + range;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(inputs.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
