package io.flightdeck.guidance.outcomes;

import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the recorded predictions and their track record, per campaign and for the workspace. */
@Service
public class PredictionHistory {

    private final CampaignDirectory campaigns;
    private final PredictionRecordRepository predictions;

    PredictionHistory(CampaignDirectory campaigns, PredictionRecordRepository predictions) {
        this.campaigns = campaigns;
        this.predictions = predictions;
    }

    /** The campaign's predictions, newest first, with their track record; 404 for a campaign not in the workspace. */
    @Transactional(readOnly = true)
    public TrackRecord.OfCampaign ofCampaign(UUID campaignId) {
        campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
        List<RecordedPrediction> theirs = predictions.findByCampaignIdOrderByPredictedAtDesc(campaignId).stream()
                .map(PredictionRecord::view).toList();
        return new TrackRecord.OfCampaign(campaignId, TrackRecord.of(theirs), theirs);
    }

    /** The workspace's track record over every scored prediction. */
    @Transactional(readOnly = true)
    public TrackRecord ofWorkspace() {
        return TrackRecord.of(predictions.findByMetIsNotNullAndLikelihoodIsNotNull().stream()
                .map(PredictionRecord::view).toList());
    }

    /** The workspace's latest scored predictions, newest first, for the track record page. */
    @Transactional(readOnly = true)
    public List<RecordedPrediction> latestScored(int limit) {
        return predictions.findByMetIsNotNullAndLikelihoodIsNotNull().stream().map(PredictionRecord::view)
                .sorted(java.util.Comparator.comparing(RecordedPrediction::predictedAt).reversed()).limit(limit)
                .toList();
    }
}
