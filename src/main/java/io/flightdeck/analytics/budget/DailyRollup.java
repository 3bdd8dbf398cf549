package io.flightdeck.analytics.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a campaign's daily rollup as the budget reads it: a day's sum of one metric for one channel ("" for
 * numbers without one), money in its currency (null for counts).
 */
record DailyRollup(LocalDate day, String channel, String metric, String currency, BigDecimal value) {
}
