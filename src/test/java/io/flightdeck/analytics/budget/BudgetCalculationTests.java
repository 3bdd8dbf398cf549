package io.flightdeck.analytics.budget;

import java.util.ArrayList;
import java.util.List;

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
 * The budget's figures on numbers worked out by hand, for the campaign of {@link BudgetFixture} (EUR 3,000.00 over
 * 1 to 30 March 2026, split SEARCH_ADS 60 % and INSTAGRAM 40 %) before, during and after its days.
 */
class BudgetCalculationTests {

    @Test
    void beforeTheStartNothingIsPlannedAndThereIsNoForecast() {
        BudgetView view = calculate(BUDGET, START, END, day(-9), split(), List.of());
        // 20 February: nothing elapsed, all 30 days left
        assertThat(view.totalDays()).isEqualTo(30);
        assertThat(view.elapsedDays()).isZero();
        assertThat(view.plannedToDate()).isEqualByComparingTo("0.00");
        assertThat(view.spentToDate()).isEqualByComparingTo("0.00");
        assertThat(view.remaining()).isEqualByComparingTo("3000.00");
        assertThat(view.pacing().state()).isEqualTo(PacingState.NOT_STARTED);
        assertThat(view.pacing().percent()).isNull();
        assertThat(view.pacing().words()).startsWith("Not started: the campaign starts on 1 Mar 2026");
        assertThat(view.forecast().projectedSpend()).isNull();
        assertThat(view.forecast().daysLeft()).isEqualTo(30);
        assertThat(view.forecast().method()).contains("No forecast before the campaign starts on 1 Mar 2026");
        assertThat(view.roiForecast().projectedRoiPercent()).isNull();
        assertThat(view.channels()).extracting(ChannelBudget::channel).containsExactly("SEARCH_ADS", "INSTAGRAM");
        ChannelBudget search = view.channels().get(0);
        assertThat(search.plannedAmount()).isEqualByComparingTo("1800.00");
        assertThat(search.plannedToDate()).isEqualByComparingTo("0.00");
        assertThat(search.utilisationPercent()).isNull(); // nothing planned yet to divide by
        assertThat(search.shareOfSpendPercent()).isNull(); // nothing spent at all
    }

    @Test
    void midwayOnPlan() {
        // today 10 March: 10 of 30 days, planned 3,000 x 10 / 30 = 1,000.00, 20 days left.
        // Each of 1..10 March: SEARCH_ADS spends 60 and earns 150 with 2 conversions, INSTAGRAM spends 38;
        // INSTAGRAM converts once, on 5 March.
        List<DailyRollup> rows = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            rows.add(money(d, "SEARCH_ADS", "SPEND", "60"));
            rows.add(money(d, "SEARCH_ADS", "REVENUE", "150"));
            rows.add(count(d, "SEARCH_ADS", "CONVERSIONS", "2"));
            rows.add(money(d, "INSTAGRAM", "SPEND", "38"));
        }
        rows.add(count(4, "INSTAGRAM", "CONVERSIONS", "1"));
        // spend after today is not spend to date
        rows.add(money(10, "SEARCH_ADS", "SPEND", "999"));
        BudgetView view = calculate(BUDGET, START, END, day(9), split(), rows);

        assertThat(view.elapsedDays()).isEqualTo(10);
        assertThat(view.plannedToDate()).isEqualByComparingTo("1000.00");
        // spent 10 x (60 + 38) = 980; 980 / 1,000 = 98.0 %, within 10 % of the plan
        assertThat(view.spentToDate()).isEqualByComparingTo("980.00");
        assertThat(view.remaining()).isEqualByComparingTo("2020.00");
        assertThat(view.pacing().state()).isEqualTo(PacingState.ON_PLAN);
        assertThat(view.pacing().percent()).isEqualByComparingTo("98.0");
        assertThat(view.pacing().words()).isEqualTo("On plan: 98.0 % of the EUR 1,000.00 planned to date is spent");
        // the last 7 days (4..10 March) spent 7 x 98 = 686, 98.00 a day; 980 + 686 x 20 / 7 = 980 + 1,960 = 2,940.00,
        // 60.00 under the budget
        assertThat(view.forecast().averageDays()).isEqualTo(7);
        assertThat(view.forecast().dailyAverage()).isEqualByComparingTo("98.00");
        assertThat(view.forecast().daysLeft()).isEqualTo(20);
        assertThat(view.forecast().projectedSpend()).isEqualByComparingTo("2940.00");
        assertThat(view.forecast().overBudget()).isEqualByComparingTo("-60.00");
        assertThat(view.forecast().verdict()).isEqualTo("EUR 60.00 under budget");
        assertThat(view.forecast().method()).isEqualTo("EUR 980.00 spent so far plus the average of the last 7 days "
                + "(EUR 98.00 a day) for each of the 20 days left");
        // revenue 10 x 150 = 1,500; ROI (1,500 - 980) / 980 = 53.06 %; the last 7 days earned 1,050 (150 a day), so
        // 1,500 + 1,050 x 20 / 7 = 4,500.00, against 2,940.00: (4,500 - 2,940) / 2,940 = 53.06 %
        RoiForecast roi = view.roiForecast();
        assertThat(roi.currency()).isEqualTo("EUR");
        assertThat(roi.revenueToDate()).isEqualByComparingTo("1500.00");
        assertThat(roi.roiToDatePercent()).isEqualByComparingTo("53.1");
        assertThat(roi.projectedRevenue()).isEqualByComparingTo("4500.00");
        assertThat(roi.projectedSpend()).isEqualByComparingTo("2940.00");
        assertThat(roi.projectedRoiPercent()).isEqualByComparingTo("53.1");
        assertThat(roi.method()).startsWith("EUR 1,500.00 earned so far plus the average of the last 7 days "
                + "(EUR 150.00 a day) for each of the 20 days left");

        // SEARCH_ADS: planned 1,800, to date 1,800 x 10 / 30 = 600; spent 600 = 61.2 % of 980, 100 % of its plan;
        // ROAS 1,500 / 600 = 2.50; CPA 600 / 20 = 30.00
        ChannelBudget search = view.channels().get(0);
        assertThat(search.channel()).isEqualTo("SEARCH_ADS");
        assertThat(search.label()).isEqualTo("Search ads");
        assertThat(search.plannedPercent()).isEqualTo(60);
        assertThat(search.plannedAmount()).isEqualByComparingTo("1800.00");
        assertThat(search.plannedToDate()).isEqualByComparingTo("600.00");
        assertThat(search.spent()).isEqualByComparingTo("600.00");
        assertThat(search.shareOfSpendPercent()).isEqualByComparingTo("61.2");
        assertThat(search.utilisationPercent()).isEqualByComparingTo("100.0");
        assertThat(search.revenue()).isEqualByComparingTo("1500.00");
        assertThat(search.conversions()).isEqualByComparingTo("20");
        assertThat(search.returnOnAdSpend()).isEqualByComparingTo("2.50");
        assertThat(search.costPerAcquisition()).isEqualByComparingTo("30.00");
        // INSTAGRAM: planned 1,200, to date 400; spent 380 = 38.8 % of 980, 95.0 % of its plan; no revenue, so a
        // return of 0.00; one conversion for 380.00
        ChannelBudget instagram = view.channels().get(1);
        assertThat(instagram.plannedToDate()).isEqualByComparingTo("400.00");
        assertThat(instagram.spent()).isEqualByComparingTo("380.00");
        assertThat(instagram.shareOfSpendPercent()).isEqualByComparingTo("38.8");
        assertThat(instagram.utilisationPercent()).isEqualByComparingTo("95.0");
        assertThat(instagram.returnOnAdSpend()).isEqualByComparingTo("0.00");
        assertThat(instagram.costPerAcquisition()).isEqualByComparingTo("380.00");
        assertThat(view.notCounted()).isEmpty();
        assertThat(view.splitVersion()).isEqualTo(2);
    }

    @Test
    void tenPerCentEitherWayIsStillOnPlan() {
        // today 10 March, planned 1,000.00: 1,100 spent is 110.0 % and 900 is 90.0 %, both on plan; 1,101 (110.1 %)
        // is ahead and 899 (89.9 %) behind
        assertThat(pacingAfterSpending("1100").state()).isEqualTo(PacingState.ON_PLAN);
        assertThat(pacingAfterSpending("900").state()).isEqualTo(PacingState.ON_PLAN);
        assertThat(pacingAfterSpending("1101").state()).isEqualTo(PacingState.AHEAD);
        assertThat(pacingAfterSpending("899").state()).isEqualTo(PacingState.BEHIND);
    }

    @Test
    void aheadOfPlanForecastsOverBudget() {
        // today 10 March, planned 1,000.00; SEARCH_ADS alone spends 130 a day: 1,300 = 130.0 %, ahead.
        // Forecast 1,300 + 7 x 130 x 20 / 7 = 1,300 + 2,600 = 3,900.00, 900.00 over
        List<DailyRollup> rows = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            rows.add(money(d, "SEARCH_ADS", "SPEND", "130"));
        }
        BudgetView view = calculate(BUDGET, START, END, day(9), split(), rows);
        assertThat(view.pacing().state()).isEqualTo(PacingState.AHEAD);
        assertThat(view.pacing().percent()).isEqualByComparingTo("130.0");
        assertThat(view.pacing().words()).startsWith("Ahead of plan: 130.0 %");
        assertThat(view.forecast().projectedSpend()).isEqualByComparingTo("3900.00");
        assertThat(view.forecast().overBudget()).isEqualByComparingTo("900.00");
        assertThat(view.forecast().verdict()).isEqualTo("EUR 900.00 over budget");
        // SEARCH_ADS spent 1,300 of its 600 to date: 216.7 %; INSTAGRAM, in the split, spent nothing
        assertThat(view.channels().get(0).utilisationPercent()).isEqualByComparingTo("216.7");
        ChannelBudget instagram = view.channels().get(1);
        assertThat(instagram.spent()).isEqualByComparingTo("0.00");
        assertThat(instagram.shareOfSpendPercent()).isEqualByComparingTo("0.0");
        assertThat(instagram.utilisationPercent()).isEqualByComparingTo("0.0");
        assertThat(instagram.returnOnAdSpend()).isNull();
        assertThat(instagram.costPerAcquisition()).isNull();
        // no revenue: ROI -100 % now and at the end
        assertThat(view.roiForecast().roiToDatePercent()).isEqualByComparingTo("-100.0");
        assertThat(view.roiForecast().projectedRoiPercent()).isEqualByComparingTo("-100.0");
    }

    @Test
    void behindPlanAveragesTheDaysSinceTheStartWhenFewerThanSeven() {
        // today 3 March: 3 days, planned 3,000 x 3 / 30 = 300.00, 27 days left. Spent 50 on 1 March and 40 on the
        // 3rd: 90 = 30.0 %, behind. Average of the 3 days since the start: 30.00; 90 + 90 x 27 / 3 = 900.00,
        // 2,100.00 under
        List<DailyRollup> rows = List.of(money(0, "SEARCH_ADS", "SPEND", "50"), money(2, "INSTAGRAM", "SPEND", "40"));
        BudgetView view = calculate(BUDGET, START, END, day(2), split(), rows);
        assertThat(view.plannedToDate()).isEqualByComparingTo("300.00");
        assertThat(view.pacing().state()).isEqualTo(PacingState.BEHIND);
        assertThat(view.pacing().percent()).isEqualByComparingTo("30.0");
        assertThat(view.pacing().words()).startsWith("Behind plan: 30.0 % of the EUR 300.00 planned to date");
        assertThat(view.forecast().averageDays()).isEqualTo(3);
        assertThat(view.forecast().dailyAverage()).isEqualByComparingTo("30.00");
        assertThat(view.forecast().projectedSpend()).isEqualByComparingTo("900.00");
        assertThat(view.forecast().verdict()).isEqualTo("EUR 2,100.00 under budget");
        assertThat(view.forecast().method()).isEqualTo("EUR 90.00 spent so far plus the average of the 3 days since "
                + "the start (EUR 30.00 a day) for each of the 27 days left");
    }

    @Test
    void afterTheEndThePlanIsTheBudgetAndTheForecastIsWhatWasSpent() {
        // today 5 April: all 30 days elapsed, planned 3,000.00. 100 a day on each of the 30 days, and 50 more on
        // 2 April, after the end but before today: 3,050 = 101.7 %, on plan; 50.00 over the budget
        List<DailyRollup> rows = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            rows.add(money(d, "SEARCH_ADS", "SPEND", "100"));
        }
        rows.add(money(32, "SEARCH_ADS", "SPEND", "50"));
        BudgetView view = calculate(BUDGET, START, END, day(35), split(), rows);
        assertThat(view.elapsedDays()).isEqualTo(30);
        assertThat(view.plannedToDate()).isEqualByComparingTo("3000.00");
        assertThat(view.spentToDate()).isEqualByComparingTo("3050.00");
        assertThat(view.remaining()).isEqualByComparingTo("-50.00");
        assertThat(view.pacing().state()).isEqualTo(PacingState.ON_PLAN);
        assertThat(view.pacing().percent()).isEqualByComparingTo("101.7");
        assertThat(view.forecast().daysLeft()).isZero();
        assertThat(view.forecast().projectedSpend()).isEqualByComparingTo("3050.00");
        assertThat(view.forecast().verdict()).isEqualTo("EUR 50.00 over budget");
        assertThat(view.forecast().method()).isEqualTo("The campaign ended on 30 Mar 2026: the forecast is what was "
                + "spent, EUR 3,050.00");
        // SEARCH_ADS planned 1,800 in all: 3,050 / 1,800 = 169.4 %
        assertThat(view.channels().get(0).utilisationPercent()).isEqualByComparingTo("169.4");
    }

    private static Pacing pacingAfterSpending(String amount) {
        return calculate(BUDGET, START, END, day(9), split(), List.of(money(0, "SEARCH_ADS", "SPEND", amount)))
                .pacing();
    }
}
