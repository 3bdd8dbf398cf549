package io.flightdeck.shared;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount in a currency (ISO 4217). Kept as decimal, never as floating point. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        if (amount == null || currency == null) {
            throw new IllegalArgumentException("amount and currency are both required");
        }
        Currency.getInstance(currency);
    }

    public static boolean isCurrency(String code) {
        try {
            return code != null && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
