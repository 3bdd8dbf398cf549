package io.flightdeck.analytics.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.flightdeck.analytics.budget.BudgetFixture.BUDGET;
import static io.flightdeck.analytics.budget.BudgetFixture.END;
import static io.flightdeck.analytics.budget.BudgetFixture.START;
import static io.flightdeck.analytics.budget.BudgetFixture.calculate;
import static io.flightdeck.analytics.budget.BudgetFixture.count;
import static io.flightdeck.analytics.budget.BudgetFixture.day;
import static io.flightdeck.analytics.budget.BudgetFixture.money;
import static io.flightdeck.analytics.budget.BudgetFixture.split;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the budget's figures say when something is missing (a budget, dates, a split) or money comes in another
 * currency, for the campaign of {@link BudgetFixture} unless a test takes a part of it away; worked out by hand.
 */
class BudgetGapsTests {

    @Test
    void withoutABudgetThereIsNoPlanAndAllSpendIsReportedApart() {
        List<DailyRollup> rows = List.of(money(1, "SEARCH_ADS", "SPEND", "100"),
                count(1, "SEARCH_ADS", "CONVERSIONS", "4"));
        BudgetView view = calculate(null, START, END, day(9), split(), rows);
        assertThat(view.plannedToDate()).isNull();
        assertThat(view.spentToDate()).isNull();
        assertThat(view.pacing().state()).isEqualTo(PacingState.NO_BUDGET);
        assertThat(view.pacing().words()).isEqualTo("No budget: set the campaign's budget to see its pacing and "
                + "forecast");
        assertThat(view.forecast().projectedSpend()).isNull();
        assertThat(view.forecast().method()).isEqualTo("No forecast: set the campaign's budget");
        assertThat(view.roiForecast().currency()).isNull();
        assertThat(view.notCounted()).containsExactly(new OtherCurrency("EUR", new BigDecimal("100.00"),
                new BigDecimal("0.00")));
        ChannelBudget search = view.channels().get(0);
        assertThat(search.plannedPercent()).isEqualTo(60);
        assertThat(search.plannedAmount()).isNull();
        assertThat(search.spent()).isNull();
        assertThat(search.conversions()).isEqualByComparingTo("4");

        // neither budget nor dates: both are named
        BudgetView bare = calculate(null, null, null, day(9), Map.of(), rows);
        assertThat(bare.pacing().words()).isEqualTo("No budget: set the campaign's budget and its start and end "
                + "dates to see its pacing and forecast");
    }

    @Test
    void withoutDatesTheSpendIsCountedButNotPaced() {
        // a budget but no end date: everything up to today is spent to date, nothing is planned or forecast
        List<DailyRollup> rows = List.of(money(1, "SEARCH_ADS", "SPEND", "100"), money(-20, "SEARCH_ADS", "SPEND", "5"));
        BudgetView view = calculate(BUDGET, null, null, day(9), split(), rows);
        assertThat(view.totalDays()).isZero();
        assertThat(view.plannedToDate()).isNull();
        assertThat(view.spentToDate()).isEqualByComparingTo("105.00");
        assertThat(view.pacing().state()).isEqualTo(PacingState.NO_DATES);
        assertThat(view.pacing().words()).isEqualTo("No dates: set the campaign's start and end dates to see its "
                + "pacing and forecast");
        assertThat(view.forecast().method()).isEqualTo("No forecast: set the campaign's start and end dates");
        assertThat(view.channels().get(0).plannedAmount()).isEqualByComparingTo("1800.00");
        assertThat(view.channels().get(0).plannedToDate()).isNull();
        assertThat(calculate(BUDGET, START, null, day(9), split(), rows).pacing().words())
                .isEqualTo("No dates: set the campaign's end date to see its pacing and forecast");
    }

    @Test
    void withoutASplitTheChannelsAreThoseThatSpent() {
        // today 10 March: LINKEDIN spent 200 on 2 March, and 50 came with no channel
        List<DailyRollup> rows = List.of(money(1, "LINKEDIN", "SPEND", "200"), money(1, "", "SPEND", "50"));
        BudgetView view = calculate(BUDGET, START, END, day(9), Map.of(), rows);
        assertThat(view.splitVersion()).isNull();
        assertThat(view.channels()).extracting(ChannelBudget::label).containsExactly("LinkedIn", "No channel");
        ChannelBudget linkedin = view.channels().get(0);
        assertThat(linkedin.plannedPercent()).isNull();
        assertThat(linkedin.plannedAmount()).isNull();
        assertThat(linkedin.utilisationPercent()).isNull();
        // 200 of 250
        assertThat(linkedin.shareOfSpendPercent()).isEqualByComparingTo("80.0");
        assertThat(view.spentToDate()).isEqualByComparingTo("250.00");
        // the pacing of the whole still stands: 250 of 1,000 planned
        assertThat(view.pacing().percent()).isEqualByComparingTo("25.0");
    }

    @Test
    void spendInAnotherCurrencyIsNeverAddedToTheBudgets() {
        // today 10 March: SEARCH_ADS spent EUR 500 and USD 20, earned USD 50; only the euros count
        List<DailyRollup> rows = List.of(money(1, "SEARCH_ADS", "SPEND", "500"),
                new DailyRollup(day(1), "SEARCH_ADS", "SPEND", "USD", new BigDecimal("20")),
                new DailyRollup(day(2), "SEARCH_ADS", "REVENUE", "USD", new BigDecimal("50")));
        BudgetView view = calculate(BUDGET, START, END, day(9), split(), rows);
        assertThat(view.spentToDate()).isEqualByComparingTo("500.00");
        assertThat(view.pacing().percent()).isEqualByComparingTo("50.0");
        assertThat(view.channels().get(0).spent()).isEqualByComparingTo("500.00");
        assertThat(view.channels().get(0).revenue()).isEqualByComparingTo("0.00");
        assertThat(view.roiForecast().revenueToDate()).isEqualByComparingTo("0.00");
        assertThat(view.notCounted()).containsExactly(new OtherCurrency("USD", new BigDecimal("20.00"),
                new BigDecimal("50.00")));
    }
}
