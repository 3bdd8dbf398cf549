package io.flightdeck.guidance.objectives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.flightdeck.analytics.CampaignTotals.Total;
import io.flightdeck.analytics.Metric;

/**
 * What a campaign's objective measures: a figure analytics can answer from the campaign's totals. Rates are in
 * percent; return on spend is revenue divided by spend in one currency; money metrics name their currency, and only
 * amounts in that currency count.
 */
public enum ObjectiveMetric {
    CLICK_RATE("Click rate", "%", false),
    CONVERSION_RATE("Conversion rate", "%", false),
    CLICKS("Clicks", "", false),
    CONVERSIONS("Conversions", "", false),
    REVENUE("Revenue", "", true),
    RETURN_ON_SPEND("Return on spend", "×", true);

    private final String label;
    private final String unit;
    private final boolean money;

    ObjectiveMetric(String label, String unit, boolean money) {
        this.label = label;
        this.unit = unit;
        this.money = money;
    }

    public String label() {
        return label;
    }

    /** What follows a number of this metric: a percent sign for rates, a times sign for return on spend, else nothing. */
    public String unit() {
        return unit;
    }

    /** Whether the metric is an amount of money, which needs a currency. */
    public boolean money() {
        return money;
    }

    /** Whether the metric is a percentage, whose target is at most 100. */
    public boolean percentage() {
        return "%".equals(unit);
    }

    /**
     * The figure a campaign achieved from its totals, or null when analytics has none yet: no numbers at all, or a
     * rate whose denominator is 0 (no impressions, no clicks, no spend).
     */
    public BigDecimal achieved(List<Total> totals, String currency) {
        if (totals == null || totals.isEmpty()) {
            return null;
        }
        return switch (this) {
            case CLICK_RATE -> percent(sum(totals, Metric.CLICKS, null), sum(totals, Metric.IMPRESSIONS, null));
            case CONVERSION_RATE -> percent(sum(totals, Metric.CONVERSIONS, null), sum(totals, Metric.CLICKS, null));
            case CLICKS -> sum(totals, Metric.CLICKS, null);
            case CONVERSIONS -> sum(totals, Metric.CONVERSIONS, null);
            case REVENUE -> sum(totals, Metric.REVENUE, currency);
            case RETURN_ON_SPEND -> ratio(sum(totals, Metric.REVENUE, currency), sum(totals, Metric.SPEND, currency));
        };
    }

    private static BigDecimal sum(List<Total> totals, Metric metric, String currency) {
        return totals.stream().filter(t -> t.metric() == metric
                        && (currency == null || currency.equals(t.currency())))
                .map(Total::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        BigDecimal ratio = ratio(part, whole);
        return ratio == null ? null : ratio.multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 6, RoundingMode.HALF_UP).setScale(4,
                RoundingMode.HALF_UP);
    }
}
