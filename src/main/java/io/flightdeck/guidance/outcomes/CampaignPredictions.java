package io.flightdeck.guidance.outcomes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
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
import io.flightdeck.shared.persistence.ConcurrentWrites;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Predicts whether a campaign meets its objective from the workspace's scored outcomes, and records every prediction
 * with its inputs, so that it can be scored when the campaign ends. A prediction the same day as one already recorded
 * for the campaign, from the same inputs with the same answer, is not recorded again: that one is answered instead.
 * Two first loads at once both find nothing recorded; a unique key refuses the second writer, which runs again and
 * finds the first one's row.
 */
@Service
public class CampaignPredictions {

    private final CampaignDirectory campaigns;
    private final CampaignObjectives objectives;
    private final FeatureGathering gathering;
    private final OutcomeRepository outcomes;
    private final PredictionRecordRepository predictions;
    private final TransactionTemplate tx;
    private final Clock clock;

    private static final RetryTemplate AGAIN = ConcurrentWrites.retrying(
            e -> e instanceof DataIntegrityViolationException, 3, Duration.ofMillis(5));

    CampaignPredictions(CampaignDirectory campaigns, CampaignObjectives objectives, FeatureGathering gathering,
            OutcomeRepository outcomes, PredictionRecordRepository predictions, TransactionTemplate tx, Clock clock) {
        this.campaigns = campaigns;
        this.objectives = objectives;
        this.gathering = gathering;
        this.outcomes = outcomes;
        this.predictions = predictions;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Predicts the campaign's success now and records it (unless nothing changed today); 404 for another's. Call it
     * outside a transaction: a racing writer's row is found by running again in a new one.
     */
    public RecordedPrediction predict(UUID campaignId) {
        return AGAIN.invoke(() -> tx.execute(status -> predictOnce(campaignId)));
    }

    private RecordedPrediction predictOnce(UUID campaignId) {
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
        Optional<PredictionRecord> already = predictions.findByCampaignIdAndPredictedOnAndInputsHash(campaignId, today,
                hash);
        if (already.isPresent()) {
            return already.get().view();
        }
        return predictions.saveAndFlush(new PredictionRecord(campaignId, now, today, hash, features, objective,
                prediction, range)).view();
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
