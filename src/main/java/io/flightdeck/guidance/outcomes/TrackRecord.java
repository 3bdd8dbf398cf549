package io.flightdeck.guidance.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How well scored predictions did: how many, how many were right at 50 % (a likelihood of 50 or more said "meets
 * it"), the Brier score (the mean of (likelihood − outcome)² with the likelihood as 0 to 1 and the outcome 1 or 0; 0
 * is perfect, 0.25 is what always saying 50 % earns) and, per likelihood band, how often campaigns there met their
 * objective.
 *
 * @param brierScore null with nothing scored
 */
public record TrackRecord(
        @Schema(example = "24") int scored,
        @Schema(example = "17") int rightAtHalf,
        @Schema(example = "0.1875", nullable = true) Double brierScore,
        List<Band> calibration) {

    /**
     * Predictions whose likelihood fell in a band, and how many of their campaigns met their objective.
     *
     * @param from the band's lowest likelihood, included
     * @param to   the band's highest likelihood, included
     */
    public record Band(
            @Schema(example = "60") int from,
            @Schema(example = "79") int to,
            @Schema(example = "8") int predictions,
            @Schema(example = "6") int met,
            @Schema(example = "70", nullable = true, description = "mean likelihood of the band's predictions")
            Integer meanLikelihood,
            @Schema(example = "75", nullable = true, description = "percent of them that met their objective")
            Integer metPercent) {
    }

    /** The likelihood bands of the calibration table. */
    static final int[][] BANDS = {{0, 19}, {20, 39}, {40, 59}, {60, 79}, {80, 100}};

    /** The track record of scored predictions with a likelihood (others are left out). */
    static TrackRecord of(List<RecordedPrediction> predictions) {
        List<RecordedPrediction> scored = predictions.stream()
                .filter(p -> p.met() != null && p.prediction().likelihood() != null).toList();
        int right = 0;
        double squares = 0;
        for (RecordedPrediction p : scored) {
            int likelihood = p.prediction().likelihood();
            right += (likelihood >= 50) == p.met() ? 1 : 0;
            double error = likelihood / 100.0 - (p.met() ? 1 : 0);
            squares += error * error;
        }
        List<Band> bands = new ArrayList<>();
        for (int[] band : BANDS) {
            List<RecordedPrediction> in = scored.stream().filter(p -> p.prediction().likelihood() >= band[0]
                    && p.prediction().likelihood() <= band[1]).toList();
            int met = (int) in.stream().filter(RecordedPrediction::met).count();
            bands.add(new Band(band[0], band[1], in.size(), met, in.isEmpty() ? null
                    : (int) Math.round(in.stream().mapToInt(p -> p.prediction().likelihood()).average().orElse(0)),
                    in.isEmpty() ? null : (int) Math.round(100.0 * met / in.size())));
        }
        return new TrackRecord(scored.size(), right, scored.isEmpty() ? null : squares / scored.size(), bands);
    }

    /** A campaign's predictions, newest first, and their track record. */
    public record OfCampaign(
            @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
            TrackRecord record,
            List<RecordedPrediction> predictions) {
    }
}
