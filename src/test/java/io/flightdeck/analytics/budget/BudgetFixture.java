package io.flightdeck.analytics.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.Money;

/**
 * The campaign the budget's unit tests share unless a test says otherwise: a budget of EUR 3,000.00 from 1 to 30 March
 * 2026 (30 days, so EUR 100.00 a day planned), split SEARCH_ADS 60 % (EUR 1,800.00) and INSTAGRAM 40 % (EUR
 * 1,200.00); days counted from 1 March.
 */
final class BudgetFixture {

    static final LocalDate START = LocalDate.of(2026, 3, 1);
    static final LocalDate END = LocalDate.of(2026, 3, 30);
    static final Money BUDGET = new Money(new BigDecimal("3000.00"), "EUR");

    private BudgetFixture() {
    }

    static BudgetView calculate(Money budget, LocalDate start, LocalDate end, LocalDate today,
            Map<String, Integer> split, List<DailyRollup> rows) {
        return BudgetCalculation.calculate(new BudgetInputs(UUID.randomUUID(), "Spring", "UTC", Instant.EPOCH, budget,
                start, end, today, split.isEmpty() ? null : 2, split, rows));
    }

    static Map<String, Integer> split() {
        Map<String, Integer> split = new LinkedHashMap<>();
        split.put("SEARCH_ADS", 60);
        split.put("INSTAGRAM", 40);
        return split;
    }

    /** The day {@code n} days after 1 March 2026 (negative before it). */
    static LocalDate day(int n) {
        return START.plusDays(n);
    }

    static DailyRollup money(int day, String channel, String metric, String value) {
        return new DailyRollup(day(day), channel, metric, "EUR", new BigDecimal(value));
    }

    static DailyRollup count(int day, String channel, String metric, String value) {
        return new DailyRollup(day(day), channel, metric, null, new BigDecimal(value));
    }
}
