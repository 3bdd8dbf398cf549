package io.flightdeck.analytics.budget;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily rollups summed the way the budget needs them: spend to date, revenue and conversions per channel, money
 * in the budget's currency only; the same spend and revenue over the recent days the forecast averages; and money in
 * any other currency apart, never converted nor added to the rest. Without a budget every currency is "other".
 */
final class SpendSums {

    /** One channel's sums to date. */
    static final class Channel {
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal conversions = BigDecimal.ZERO;
    }

    final Map<String, Channel> channels = new LinkedHashMap<>();
    final Map<String, BigDecimal[]> others = new TreeMap<>();
    BigDecimal spent = BigDecimal.ZERO;
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal recentSpend = BigDecimal.ZERO;
    BigDecimal recentRevenue = BigDecimal.ZERO;

    private SpendSums() {
    }

    static SpendSums of(List<DailyRollup> rows, String currency, CampaignDays days) {
        SpendSums sums = new SpendSums();
        for (DailyRollup row : rows) {
            if (days.counts(row.day())) {
                sums.add(row, currency, days.recent(row.day()));
            }
        }
        return sums;
    }

    private void add(DailyRollup row, String currency, boolean recent) {
        String metric = row.metric();
        boolean spend = "SPEND".equals(metric);
        boolean earned = "REVENUE".equals(metric);
        if (!spend && !earned && !"CONVERSIONS".equals(metric)) {
            return;
        }
        if ((spend || earned) && !row.currency().equals(currency)) {
            BigDecimal[] other = others.computeIfAbsent(row.currency(), c -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            other[spend ? 0 : 1] = other[spend ? 0 : 1].add(row.value());
            return;
        }
        Channel channel = channels.computeIfAbsent(row.channel() == null ? "" : row.channel(), c -> new Channel());
        if (spend) {
            channel.spent = channel.spent.add(row.value());
            spent = spent.add(row.value());
            recentSpend = recent ? recentSpend.add(row.value()) : recentSpend;
        } else if (earned) {
            channel.revenue = channel.revenue.add(row.value());
            revenue = revenue.add(row.value());
            recentRevenue = recent ? recentRevenue.add(row.value()) : recentRevenue;
        } else {
            channel.conversions = channel.conversions.add(row.value());
        }
    }
}
