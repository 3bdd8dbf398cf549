package io.flightdeck.email.abtest;

import java.util.List;

import io.flightdeck.email.abtest.AbTestVerdict.Outcome;
import io.flightdeck.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Results small enough to check by hand. Each expected figure is worked out in the comment above it, with
 * {@code p̂ = (s1 + s2) / (n1 + n2)}, {@code SE = √(p̂ (1 − p̂) (1/n1 + 1/n2))}, {@code z = (r1 − r2) / SE}, the two-sided
 * p-value read from a normal table ({@code 2 · (1 − Φ(z))}), and Bonferroni's {@code p_adj = m · p} for m comparisons.
 */
class WinnerDecisionTests {

    private static final AbTestSettings CLICKS_95_SEND_A =
            new AbTestSettings(Metric.CLICKS, 1_000, 0.95, InconclusiveRule.SEND_VARIANT_A);
    private static final AbTestSettings CLICKS_95_WAIT =
            new AbTestSettings(Metric.CLICKS, 1_000, 0.95, InconclusiveRule.WAIT);

    private static Variant v(String name, long sent, long successes) {
        return new Variant(name, sent, successes);
    }

    @Test
    void aClearWinnerBetweenTwo() {
        // A 220 / 10,000 = 2.2 %, B 280 / 10,000 = 2.8 %. p̂ = 500 / 20,000 = 0.025;
        // SE = √(0.025 · 0.975 · 0.0002) = √(4.875e-6) = 0.0022079; z = 0.006 / 0.0022079 = 2.7175;
        // p = 2 · (1 − Φ(2.7175)) = 2 · 0.003289 = 0.006578; one comparison, so confidence = 0.99342 ≥ 0.95
        var verdict = WinnerDecision.decide(List.of(v("A", 10_000, 220), v("B", 10_000, 280)), CLICKS_95_SEND_A);

        assertThat(verdict.outcome()).isEqualTo(Outcome.WINNER);
        assertThat(verdict.winner()).contains("B");
        assertThat(verdict.variantToSend()).contains("B");
        assertThat(verdict.minimumSampleMet()).isTrue();
        PairComparison c = verdict.comparisons().get(0);
        assertThat(c.leader()).isEqualTo("B");
        assertThat(c.other()).isEqualTo("A");
        assertThat(c.zScore()).isCloseTo(2.7175, within(1e-4));
        assertThat(c.pValue()).isCloseTo(0.006578, within(1e-6));
        assertThat(c.adjustedPValue()).isEqualTo(c.pValue());
        assertThat(c.confidence()).isCloseTo(0.99342, within(1e-5));
        assertThat(verdict.reason())
                .isEqualTo("B beat A on click rate, 2.8 % vs 2.2 %, with 99 % confidence (10,000 recipients each).");
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void aSmallLeadOnAThousandEachIsNoWinner() {
        // A 22 / 1,000 = 2.2 %, B 31 / 1,000 = 3.1 %. p̂ = 53 / 2,000 = 0.0265;
        // SE = √(0.0265 · 0.9735 · 0.002) = √(5.1596e-5) = 0.0071830; z = 0.009 / 0.007183 = 1.2530;
        // p = 2 · (1 − Φ(1.253)) = 2 · 0.10511 = 0.2102: only 78.98 % confidence
        var verdict = WinnerDecision.decide(List.of(v("A", 1_000, 22), v("B", 1_000, 31)), CLICKS_95_WAIT);

        assertThat(verdict.winner()).isEmpty();
        assertThat(verdict.leader()).isEqualTo("B");
        assertThat(verdict.comparisons().get(0).zScore()).isCloseTo(1.2530, within(1e-4));
        assertThat(verdict.comparisons().get(0).confidence()).isCloseTo(0.78978, within(1e-5));
        assertThat(verdict.reason()).startsWith(
                "No clear winner on click rate: B leads with 3.1 % vs 2.2 % for A, but with only 78 % confidence (95 % needed).");
    }

    @Test
    void noDifferenceIsNoWinner() {
        // 250 / 10,000 each: z = 0, p = 1, and a variant that is not ahead has confidence 0
        var verdict = WinnerDecision.decide(List.of(v("A", 10_000, 250), v("B", 10_000, 250)), CLICKS_95_WAIT);

        assertThat(verdict.outcome()).isEqualTo(Outcome.WAIT);
        assertThat(verdict.winner()).isEmpty();
        assertThat(verdict.variantToSend()).isEmpty();
        assertThat(verdict.leader()).isEqualTo("A");
        assertThat(verdict.comparisons().get(0).zScore()).isZero();
        assertThat(verdict.comparisons().get(0).pValue()).isCloseTo(1, within(1e-6));
        assertThat(verdict.comparisons().get(0).confidence()).isZero();
        assertThat(verdict.reason()).isEqualTo("No difference on click rate: A and B are level at 2.5 %. "
                + "Waiting for more results before sending to the rest, as this test is set to do when it is inconclusive.");
    }

    @Test
    void tooSmallASampleNamesNoWinnerHoweverLargeTheLead() {
        // A 5 / 100 = 5 %, B 15 / 100 = 15 %. p̂ = 0.1; SE = √(0.1 · 0.9 · 0.02) = 0.042426; z = 0.1 / 0.042426 = 2.357;
        // p = 0.01842: 98.2 % confidence, yet 100 recipients each is short of the 1,000 the test asks for
        var verdict = WinnerDecision.decide(List.of(v("A", 100, 5), v("B", 100, 15)), CLICKS_95_SEND_A);

        assertThat(verdict.minimumSampleMet()).isFalse();
        assertThat(verdict.comparisons().get(0).confidence()).isCloseTo(0.98158, within(1e-5));
        assertThat(verdict.comparisons().get(0).significant()).isTrue();
        assertThat(verdict.winner()).isEmpty();
        assertThat(verdict.outcome()).isEqualTo(Outcome.SEND_VARIANT_A);
        assertThat(verdict.variantToSend()).contains("A");
        assertThat(verdict.reason()).startsWith(
                "Too few recipients to call it: each variant needs 1,000; so far A has 100 and B has 100. Sending A");
    }

    @Test
    void anInconclusiveTestSendsVariantAOrWaitsAsSet() {
        // A 220 / 10,000 = 2.2 %, B 250 / 10,000 = 2.5 %. p̂ = 470 / 20,000 = 0.0235;
        // SE = √(0.0235 · 0.9765 · 0.0002) = √(4.5896e-6) = 0.0021423; z = 0.003 / 0.0021423 = 1.4003;
        // p = 2 · (1 − Φ(1.4003)) = 2 · 0.08070 = 0.1614: 83.86 % confidence, short of 95 %
        List<Variant> variants = List.of(v("A", 10_000, 220), v("B", 10_000, 250));

        var sendA = WinnerDecision.decide(variants, CLICKS_95_SEND_A);
        assertThat(sendA.outcome()).isEqualTo(Outcome.SEND_VARIANT_A);
        assertThat(sendA.winner()).isEmpty();
        assertThat(sendA.leader()).isEqualTo("B");
        assertThat(sendA.variantToSend()).contains("A"); // the control, though B leads: the lead is not proven
        assertThat(sendA.minimumSampleMet()).isTrue();
        assertThat(sendA.comparisons().get(0).confidence()).isCloseTo(0.83859, within(1e-5));
        assertThat(sendA.reason()).isEqualTo("No clear winner on click rate: B leads with 2.5 % vs 2.2 % for A, "
                + "but with only 83 % confidence (95 % needed). "
                + "Sending A to the rest, as this test is set to do when it is inconclusive.");

        var wait = WinnerDecision.decide(variants, CLICKS_95_WAIT);
        assertThat(wait.outcome()).isEqualTo(Outcome.WAIT);
        assertThat(wait.winner()).isEmpty();
        assertThat(wait.variantToSend()).isEmpty();
        assertThat(wait.reason()).endsWith("Waiting for more results before sending to the rest, "
                + "as this test is set to do when it is inconclusive.");
    }

    @Test
    void aThirdVariantTightensTheBarByBonferroni() {
        // C 265 / 10,000 = 2.65 % against A 220 / 10,000 = 2.2 %: p̂ = 485 / 20,000 = 0.02425;
        // SE = √(0.02425 · 0.97575 · 0.0002) = √(4.7324e-6) = 0.0021754; z = 0.0045 / 0.0021754 = 2.0686;
        // p = 2 · (1 − Φ(2.0686)) = 0.03859. Alone, C wins: confidence 1 − 0.03859 = 0.96141.
        var twoWay = WinnerDecision.decide(List.of(v("A", 10_000, 220), v("C", 10_000, 265)), CLICKS_95_WAIT);
        assertThat(twoWay.winner()).contains("C");
        assertThat(twoWay.comparisons().get(0).confidence()).isCloseTo(0.96141, within(1e-5));

        // With B 200 / 10,000 beside them, m = 2: p_adj(C, A) = 2 · 0.03859 = 0.07717, confidence 0.92283 < 0.95.
        // C against B: p̂ = 0.02325, SE = 0.0021311, z = 0.0065 / 0.0021311 = 3.0500, p = 0.002289, p_adj = 0.004577.
        var threeWay = WinnerDecision.decide(
                List.of(v("A", 10_000, 220), v("B", 10_000, 200), v("C", 10_000, 265)), CLICKS_95_WAIT);
        assertThat(threeWay.winner()).isEmpty();
        assertThat(threeWay.leader()).isEqualTo("C");
        assertThat(threeWay.comparisons()).extracting(PairComparison::other).containsExactly("A", "B");
        assertThat(threeWay.comparisons().get(0).pValue()).isCloseTo(0.038586, within(1e-6));
        assertThat(threeWay.comparisons().get(0).adjustedPValue()).isCloseTo(0.077171, within(1e-6));
        assertThat(threeWay.comparisons().get(0).confidence()).isCloseTo(0.92283, within(1e-5));
        assertThat(threeWay.comparisons().get(1).zScore()).isCloseTo(3.0500, within(1e-4));
        assertThat(threeWay.comparisons().get(1).confidence()).isCloseTo(0.99542, within(1e-5));
        assertThat(threeWay.reason()).startsWith("No clear winner on click rate: C leads with 2.7 % vs 2.2 % and 2.0 %, "
                + "but its narrowest lead, over A, holds with only 92 % confidence after correcting for 2 comparisons "
                + "(95 % needed).");
    }

    @Test
    void aClearWinnerOfThree() {
        // C 300 / 10,000 = 3 %, m = 2. Against A (2.2 %): p̂ = 0.026, SE = √(0.026 · 0.974 · 0.0002) = 0.0022505,
        // z = 0.008 / 0.0022505 = 3.5547, p = 0.0003783, p_adj = 0.0007567. Against B (2.0 %): p̂ = 0.025,
        // SE = 0.0022079, z = 0.01 / 0.0022079 = 4.5291, p = 5.92e-6, p_adj = 1.18e-5.
        var verdict = WinnerDecision.decide(
                List.of(v("A", 10_000, 220), v("B", 10_000, 200), v("C", 10_000, 300)), CLICKS_95_WAIT);

        assertThat(verdict.winner()).contains("C");
        assertThat(verdict.comparisons().get(0).adjustedPValue()).isCloseTo(0.0007567, within(1e-6));
        assertThat(verdict.comparisons().get(1).zScore()).isCloseTo(4.5291, within(1e-4));
        assertThat(verdict.reason()).isEqualTo("C beat A and B on click rate, 3.0 % vs 2.2 % and 2.0 %, with at least "
                + "99 % confidence, corrected for 2 comparisons (10,000 recipients each).");
    }

    @Test
    void fourVariantsCorrectForThreeComparisons() {
        // D 260 / 10,000 = 2.6 % leads A 2.0 %, B 2.1 %, C 1.9 %; m = 3. The narrowest lead, over B:
        // p̂ = 470 / 20,000 = 0.0235, SE = 0.0021423, z = 0.005 / 0.0021423 = 2.3339, p = 0.019600:
        // 98.04 % confidence uncorrected, but p_adj = 3 · 0.0196 = 0.05880, so only 94.12 %: no winner.
        var close = WinnerDecision.decide(List.of(v("A", 10_000, 200), v("B", 10_000, 210), v("C", 10_000, 190),
                v("D", 10_000, 260)), CLICKS_95_SEND_A);
        assertThat(close.winner()).isEmpty();
        assertThat(close.variantToSend()).contains("A");
        PairComparison overB = close.comparisons().get(1);
        assertThat(overB.other()).isEqualTo("B");
        assertThat(overB.zScore()).isCloseTo(2.3339, within(1e-4));
        assertThat(overB.pValue()).isCloseTo(0.019600, within(1e-6));
        assertThat(overB.confidence()).isCloseTo(0.94120, within(1e-5));

        // D 280 / 10,000 = 2.8 %: over B p̂ = 0.0245, SE = √(0.0245 · 0.9755 · 0.0002) = 0.0021863,
        // z = 0.007 / 0.0021863 = 3.2017, p = 0.001366, p_adj = 0.004098: 99.59 %, and wider over A and C
        var clear = WinnerDecision.decide(List.of(v("A", 10_000, 200), v("B", 10_000, 210), v("C", 10_000, 190),
                v("D", 10_000, 280)), CLICKS_95_SEND_A);
        assertThat(clear.winner()).contains("D");
        assertThat(clear.comparisons().get(1).adjustedPValue()).isCloseTo(0.004098, within(1e-6));
        assertThat(clear.reason()).startsWith("D beat A, B and C on click rate, 2.8 % vs 2.0 %, 2.1 % and 1.9 %, "
                + "with at least 99 % confidence, corrected for 3 comparisons");
    }

    @Test
    void zeroSuccessesAreHandled() {
        // A 0 / 2,000, B 12 / 2,000 = 0.6 %. p̂ = 12 / 4,000 = 0.003; SE = √(0.003 · 0.997 · 0.001) = 0.0017295;
        // z = 0.006 / 0.0017295 = 3.4693; p = 0.000522: B wins with 99.95 %
        var verdict = WinnerDecision.decide(List.of(v("A", 2_000, 0), v("B", 2_000, 12)),
                new AbTestSettings(Metric.CONVERSIONS, 1_000, 0.95, InconclusiveRule.WAIT));
        assertThat(verdict.winner()).contains("B");
        assertThat(verdict.comparisons().get(0).zScore()).isCloseTo(3.4693, within(1e-4));
        assertThat(verdict.reason()).isEqualTo(
                "B beat A on conversion rate, 0.60 % vs 0.0 %, with 99 % confidence (2,000 recipients each).");

        // nobody converted anywhere: p̂ = 0 makes SE 0, which must read as no difference, not as NaN
        var none = WinnerDecision.decide(List.of(v("A", 2_000, 0), v("B", 2_000, 0)), CLICKS_95_WAIT);
        assertThat(none.winner()).isEmpty();
        assertThat(none.comparisons().get(0).zScore()).isZero();
        assertThat(none.reason()).startsWith("No difference on click rate: A and B are level at 0.0 %.");
    }

    @Test
    void allSuccessesAreHandled() {
        // A 1,000 / 1,000, B 990 / 1,000. p̂ = 0.995; SE = √(0.995 · 0.005 · 0.002) = 0.0031544;
        // z = 0.01 / 0.0031544 = 3.1702; p = 0.001523: A wins with 99.85 %
        var verdict = WinnerDecision.decide(List.of(v("A", 1_000, 1_000), v("B", 1_000, 990)), CLICKS_95_WAIT);
        assertThat(verdict.winner()).contains("A");
        assertThat(verdict.comparisons().get(0).confidence()).isCloseTo(0.99848, within(1e-5));
        assertThat(verdict.reason()).contains("100.0 % vs 99.0 %");

        // both at 100 %: p̂ = 1 makes SE 0, again no difference
        var both = WinnerDecision.decide(List.of(v("A", 1_000, 1_000), v("B", 1_000, 1_000)), CLICKS_95_WAIT);
        assertThat(both.winner()).isEmpty();
        assertThat(both.comparisons().get(0).zScore()).isZero();
    }

    @Test
    void equalRatesAreATieEvenOnDifferentSamples() {
        // 20 / 1,000 and 40 / 2,000 are both exactly 2 %: compared as 20 · 2,000 = 40 · 1,000, a tie
        var verdict = WinnerDecision.decide(List.of(v("A", 1_000, 20), v("B", 2_000, 40)),
                new AbTestSettings(Metric.CLICKS, 500, 0.95, InconclusiveRule.SEND_VARIANT_A));
        assertThat(verdict.leader()).isEqualTo("A");
        assertThat(verdict.comparisons().get(0).confidence()).isZero();
        assertThat(verdict.reason()).startsWith("No difference on click rate: A and B are level at 2.0 %.");

        // B and C tie at the top, above A: the first of them leads, and the tie keeps either from winning
        var topTie = WinnerDecision.decide(
                List.of(v("A", 10_000, 100), v("B", 10_000, 300), v("C", 10_000, 300)), CLICKS_95_WAIT);
        assertThat(topTie.leader()).isEqualTo("B");
        assertThat(topTie.winner()).isEmpty();
        assertThat(topTie.reason()).startsWith("No difference on click rate: B and C are level at 3.0 %.");
    }

    @Test
    void unequalSamplesAreNamedInTheReason() {
        // A 200 / 10,000 = 2.0 %, B 270 / 9,000 = 3.0 %. p̂ = 470 / 19,000 = 0.024737;
        // SE = √(0.024737 · 0.975263 · (1/9,000 + 1/10,000)) = 0.0022568; z = 0.01 / 0.0022568 = 4.4311
        var verdict = WinnerDecision.decide(List.of(v("A", 10_000, 200), v("B", 9_000, 270)), CLICKS_95_WAIT);
        assertThat(verdict.comparisons().get(0).zScore()).isCloseTo(4.4311, within(1e-4));
        assertThat(verdict.reason()).endsWith("(B 9,000, A 10,000 recipients).");
    }

    @Test
    void opensCarryAWarning() {
        var verdict = WinnerDecision.decide(List.of(v("A", 10_000, 2_200), v("B", 10_000, 2_800)),
                new AbTestSettings(Metric.OPENS, 1_000, 0.95, InconclusiveRule.WAIT));
        assertThat(verdict.winner()).contains("B");
        assertThat(verdict.reason()).startsWith("B beat A on open rate");
        assertThat(verdict.warnings()).singleElement().asString().contains("Apple Mail Privacy Protection");
    }

    @Test
    void theNormalTailMatchesTheTables() {
        // Φ(1.959964) = 0.975 and Φ(2.575829) = 0.995, so the two-sided tails are 0.05 and 0.01; Φ(3) = 0.998650
        assertThat(NormalTail.twoSidedPValue(1.959964)).isCloseTo(0.05, within(2e-7));
        assertThat(NormalTail.twoSidedPValue(-1.959964)).isCloseTo(0.05, within(2e-7));
        assertThat(NormalTail.twoSidedPValue(2.575829)).isCloseTo(0.01, within(2e-7));
        assertThat(NormalTail.twoSidedPValue(3)).isCloseTo(0.0026998, within(2e-7));
        assertThat(NormalTail.twoSidedPValue(0)).isCloseTo(1, within(2e-7));
        assertThat(NormalTail.twoSidedPValue(40)).isZero();
    }

    @Test
    void badInputIsRefusedInPlainWords() {
        assertThatThrownBy(() -> WinnerDecision.decide(List.of(v("A", 10, 1)), CLICKS_95_WAIT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 to 4 variants; this one has 1");
        assertThatThrownBy(() -> WinnerDecision.decide(List.of(v("A", 10, 1), v("B", 10, 1), v("C", 10, 1),
                v("D", 10, 1), v("E", 10, 1)), CLICKS_95_WAIT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("this one has 5");
        assertThatThrownBy(() -> WinnerDecision.decide(List.of(v("A", 10, 1), v("a", 10, 1)), CLICKS_95_WAIT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Two variants are named a");
        assertThatThrownBy(() -> v("A", 10, 11))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("successes"))
                .hasMessageContaining("11 successes out of 10 recipients");
        assertThatThrownBy(() -> v("A", -1, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> v(" ", 10, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new AbTestSettings(Metric.CLICKS, 1_000, 1.0, InconclusiveRule.WAIT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("requiredConfidence"));
        assertThatThrownBy(() -> new AbTestSettings(Metric.CLICKS, 1_000, 95, InconclusiveRule.WAIT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0.95 means 95 %");
        assertThatThrownBy(() -> new AbTestSettings(Metric.CLICKS, 0, 0.95, InconclusiveRule.WAIT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1 recipient");
        assertThatThrownBy(() -> new AbTestSettings(null, 1_000, 0.95, InconclusiveRule.WAIT))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new AbTestSettings(Metric.CLICKS, 1_000, 0.95, null))
                .isInstanceOf(InvalidInputException.class);
    }
}
