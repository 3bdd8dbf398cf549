package io.flightdeck.guidance.prediction;

import io.flightdeck.guidance.prediction.SuccessPrediction.Factor;
import io.flightdeck.guidance.prediction.SuccessPrediction.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import smile.classification.LogisticRegression;

/**
 * A logistic regression of "met its objective" over a workspace's finished campaigns, trained with Smile (L-BFGS on the
 * L2-penalized log-likelihood), for workspaces with enough history that learning beats the baseline's similarity rule.
 * Features are encoded and standardized by {@link FeatureEncoding}.
 * <p>
 * <b>When</b>: at least {@value #MIN_HISTORY} finished campaigns, of which at least {@value #MIN_PER_OUTCOME} met their
 * objective and {@value #MIN_PER_OUTCOME} did not; with fewer of either outcome the coefficients say more about chance
 * than about campaigns. <b>Interval</b>: a percentile bootstrap. The model is refitted {@value #REFITS} times on
 * resamples (with replacement, a fixed seed, so the same history always gives the same numbers) of the history, and the
 * interval is the middle 90 % of the refits' probabilities for the campaign. It says how sure the model is of the
 * probability, not whether this one campaign will succeed. <b>Factors</b>: each column's coefficient times the
 * campaign's standardized value, the amount it moves the campaign's log-odds from the average training campaign's; the
 * {@value #TOP_FACTORS} largest in size, above {@value #MIN_CONTRIBUTION} log-odds.
 */
final class SuccessModel {

    /** Finished campaigns needed before the model is trained. */
    public static final int MIN_HISTORY = 30;

    /** Campaigns needed of each outcome, met and missed. */
    public static final int MIN_PER_OUTCOME = 5;

    /** Smile's lambda: the L2 penalty on the coefficients, which keeps rare columns and separable histories finite. */
    static final double L2_PENALTY = 1.0;

    static final double TOLERANCE = 1e-5;
    static final int MAX_ITERATIONS = 500;
    static final int REFITS = 30;
    static final long SEED = 30L;
    static final int TOP_FACTORS = 3;
    static final double MIN_CONTRIBUTION = 0.05;

    private final FeatureEncoding encoding;
    private final double[] weights;
    private final List<double[]> refits;
    private final int learnedFrom;

    private SuccessModel(FeatureEncoding encoding, double[] weights, List<double[]> refits, int learnedFrom) {
        this.encoding = encoding;
        this.weights = weights;
        this.refits = List.copyOf(refits);
        this.learnedFrom = learnedFrom;
    }

    /** Whether the history is enough to train on (see the class comment). */
    public static boolean canLearnFrom(List<PastCampaign> history) {
        long met = history.stream().filter(PastCampaign::metObjective).count();
        return history.size() >= MIN_HISTORY && met >= MIN_PER_OUTCOME && history.size() - met >= MIN_PER_OUTCOME;
    }

    /** Trains on the workspace's finished campaigns; refuses a history {@link #canLearnFrom} refuses. */
    public static SuccessModel train(List<PastCampaign> history) {
        if (!canLearnFrom(history)) {
            throw new IllegalArgumentException("The model needs " + MIN_HISTORY + " finished campaigns with at least "
                    + MIN_PER_OUTCOME + " of each outcome, not " + history.size());
        }
        int n = history.size();
        FeatureEncoding encoding = FeatureEncoding.learn(history.stream().map(PastCampaign::features).toList());
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = encoding.standardized(history.get(i).features());
            y[i] = history.get(i).metObjective() ? 1 : 0;
        }
        double[] weights = fit(x, y);
        SplittableRandom random = new SplittableRandom(SEED);
        List<double[]> refits = new ArrayList<>(REFITS);
        double[][] xs = new double[n][];
        int[] ys = new int[n];
        for (int attempt = 0; refits.size() < REFITS && attempt < 3 * REFITS; attempt++) {
            int met = 0;
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                xs[i] = x[pick];
                ys[i] = y[pick];
                met += y[pick];
            }
            if (met > 0 && met < n) {
                refits.add(fit(xs, ys));
            }
        }
        return new SuccessModel(encoding, weights, refits, n);
    }

    private static double[] fit(double[][] x, int[] y) {
        return LogisticRegression.binomial(x, y, L2_PENALTY, TOLERANCE, MAX_ITERATIONS).coefficients();
    }

    /** How many finished campaigns it learned from. */
    public int learnedFrom() {
        return learnedFrom;
    }

    /** The probability (0 to 1) that the campaign meets its objective, unrounded: for ranking and evaluation. */
    public double probability(CampaignFeatures target) {
        return logistic(weights, encoding.standardized(target));
    }

    /** The model's prediction for the campaign, with its bootstrap interval and strongest factors. */
    public SuccessPrediction predict(CampaignFeatures target) {
        double[] z = encoding.standardized(target);
        int likelihood = SuccessPrediction.percent(logistic(weights, z));
        double[] resampled = refits.stream().mapToDouble(w -> logistic(w, z)).sorted().toArray();
        int low = resampled.length == 0 ? likelihood
                : Math.min(likelihood, SuccessPrediction.percent(quantile(resampled, 0.05)));
        int high = resampled.length == 0 ? likelihood
                : Math.max(likelihood, SuccessPrediction.percent(quantile(resampled, 0.95)));
        String explanation = String.format(Locale.ROOT, "Logistic regression over %d features learned from %d finished "
                + "campaigns; the interval holds the middle 90 %% of %d refits on resampled history.",
                encoding.width(), learnedFrom, refits.size());
        return new SuccessPrediction(Method.MODEL, likelihood, low, high, factors(target, z), null, explanation,
                learnedFrom);
    }

    private List<Factor> factors(CampaignFeatures target, double[] z) {
        double[] raw = encoding.raw(target);
        List<Factor> all = new ArrayList<>();
        for (int j = 0; j < z.length; j++) {
            double contribution = weights[j] * z[j];
            if (Math.abs(contribution) >= MIN_CONTRIBUTION) {
                all.add(Factor.of(encoding.key(j), encoding.label(j, raw[j]), contribution));
            }
        }
        all.sort(Comparator.comparingDouble((Factor factor) -> Math.abs(factor.contribution())).reversed());
        return all.subList(0, Math.min(TOP_FACTORS, all.size()));
    }

    /** Smile's binomial coefficients hold one weight per column, then the intercept. */
    private static double logistic(double[] w, double[] z) {
        double eta = w[z.length];
        for (int j = 0; j < z.length; j++) {
            eta += w[j] * z[j];
        }
        return 1 / (1 + Math.exp(-eta));
    }

    /** The q-quantile of sorted values, interpolating between neighbours. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    @Override
    public String toString() {
        return "SuccessModel[learnedFrom=" + learnedFrom + ", columns=" + encoding.width() + ", weights="
                + Arrays.toString(weights) + "]";
    }
}
