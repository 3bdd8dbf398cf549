package io.flightdeck.guidance.prediction;

import io.flightdeck.guidance.prediction.SuccessPrediction.Factor;
import io.flightdeck.guidance.prediction.SuccessPrediction.Method;
import java.util.List;
import java.util.Locale;

/**
 * The transparent estimate for a workspace with little history: how often similar past campaigns met their objective,
 * pulled toward the workspace's own rate by as much as {@value #PRIOR_WEIGHT} campaigns' worth of evidence. A person
 * can redo it by hand from the formula it shows, which is why it is used until a model has enough to learn from.
 * <p>
 * <b>Similar</b> means: at least one channel in common, the same audience (or neither has one), and budgets within a
 * factor of {@value #BUDGET_FACTOR} of each other (two campaigns without a budget are alike; one with and one without
 * are not). <b>Shrinkage</b> is additive smoothing toward the workspace mean, the posterior mean of a beta prior worth
 * k campaigns: {@code p = (s + k·m) / (n + k)}, with s successes among n similar campaigns, m the share of all the
 * workspace's finished campaigns that met their objective, and k = {@value #PRIOR_WEIGHT}. With no similar campaign p
 * is m; with many, p approaches their own rate. <b>Interval</b>: the Wilson score interval at 90 % around p, counting
 * n + k observations (the prior's k campaigns count as seen). Below {@value #MIN_HISTORY} finished campaigns the
 * workspace mean itself is too thin to lean on, and the answer is "not enough history".
 */
public final class SuccessBaseline {

    /** Finished campaigns a workspace needs before the baseline answers. */
    public static final int MIN_HISTORY = 5;

    /** k: how many campaigns' worth of weight the workspace mean carries. */
    public static final int PRIOR_WEIGHT = 5;

    /** Budgets count as similar when the larger is at most this many times the smaller. */
    public static final double BUDGET_FACTOR = 2.0;

    /** z for a two-sided 90 % interval. */
    static final double Z_90 = 1.6448536269514722;

    private SuccessBaseline() {
    }

    /** Whether {@code past} counts as similar to {@code target} (see the class comment for the rule). */
    public static boolean similar(CampaignFeatures target, CampaignFeatures past) {
        return target.sharesChannelWith(past) && target.sameAudienceAs(past)
                && budgetsAlike(target.budget(), past.budget());
    }

    static boolean budgetsAlike(double a, double b) {
        if (a == 0 || b == 0) {
            return a == b;
        }
        return Math.max(a, b) <= BUDGET_FACTOR * Math.min(a, b);
    }

    /** The baseline's estimate for {@code target}, learned from the workspace's finished campaigns. */
    public static SuccessPrediction predict(CampaignFeatures target, List<PastCampaign> history) {
        int finished = history.size();
        if (finished < MIN_HISTORY) {
            return SuccessPrediction.notEnoughHistory(finished, String.format(Locale.ROOT,
                    "Not enough history: %s judged against an objective in this workspace, and an estimate "
                    + "needs at least %d.",
                    campaigns(finished, "finished campaign"), MIN_HISTORY));
        }
        int workspaceSuccesses = 0;
        int n = 0;
        int s = 0;
        for (PastCampaign past : history) {
            workspaceSuccesses += past.metObjective() ? 1 : 0;
            if (similar(target, past.features())) {
                n++;
                s += past.metObjective() ? 1 : 0;
            }
        }
        double mean = (double) workspaceSuccesses / finished;
        double p = (s + PRIOR_WEIGHT * mean) / (n + PRIOR_WEIGHT);
        double[] interval = wilson(p, n + PRIOR_WEIGHT, Z_90);
        String formula = String.format(Locale.ROOT, "(%d + %d × %.2f) / (%d + %d) = %.2f",
                s, PRIOR_WEIGHT, mean, n, PRIOR_WEIGHT, p);
        String workspace = String.format(Locale.ROOT, "the workspace's %d %% (%d of %s)",
                SuccessPrediction.percent(mean), workspaceSuccesses, campaigns(finished, "finished campaign"));
        String explanation;
        List<Factor> factors;
        if (n == 0) {
            explanation = "No similar past campaign (a channel in common, the same audience, a budget within a factor "
                    + "of 2), so the estimate is " + workspace + ".";
            factors = List.of();
        } else {
            explanation = String.format(Locale.ROOT, "%d of %s met their objective, shrunk toward %s.",
                    s, campaigns(n, "similar past campaign"), workspace);
            double own = (double) s / n;
            factors = List.of(Factor.of("similarCampaigns", String.format(Locale.ROOT,
                    "%d of %s met their objective (%d %%, against %d %% across the workspace)",
                    s, campaigns(n, "similar campaign"), SuccessPrediction.percent(own),
                    SuccessPrediction.percent(mean)), (own - mean) * 100));
        }
        int likelihood = SuccessPrediction.percent(p);
        return new SuccessPrediction(Method.BASELINE, likelihood,
                Math.min(likelihood, SuccessPrediction.percent(interval[0])),
                Math.max(likelihood, SuccessPrediction.percent(interval[1])),
                factors, formula, explanation, finished);
    }

    /** The Wilson score interval for a proportion p seen over n trials, as {low, high}. */
    static double[] wilson(double p, double n, double z) {
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static String campaigns(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
