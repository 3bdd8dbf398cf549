package io.flightdeck.guidance.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PredictionRecordRepository extends JpaRepository<PredictionRecord, UUID> {

    Optional<PredictionRecord> findByCampaignIdAndPredictedOnAndInputsHash(UUID campaignId, LocalDate predictedOn,
            String inputsHash);

    List<PredictionRecord> findByCampaignIdOrderByPredictedAtDesc(UUID campaignId);

    List<PredictionRecord> findByCampaignIdOrderByPredictedAt(UUID campaignId);

    /** The workspace's predictions that were scored with a likelihood: what the track record counts. */
    List<PredictionRecord> findByMetIsNotNullAndLikelihoodIsNotNull();
}
