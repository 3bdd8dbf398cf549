package io.flightdeck.email.abtest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.flightdeck.email.abtest.AbTestVerdict.Outcome;
import io.flightdeck.shared.InvalidInputException;

/**
 * Picks the winner of an email A/B test of 2 to 4 variants, or says why there is none.
 * <p>
 * <b>Method.</b> The leader L is the variant with the highest observed rate (the first in the list among those tied).
 * L is compared with every other variant V by the pooled two-proportion z-test:
 * <pre>
 *   p̂_L = s_L / n_L,   p̂_V = s_V / n_V,   p̂ = (s_L + s_V) / (n_L + n_V)
 *   z   = (p̂_L − p̂_V) / √( p̂ (1 − p̂) (1/n_L + 1/n_V) )
 *   p   = P(|Z| ≥ |z|) = erfc(|z| / √2)                    (two-sided, see {@link NormalTail})
 *   p_adj = min(1, m · p),   m = k − 1 comparisons for k variants   (Bonferroni)
 *   confidence that L beats V = 1 − p_adj
 * </pre>
 * L wins when every variant met the minimum sample and {@code p_adj ≤ α = 1 − requiredConfidence} against every
 * other variant. With 1,000 recipients each, 3.1 % against 2.2 % gives p̂ = 0.0265, z = 1.25, p = 0.21: no winner at
 * 95 %; 2.8 % against 2.2 % on 10,000 each gives z = 2.72, p = 0.0066: a winner with 99 % confidence.
 * <p>
 * <b>Why two-sided, and why Bonferroni rather than Holm.</b> The leader is chosen after looking at the data, so a
 * one-sided test of it would double the false-winner rate. Declaring a winner needs all m comparisons to pass, so the
 * error to control is the chance that, with no real difference at all, some variant beats every other by the margin.
 * For a given L that needs in particular {@code z_LV ≥ z(1 − α/(2m))} against one fixed other V, a chance of α/(2m);
 * summed over the k variants that could lead, the false-winner rate is at most
 * {@code k · α / (2m) = α · k / (2(k − 1)) ≤ α} (α for 2 variants, 0.75 α for 3, 0.67 α for 4). Holm's step-down
 * would let the closest comparison pass at α unadjusted; it gains little when every comparison must pass anyway, and
 * this simple bound would no longer cover it.
 * <p>
 * <b>Edges.</b> Both variants at 0 % or both at 100 % have nothing to tell apart (z = 0, p = 1); a variant sent to
 * nobody yet counts as z = 0 and fails the minimum sample. Rates are compared exactly (see {@link Variant}), so equal
 * rates are a tie, never a lead. The normal approximation is rough when a variant expects fewer than about 5
 * successes or 5 failures ({@code n · p̂ < 5}); nothing here checks that, the minimum sample is the guard, so set it to
 * at least 5 divided by the expected rate (250 recipients for a 2 % click rate, 1,000 for 0.5 % conversions).
 */
public final class WinnerDecision {

    static final int MIN_VARIANTS = 2;
    static final int MAX_VARIANTS = 4;

    static final String OPENS_WARNING = "Opens are unreliable: Apple Mail Privacy Protection loads the images of every "
            + "message it receives, read or not, and security scanners fetch them too, so an open rate says little "
            + "about who read the message. Prefer clicks or conversions to pick a winner.";

    private WinnerDecision() {
    }

    public static AbTestVerdict decide(List<Variant> variants, AbTestSettings settings) {
        validate(variants, settings);
        Variant leader = leaderOf(variants);
        int m = variants.size() - 1;
        List<PairComparison> comparisons = new ArrayList<>(m);
        for (Variant other : variants) {
            if (other != leader) {
                comparisons.add(compare(leader, other, m, settings.alpha()));
            }
        }
        boolean sampleMet = variants.stream().allMatch(v -> v.sent() >= settings.minimumSamplePerVariant());
        boolean beatsAll = comparisons.stream().allMatch(PairComparison::significant);
        List<String> warnings = settings.metric() == Metric.OPENS ? List.of(OPENS_WARNING) : List.of();
        VerdictWording words = new VerdictWording(settings, leader, variants, comparisons);
        if (sampleMet && beatsAll) {
            return new AbTestVerdict(Outcome.WINNER, Optional.of(leader.name()), Optional.of(leader.name()),
                    leader.name(), comparisons, true, words.winner(), warnings);
        }
        String why = !sampleMet ? words.tooFewRecipients() : words.noClearWinner();
        if (settings.ifInconclusive() == InconclusiveRule.SEND_VARIANT_A) {
            String control = variants.get(0).name();
            return new AbTestVerdict(Outcome.SEND_VARIANT_A, Optional.empty(), Optional.of(control), leader.name(),
                    comparisons, sampleMet, why + " " + words.sendingVariantA(), warnings);
        }
        return new AbTestVerdict(Outcome.WAIT, Optional.empty(), Optional.empty(), leader.name(), comparisons,
                sampleMet, why + " " + words.waiting(), warnings);
    }

    /** The pooled z-score of {@code a}'s rate over {@code b}'s; 0 when there is nothing to compare. */
    static double zScore(Variant a, Variant b) {
        if (a.sent() == 0 || b.sent() == 0) {
            return 0;
        }
        double pooled = (double) (a.successes() + b.successes()) / (a.sent() + b.sent());
        double variance = pooled * (1 - pooled) * (1.0 / a.sent() + 1.0 / b.sent());
        // both at 0 % or both at 100 %: the rates are equal, and 0 / 0 would make NaN of it
        return variance == 0 ? 0 : (a.rate() - b.rate()) / Math.sqrt(variance);
    }

    private static PairComparison compare(Variant leader, Variant other, int m, double alpha) {
        double z = zScore(leader, other);
        double p = NormalTail.twoSidedPValue(z);
        double adjusted = Math.min(1, m * p);
        boolean ahead = leader.compareRateTo(other) > 0;
        double confidence = ahead ? 1 - adjusted : 0;
        return new PairComparison(leader.name(), other.name(), leader.rate(), other.rate(), z, p, adjusted,
                confidence, ahead && adjusted <= alpha);
    }

    private static Variant leaderOf(List<Variant> variants) {
        Variant leader = variants.get(0);
        for (Variant v : variants) {
            if (v.compareRateTo(leader) > 0) {
                leader = v;
            }
        }
        return leader;
    }

    private static void validate(List<Variant> variants, AbTestSettings settings) {
        if (settings == null) {
            throw new InvalidInputException("settings", "The test's settings are missing");
        }
        if (variants == null || variants.size() < MIN_VARIANTS || variants.size() > MAX_VARIANTS) {
            throw new InvalidInputException("variants", String.format(Locale.ENGLISH,
                    "An A/B test compares %d to %d variants; this one has %d", MIN_VARIANTS, MAX_VARIANTS,
                    variants == null ? 0 : variants.size()));
        }
        Set<String> names = new HashSet<>();
        for (Variant v : variants) {
            if (v == null) {
                throw new InvalidInputException("variants", "A variant is missing from the list");
            }
            if (!names.add(v.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("variants", "Two variants are named " + v.name()
                        + "; each needs its own name so the result can say which won");
            }
        }
    }
}
