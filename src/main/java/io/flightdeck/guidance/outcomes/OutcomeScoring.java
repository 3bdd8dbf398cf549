package io.flightdeck.guidance.outcomes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.guidance.objectives.CampaignObjective;
import io.flightdeck.guidance.objectives.CampaignObjectives;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores a finished campaign: its features at the end, the figure its objective's metric reached over its days
 * through its end date (or the day it completed, when that came first), whether that met the target; then each of
 * its recorded predictions against it. Doing it again gives the same rows (one outcome per campaign), so a retried
 * event or a sweep that overlaps it changes nothing but late numbers.
 */
@Service
class OutcomeScoring {

    /** How long after a campaign's last day its numbers may still change; the sweep scores it again until then. */
    static final Duration LATE_NUMBERS = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(OutcomeScoring.class);

    private final CampaignDirectory campaigns;
    private final CampaignObjectives objectives;
    private final FeatureGathering gathering;
    private final OutcomeRepository outcomes;
    private final PredictionRecordRepository predictions;
    private final Clock clock;

    OutcomeScoring(CampaignDirectory campaigns, CampaignObjectives objectives, FeatureGathering gathering,
            OutcomeRepository outcomes, PredictionRecordRepository predictions, Clock clock) {
        this.campaigns = campaigns;
        this.objectives = objectives;
        this.gathering = gathering;
        this.outcomes = outcomes;
        this.predictions = predictions;
        this.clock = clock;
    }

    /** Scores the campaign that completed at {@code completedAt}, in the current workspace; answers whether it met. */
    @Transactional
    public Boolean score(UUID campaignId, Instant completedAt) {
        CampaignSnapshot campaign = campaigns.find(campaignId).orElse(null);
        if (campaign == null) {
            log.debug("Campaign {} is gone: no outcome to score", campaignId);
            return null;
        }
        Outcome outcome = outcomes.findByCampaignId(campaignId).orElseGet(() -> new Outcome(campaignId, completedAt));
        LocalDate completedOn = LocalDate.ofInstant(outcome.getCompletedAt(), ZoneOffset.UTC);
        LocalDate lastDay = campaign.endDate() != null && campaign.endDate().isBefore(completedOn)
                ? campaign.endDate() : completedOn;
        FeatureGathering.Gathered gathered = gathering.gather(List.of(campaign), Map.of(campaignId, lastDay))
                .get(campaignId);
        CampaignObjective.Target objective = objectives.of(List.of(campaignId)).values().stream()
                .map(CampaignObjective::target).findFirst().orElse(null);
        BigDecimal achieved = objective == null ? null
                : objective.metric().achieved(gathered.totals(), objective.currency());
        Instant now = clock.instant();
        boolean settled = !now.isBefore(lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(LATE_NUMBERS));
        outcome.record(lastDay, gathered.features(), objective, achieved, now, settled);
        outcomes.save(outcome);
        for (PredictionRecord prediction : predictions.findByCampaignIdOrderByPredictedAt(campaignId)) {
            prediction.score(gathered.totals(), now);
        }
        return outcome.getMet();
    }
}
