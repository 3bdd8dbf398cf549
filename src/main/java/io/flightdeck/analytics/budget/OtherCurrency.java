package io.flightdeck.analytics.budget;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/** Spend and revenue in a currency other than the budget's: reported apart, never converted nor counted against it. */
public record OtherCurrency(@Schema(example = "USD") String currency, @Schema(example = "20.00") BigDecimal spent,
        @Schema(example = "0.00") BigDecimal revenue) {
}
