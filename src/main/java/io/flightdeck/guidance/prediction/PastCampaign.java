package io.flightdeck.guidance.prediction;

import java.util.Objects;

/**
 * A finished campaign of the same workspace, as the predictions learn from it: its features and how it ended.
 *
 * @param features      the campaign as it was measured (see {@link CampaignFeatures})
 * @param metObjective  whether it met its objective; the baseline and the model predict this
 * @param achievedRate  the rate it achieved on its objective's metric (a click rate, say), 0 or more; kept for the
 *                      track record and for reading a history, neither model uses it yet
 */
public record PastCampaign(CampaignFeatures features, boolean metObjective, double achievedRate) {

    public PastCampaign {
        Objects.requireNonNull(features, "features");
        if (!Double.isFinite(achievedRate) || achievedRate < 0) {
            throw new IllegalArgumentException("achievedRate must be a number of at least 0, not " + achievedRate);
        }
    }
}
