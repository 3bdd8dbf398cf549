package io.flightdeck.email.abtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences of a verdict, for a marketer rather than a statistician: rates as percentages, confidence in whole
 * percent rounded down (so 94.6 % never reads as the 95 % it failed to reach), recipients with thousands separators.
 */
final class VerdictWording {

    private final AbTestSettings settings;
    private final Variant leader;
    private final List<Variant> variants;
    private final List<PairComparison> comparisons;

    VerdictWording(AbTestSettings settings, Variant leader, List<Variant> variants, List<PairComparison> comparisons) {
        this.settings = settings;
        this.leader = leader;
        this.variants = variants;
        this.comparisons = comparisons;
    }

    /** {@code B beat A on click rate, 2.8 % vs 2.2 %, with 99 % confidence (10,000 recipients each).} */
    String winner() {
        PairComparison weakest = weakest();
        String confidence = comparisons.size() == 1 ? "with " + percent(weakest.confidence()) + " confidence"
                : "with at least " + percent(weakest.confidence()) + " confidence, corrected for "
                        + comparisons.size() + " comparisons";
        return leader.name() + " beat " + join(others()) + " on " + settings.metric().rateName() + ", "
                + rate(leader.rate()) + " vs " + join(otherRates()) + ", " + confidence + " (" + recipients() + ").";
    }

    String tooFewRecipients() {
        List<String> belowMinimum = new ArrayList<>();
        for (Variant v : variants) {
            if (v.sent() < settings.minimumSamplePerVariant()) {
                belowMinimum.add(v.name() + " has " + count(v.sent()));
            }
        }
        return "Too few recipients to call it: each variant needs " + count(settings.minimumSamplePerVariant())
                + "; so far " + join(belowMinimum) + ".";
    }

    String noClearWinner() {
        List<String> level = new ArrayList<>();
        for (Variant v : variants) {
            if (v != leader && v.compareRateTo(leader) == 0) {
                level.add(v.name());
            }
        }
        if (!level.isEmpty()) {
            level.add(0, leader.name());
            return "No difference on " + settings.metric().rateName() + ": " + join(level) + " are level at "
                    + rate(leader.rate()) + ".";
        }
        PairComparison weakest = weakest();
        String needed = " (" + percent(settings.requiredConfidence()) + " needed).";
        if (comparisons.size() == 1) {
            return "No clear winner on " + settings.metric().rateName() + ": " + leader.name() + " leads with "
                    + rate(leader.rate()) + " vs " + rate(weakest.otherRate()) + " for " + weakest.other()
                    + ", but with only " + percent(weakest.confidence()) + " confidence" + needed;
        }
        return "No clear winner on " + settings.metric().rateName() + ": " + leader.name() + " leads with "
                + rate(leader.rate()) + " vs " + join(otherRates()) + ", but its narrowest lead, over "
                + weakest.other() + ", holds with only " + percent(weakest.confidence()) + " confidence after "
                + "correcting for " + comparisons.size() + " comparisons" + needed;
    }

    String sendingVariantA() {
        return "Sending " + variants.get(0).name() + " to the rest, as this test is set to do when it is inconclusive.";
    }

    String waiting() {
        return "Waiting for more results before sending to the rest, as this test is set to do when it is inconclusive.";
    }

    /** The comparison the leader is least sure of; every verdict stands or falls with it. */
    private PairComparison weakest() {
        PairComparison weakest = comparisons.get(0);
        for (PairComparison c : comparisons) {
            if (c.confidence() < weakest.confidence()) {
                weakest = c;
            }
        }
        return weakest;
    }

    private List<String> others() {
        return comparisons.stream().map(PairComparison::other).toList();
    }

    private List<String> otherRates() {
        return comparisons.stream().map(c -> rate(c.otherRate())).toList();
    }

    private String recipients() {
        boolean same = variants.stream().allMatch(v -> v.sent() == leader.sent());
        if (same) {
            return count(leader.sent()) + " recipients each";
        }
        List<String> each = new ArrayList<>();
        each.add(leader.name() + " " + count(leader.sent()));
        for (Variant v : variants) {
            if (v != leader) {
                each.add(v.name() + " " + count(v.sent()));
            }
        }
        return String.join(", ", each) + " recipients";
    }

    /** One decimal, two below 1 % where a single decimal would blur 0.45 % and 0.54 % together. */
    static String rate(double rate) {
        double percent = rate * 100;
        return String.format(Locale.ENGLISH, percent < 1 && percent > 0 ? "%.2f %%" : "%.1f %%", percent);
    }

    static String percent(double confidence) {
        // rounded down, nudged by a hair so that 0.95 held in binary as 0.9499999… still reads 95
        return (long) Math.floor(confidence * 100 + 1e-9) + " %";
    }

    private static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** {@code A}, {@code A and B}, {@code A, B and C}. */
    static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
