package io.flightdeck.email.abtest;

/**
 * The leader against one other variant: the two rates, the pooled two-proportion z, its two-sided p-value, that
 * p-value after the Bonferroni correction for the number of comparisons made, and the confidence that the leader
 * truly beats the other ({@code 1 − adjustedPValue}, 0 when the leader is not ahead at all).
 */
public record PairComparison(String leader, String other, double leaderRate, double otherRate, double zScore,
        double pValue, double adjustedPValue, double confidence, boolean significant) {
}
