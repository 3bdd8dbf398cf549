package io.flightdeck.email.abtest;

import io.flightdeck.shared.InvalidInputException;

/**
 * How a test is judged: the metric, the recipients each variant needs before any call is made, the confidence a win
 * needs (0.95 for the usual 95 %) and what to do when there is no winner.
 */
public record AbTestSettings(Metric metric, long minimumSamplePerVariant, double requiredConfidence,
        InconclusiveRule ifInconclusive) {

    /**
     * The lowest confidence that still means something (a coin toss) and the highest one worth asking for: above
     * 99.9 % the needed p-value nears the normal approximation's own error (see {@link NormalTail}).
     */
    static final double MIN_CONFIDENCE = 0.5;
    static final double MAX_CONFIDENCE = 0.999;

    public AbTestSettings {
        if (metric == null) {
            throw new InvalidInputException("metric", "Choose the metric the test is judged on: clicks, conversions or opens");
        }
        if (minimumSamplePerVariant < 1) {
            throw new InvalidInputException("minimumSamplePerVariant",
                    "The minimum sample per variant must be at least 1 recipient; it is " + minimumSamplePerVariant);
        }
        if (!(requiredConfidence >= MIN_CONFIDENCE && requiredConfidence <= MAX_CONFIDENCE)) {
            throw new InvalidInputException("requiredConfidence", "The required confidence must be between "
                    + MIN_CONFIDENCE + " and " + MAX_CONFIDENCE + " (0.95 means 95 %); it is " + requiredConfidence);
        }
        if (ifInconclusive == null) {
            throw new InvalidInputException("ifInconclusive",
                    "Choose what happens when the test is inconclusive: send variant A or wait");
        }
    }

    /** The false-winner rate the confidence allows: 1 − confidence. */
    double alpha() {
        return 1 - requiredConfidence;
    }
}
