package io.flightdeck.analytics.reports;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One cell of a report's table: its type, its value (a number, with a currency for money, or a date; absent where
 * there is nothing to show, such as a rate with nothing to divide by) and its words as the screen writes them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CampaignReportCell")
record ReportCell(ReportCellType type, BigDecimal value, String currency, LocalDate date, String text) {

    static ReportCell text(String text) {
        return new ReportCell(ReportCellType.TEXT, null, null, null, text == null ? "" : text);
    }

    static ReportCell number(ReportCellType type, BigDecimal value, String words) {
        return new ReportCell(type, value, null, null, words);
    }

    static ReportCell money(BigDecimal value, String currency, String words) {
        return new ReportCell(ReportCellType.MONEY, value, currency, null, words);
    }

    static ReportCell date(LocalDate date, String words) {
        return new ReportCell(ReportCellType.DATE, null, null, date, words);
    }
}
