package io.flightdeck.guidance.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The range of an objective's metric that similar past campaigns achieved: the middle half of their figures (the
 * interquartile range, quartiles by linear interpolation), so that a prediction can say "similar campaigns reached 2.1
 * to 2.8 %".
 *
 * @param from how many similar past campaigns with the same metric (and currency) it comes from
 */
record MetricRange(
        @Schema(example = "2.1") BigDecimal low,
        @Schema(example = "2.8") BigDecimal high,
        @Schema(example = "6") int from) {

    /** Fewest similar campaigns a range is given from: with fewer, quartiles say nothing. */
    public static final int MIN_CAMPAIGNS = 3;

    /** The interquartile range of {@code figures}, or null with fewer than {@value #MIN_CAMPAIGNS}. */
    static MetricRange of(List<BigDecimal> figures) {
        if (figures.size() < MIN_CAMPAIGNS) {
            return null;
        }
        List<BigDecimal> sorted = figures.stream().sorted().toList();
        return new MetricRange(quantile(sorted, 0.25), quantile(sorted, 0.75), sorted.size());
    }

    static BigDecimal quantile(List<BigDecimal> sorted, double q) {
        double position = q * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.size() - 1, below + 1);
        BigDecimal fraction = BigDecimal.valueOf(position - below);
        BigDecimal low = sorted.get(below);
        return low.add(sorted.get(above).subtract(low).multiply(fraction)).setScale(4, RoundingMode.HALF_UP);
    }
}
