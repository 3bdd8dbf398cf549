package io.flightdeck.analytics.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.shared.Money;

/**
 * Works out a campaign's budget view from its budget, dates, split and daily rollups, with no database and no clock
 * of its own, so every figure can be checked by hand. The plan is linear: the budget spread evenly over the
 * campaign's days. Spend within 10 % of the plan to date is on plan. The forecast adds, to what was spent so far, the
 * average of the recent days for each day left; revenue is projected the same way for the ROI forecast. Money is
 * rounded to cents and per cents to one decimal once, at the end of each figure.
 */
final class BudgetCalculation {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** How far from the plan to date, in per cent either way, spend still counts as on plan. */
    static final BigDecimal ON_PLAN_WITHIN = BigDecimal.TEN;

    private BudgetCalculation() {
    }

    static BudgetView calculate(BudgetInputs in) {
        Money budget = in.budget();
        String currency = budget == null ? null : budget.currency();
        CampaignDays days = new CampaignDays(in.start(), in.end(), in.today());
        SpendSums sums = SpendSums.of(in.days(), currency, days);
        BigDecimal planned = budget == null || !days.dated() ? null
                : cents(budget.amount().multiply(BigDecimal.valueOf(days.elapsed())), days.total());
        BigDecimal spent = budget == null ? null : sums.spent.setScale(2, RoundingMode.HALF_UP);
        SpendForecast forecast = forecast(budget, days, sums);
        List<OtherCurrency> others = new ArrayList<>();
        sums.others.forEach((c, money) -> others.add(new OtherCurrency(c, money[0].setScale(2, RoundingMode.HALF_UP),
                money[1].setScale(2, RoundingMode.HALF_UP))));
        return new BudgetView(in.campaignId(), in.campaignName(), in.timeZone(), in.today(), in.asOf(), budget,
                in.start(), in.end(), (int) days.total(), (int) days.elapsed(), planned, spent,
                budget == null ? null : budget.amount().subtract(sums.spent).setScale(2, RoundingMode.HALF_UP),
                pacing(budget, days, planned, sums.spent), forecast, roiForecast(currency, days, sums, forecast),
                in.splitVersion(), ChannelFigures.rows(in.split(), sums, budget, days), others);
    }

    static Pacing pacing(Money budget, CampaignDays days, BigDecimal planned, BigDecimal spent) {
        if (budget == null) {
            return new Pacing(PacingState.NO_BUDGET, null, "No budget: set the campaign's budget"
                    + (days.missing() == null ? "" : " and its " + days.missing()) + " to see its pacing and forecast");
        }
        if (days.missing() != null) {
            return new Pacing(PacingState.NO_DATES, null, "No dates: set the campaign's " + days.missing()
                    + " to see its pacing and forecast");
        }
        if (!days.started()) {
            return new Pacing(PacingState.NOT_STARTED, null, "Not started: the campaign starts on "
                    + BudgetWords.day(days.start()) + ", and nothing is planned to be spent before then");
        }
        BigDecimal percent = percent(spent, planned);
        String ofPlan = " of the " + BudgetWords.money(planned, budget.currency()) + " planned to date is spent";
        if (percent == null) {
            // a budget of nothing: any spend is more than the plan
            return spent.signum() > 0 ? new Pacing(PacingState.AHEAD, null, "Ahead of plan: nothing was planned")
                    : new Pacing(PacingState.ON_PLAN, null, "On plan: nothing planned and nothing spent");
        }
        BigDecimal off = percent.subtract(HUNDRED);
        String share = BudgetWords.percent(percent) + ofPlan;
        if (off.abs().compareTo(ON_PLAN_WITHIN) <= 0) {
            return new Pacing(PacingState.ON_PLAN, percent, "On plan: " + share);
        }
        return off.signum() > 0 ? new Pacing(PacingState.AHEAD, percent, "Ahead of plan: " + share)
                : new Pacing(PacingState.BEHIND, percent, "Behind plan: " + share);
    }

    static SpendForecast forecast(Money budget, CampaignDays days, SpendSums sums) {
        if (budget == null || days.missing() != null) {
            String needs = budget == null ? "budget" + (days.missing() == null ? "" : " and its " + days.missing())
                    : days.missing();
            return new SpendForecast(null, null, null, 0, null, (int) days.left(), "No forecast: set the campaign's "
                    + needs);
        }
        String currency = budget.currency();
        if (!days.started()) {
            return new SpendForecast(null, null, null, 0, null, (int) days.left(), "No forecast before the campaign "
                    + "starts on " + BudgetWords.day(days.start()) + ": there is no spend to go by yet");
        }
        BigDecimal spent = sums.spent.setScale(2, RoundingMode.HALF_UP);
        if (days.left() == 0) {
            BigDecimal over = spent.subtract(budget.amount()).setScale(2, RoundingMode.HALF_UP);
            String when = days.ended() ? "The campaign ended on " + BudgetWords.day(days.end())
                    : "Today is the campaign's last day";
            return new SpendForecast(spent, over, verdict(over, currency), 0, null, 0,
                    when + ": the forecast is what was spent, " + BudgetWords.money(spent, currency));
        }
        long averageDays = days.averageDays();
        BigDecimal average = cents(sums.recentSpend, averageDays);
        BigDecimal projected = sums.spent.add(cents(sums.recentSpend.multiply(BigDecimal.valueOf(days.left())),
                averageDays)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal over = projected.subtract(budget.amount()).setScale(2, RoundingMode.HALF_UP);
        return new SpendForecast(projected, over, verdict(over, currency), (int) averageDays, average,
                (int) days.left(), BudgetWords.money(spent, currency) + " spent so far plus the average of "
                        + recent(averageDays) + " (" + BudgetWords.money(average, currency) + " a day) for each of "
                        + "the " + BudgetWords.days(days.left()) + " left");
    }

    static RoiForecast roiForecast(String currency, CampaignDays days, SpendSums sums, SpendForecast forecast) {
        if (currency == null) {
            return new RoiForecast(null, null, null, null, null, null, null, forecast.method());
        }
        BigDecimal spent = sums.spent.setScale(2, RoundingMode.HALF_UP);
        BigDecimal revenue = sums.revenue.setScale(2, RoundingMode.HALF_UP);
        BigDecimal roiToDate = roi(sums.revenue, sums.spent);
        if (forecast.projectedSpend() == null) {
            return new RoiForecast(currency, spent, revenue, roiToDate, null, null, null, forecast.method());
        }
        if (days.left() == 0) {
            return new RoiForecast(currency, spent, revenue, roiToDate, spent, revenue, roiToDate,
                    "Nothing left to project: the forecast is what was spent and earned");
        }
        long averageDays = days.averageDays();
        BigDecimal projectedRevenue = sums.revenue.add(cents(sums.recentRevenue.multiply(
                BigDecimal.valueOf(days.left())), averageDays)).setScale(2, RoundingMode.HALF_UP);
        return new RoiForecast(currency, spent, revenue, roiToDate, forecast.projectedSpend(), projectedRevenue,
                roi(projectedRevenue, forecast.projectedSpend()),
                BudgetWords.money(revenue, currency) + " earned so far plus the average of " + recent(averageDays)
                        + " (" + BudgetWords.money(cents(sums.recentRevenue, averageDays), currency) + " a day) for "
                        + "each of the " + BudgetWords.days(days.left()) + " left, against the spend forecast");
    }

    private static String recent(long averageDays) {
        return averageDays == CampaignDays.AVERAGE_OVER ? "the last " + averageDays + " days"
                : "the " + BudgetWords.days(averageDays) + " since the start";
    }

    private static String verdict(BigDecimal over, String currency) {
        int sign = over.signum();
        return sign == 0 ? "On budget" : BudgetWords.money(over.abs(), currency) + (sign > 0 ? " over" : " under")
                + " budget";
    }

    /** (revenue − spend) over spend, in per cent; null when nothing was spent. */
    static BigDecimal roi(BigDecimal revenue, BigDecimal spend) {
        return spend.signum() == 0 ? null
                : revenue.subtract(spend).multiply(HUNDRED).divide(spend, 1, RoundingMode.HALF_UP);
    }

    /** part over whole in per cent, one decimal; null when the whole is zero (or unknown). */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part == null || whole == null || whole.signum() == 0 ? null
                : part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }

    /** amount over a count, in cents; divided once so the rounding happens once. */
    static BigDecimal cents(BigDecimal amount, long by) {
        return amount.divide(BigDecimal.valueOf(by), 2, RoundingMode.HALF_UP);
    }

    /** a over b to two decimals; null when b is zero. */
    static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, 2, RoundingMode.HALF_UP);
    }
}
