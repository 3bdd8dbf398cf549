package io.flightdeck.guidance.prediction;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How likely a campaign is to meet its objective, with how sure the estimate is and what drives it, in the form a
 * person can check: the method that made it, how many finished campaigns it learned from, and for the baseline its
 * formula with the numbers filled in. "Not enough history" is a prediction of its own kind rather than a missing one,
 * so that callers show it instead of a made-up number.
 *
 * @param method      which method answered
 * @param likelihood  percent chance of meeting the objective, 0 to 100; null for {@link Method#NOT_ENOUGH_HISTORY}
 * @param low         the interval's lower end in percent (see the method for which interval); null as above
 * @param high        the interval's upper end in percent; null as above
 * @param factors     what moves the estimate most, strongest first; empty when nothing stands out
 * @param formula     the baseline's formula with its numbers, e.g. {@code (3 + 5 × 0.42) / (7 + 5) = 0.43}; null for
 *                    the other methods
 * @param explanation one sentence saying how the estimate was made, or why there is none
 * @param learnedFrom how many finished campaigns of the workspace it learned from (or found, when too few)
 */
public record SuccessPrediction(Method method, @Nullable Integer likelihood, @Nullable Integer low,
        @Nullable Integer high, List<Factor> factors, @Nullable String formula, String explanation, int learnedFrom) {

    /** Which way of predicting answered. */
    public enum Method {
        /** The logistic regression: enough finished campaigns with both outcomes. */
        MODEL,
        /** Similar past campaigns' success rate, shrunk toward the workspace's. */
        BASELINE,
        /** Too few finished campaigns to say anything. */
        NOT_ENOUGH_HISTORY
    }

    /** Whether a factor raises or lowers the likelihood. */
    public enum Direction {
        UP, DOWN
    }

    /**
     * One thing that moves the estimate.
     *
     * @param key          a stable name for it: a feature such as {@code onTimeTaskShare}, {@code channel:EMAIL} or
     *                     {@code audience:smb}, or {@code similarCampaigns} for the baseline
     * @param label        the same in words
     * @param contribution how far it moves the estimate, in the method's own units: log-odds for the model, percentage
     *                     points of success rate against the workspace's for the baseline
     * @param direction    up or down, the sign of the contribution
     */
    public record Factor(String key, String label, double contribution, Direction direction) {

        static Factor of(String key, String label, double contribution) {
            return new Factor(key, label, contribution, contribution >= 0 ? Direction.UP : Direction.DOWN);
        }
    }

    public SuccessPrediction {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(explanation, "explanation");
        factors = List.copyOf(factors);
        boolean estimated = method != Method.NOT_ENOUGH_HISTORY;
        if (estimated != (likelihood != null && low != null && high != null)) {
            throw new IllegalArgumentException(method + " must " + (estimated ? "" : "not ") + "carry a likelihood");
        }
        if (estimated && !(0 <= low && low <= likelihood && likelihood <= high && high <= 100)) {
            throw new IllegalArgumentException("need 0 <= low <= likelihood <= high <= 100: " + low + ", "
                    + likelihood + ", " + high);
        }
    }

    static SuccessPrediction notEnoughHistory(int finished, String explanation) {
        return new SuccessPrediction(Method.NOT_ENOUGH_HISTORY, null, null, null, List.of(), null, explanation,
                finished);
    }

    /** A probability (0 to 1) as a whole percent. */
    static int percent(double probability) {
        return (int) Math.round(Math.max(0, Math.min(1, probability)) * 100);
    }
}
