package io.flightdeck.analytics.budget;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The few words the budget's sentences need: amounts with their currency, days, and a count of days. */
final class BudgetWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private BudgetWords() {
    }

    static String money(BigDecimal amount, String currency) {
        return currency + " " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH))
                .format(amount);
    }

    static String percent(BigDecimal value) {
        return new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(value) + " %";
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
