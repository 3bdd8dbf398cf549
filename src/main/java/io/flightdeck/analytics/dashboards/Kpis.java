package io.flightdeck.analytics.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.flightdeck.analytics.Metric;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's key figures for a period, each beside the same figure for the period before: counts summed, rates
 * worked out from the sums (never averaged), and money kept per currency, so that no figure adds or divides amounts of
 * two currencies. A rate whose divisor is zero is absent rather than 0 or infinite.
 *
 * @param money one entry per currency the period or the one before spent or earned in
 */
public record Kpis(Figure impressions, Figure reach, Figure clicks, Figure clickRate, Figure conversions,
        Figure conversionRate, Figure engagement, List<MoneyKpis> money) {

    /** A figure now and in the period before, and the change in per cent (absent when there was nothing before). */
    public record Figure(@Nullable BigDecimal value, @Nullable BigDecimal previous, @Nullable BigDecimal changePercent) {

        static Figure of(BigDecimal value, BigDecimal previous) {
            BigDecimal change = value == null || previous == null || previous.signum() == 0 ? null
                    : value.subtract(previous).multiply(HUNDRED).divide(previous.abs(), 1, RoundingMode.HALF_UP);
            return new Figure(plain(value), plain(previous), change);
        }
    }

    /** 125.4 rather than the store's 125.4000, and 4000 rather than 4E+3. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Spend and revenue in one currency, with what follows from them: cost per acquisition (spend over conversions),
     * return on ad spend (revenue over spend) and ROI in per cent ((revenue − spend) over spend).
     */
    public record MoneyKpis(String currency, Figure spend, Figure revenue, Figure costPerAcquisition,
            Figure returnOnAdSpend, Figure roiPercent) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Sums of one period, by metric and currency ("" for counts). */
    public record Sums(Map<String, BigDecimal> byMetricAndCurrency) {

        BigDecimal count(Metric metric) {
            return byMetricAndCurrency.getOrDefault(metric.name() + " ", BigDecimal.ZERO);
        }

        BigDecimal money(Metric metric, String currency) {
            return byMetricAndCurrency.getOrDefault(metric.name() + " " + currency, BigDecimal.ZERO);
        }

        static String key(String metric, String currency) {
            return metric + " " + (currency == null ? "" : currency);
        }
    }

    static Kpis of(Sums now, Sums before) {
        TreeSet<String> currencies = new TreeSet<>();
        for (Sums s : List.of(now, before)) {
            s.byMetricAndCurrency().keySet().stream().map(k -> k.substring(k.indexOf(' ') + 1))
                    .filter(c -> !c.isEmpty()).forEach(currencies::add);
        }
        List<MoneyKpis> money = new ArrayList<>();
        for (String currency : currencies) {
            money.add(new MoneyKpis(currency,
                    Figure.of(now.money(Metric.SPEND, currency), before.money(Metric.SPEND, currency)),
                    Figure.of(now.money(Metric.REVENUE, currency), before.money(Metric.REVENUE, currency)),
                    Figure.of(ratio(now.money(Metric.SPEND, currency), now.count(Metric.CONVERSIONS), 2),
                            ratio(before.money(Metric.SPEND, currency), before.count(Metric.CONVERSIONS), 2)),
                    Figure.of(ratio(now.money(Metric.REVENUE, currency), now.money(Metric.SPEND, currency), 2),
                            ratio(before.money(Metric.REVENUE, currency), before.money(Metric.SPEND, currency), 2)),
                    Figure.of(roi(now, currency), roi(before, currency))));
        }
        return new Kpis(count(now, before, Metric.IMPRESSIONS), count(now, before, Metric.REACH),
                count(now, before, Metric.CLICKS),
                Figure.of(percent(now.count(Metric.CLICKS), now.count(Metric.IMPRESSIONS)),
                        percent(before.count(Metric.CLICKS), before.count(Metric.IMPRESSIONS))),
                count(now, before, Metric.CONVERSIONS),
                Figure.of(percent(now.count(Metric.CONVERSIONS), now.count(Metric.CLICKS)),
                        percent(before.count(Metric.CONVERSIONS), before.count(Metric.CLICKS))),
                count(now, before, Metric.ENGAGEMENT), money);
    }

    private static Figure count(Sums now, Sums before, Metric metric) {
        return Figure.of(now.count(metric), before.count(metric));
    }

    private static BigDecimal roi(Sums s, String currency) {
        BigDecimal spend = s.money(Metric.SPEND, currency);
        return spend.signum() == 0 ? null
                : s.money(Metric.REVENUE, currency).subtract(spend).multiply(HUNDRED).divide(spend, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b, int scale) {
        return b.signum() == 0 ? null : a.divide(b, scale, RoundingMode.HALF_UP);
    }
}
