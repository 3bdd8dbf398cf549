package io.flightdeck.campaigns;

/**
 * A readiness score as the campaign page shows it.
 *
 * @param score          0 to 100; held below {@code threshold} while a blocking item is open
 * @param threshold      the workspace's launch threshold
 * @param rawScore       what the weighted items add up to, blockers aside
 * @param meetsThreshold whether an unforced launch may go: nothing blocks and the score reaches the threshold
 */
public record ReadinessScore(int score, int threshold, int rawScore, boolean meetsThreshold) {
}
