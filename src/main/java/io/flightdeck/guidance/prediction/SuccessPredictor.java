package io.flightdeck.guidance.prediction;

import java.util.List;

/**
 * Chooses how to predict a campaign's success from what the workspace has seen: the trained model once the history is
 * enough for it ({@link SuccessModel#canLearnFrom}), otherwise the transparent baseline, which itself answers "not
 * enough history" below {@link SuccessBaseline#MIN_HISTORY} finished campaigns.
 * <p>
 * It trains on every call, which takes milliseconds at a few hundred campaigns (docs/guidance.md gives the figure for
 * 1,000); a caller predicting many campaigns of one workspace trains once with {@link SuccessModel#train} instead.
 */
public final class SuccessPredictor {

    private SuccessPredictor() {
    }

    /** The prediction for {@code target}, learned from {@code history}: the workspace's finished campaigns. */
    public static SuccessPrediction predict(CampaignFeatures target, List<PastCampaign> history) {
        if (SuccessModel.canLearnFrom(history)) {
            return SuccessModel.train(history).predict(target);
        }
        return SuccessBaseline.predict(target, history);
    }
}
