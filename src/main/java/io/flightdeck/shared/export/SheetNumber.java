package io.flightdeck.shared.export;

import java.math.BigDecimal;

/** A number with its own Excel format, for tables whose cells of one column differ (money in several currencies). */
public record SheetNumber(BigDecimal value, String excelFormat) {
}
