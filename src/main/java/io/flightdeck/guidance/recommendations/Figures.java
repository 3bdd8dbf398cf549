package io.flightdeck.guidance.recommendations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as the recommendations write them, in English as the rest of the product does. */
final class Figures {

    private Figures() {
    }

    /** A rate such as a click rate, with the decimals small rates need: 0.42 %, 3.5 %, 12 %. */
    static String rate(double share) {
        double percent = share * 100;
        String pattern = percent < 1 ? "%.2f %%" : percent < 10 ? "%.1f %%" : "%.0f %%";
        return String.format(Locale.ENGLISH, pattern, percent);
    }

    /** A share in whole per cent: 35 %. */
    static String wholePercent(double share) {
        return String.format(Locale.ENGLISH, "%.0f %%", share * 100);
    }

    static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** A count with its noun: 1 post, 3 posts. */
    static String counted(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    static String oneDecimal(double value) {
        return String.format(Locale.ENGLISH, "%.1f", value);
    }

    /** An amount as the budget page writes it: EUR 1,234.50. */
    static String money(BigDecimal amount, String currency) {
        return String.format(Locale.ENGLISH, "%s %,.2f", currency == null ? "" : currency,
                amount.setScale(2, RoundingMode.HALF_UP)).trim();
    }
}
