package io.flightdeck.email.contacts;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * How an attribute's text reads for comparisons: as a number (plain decimals, such as {@code 1200}, {@code 1,200} or
 * {@code -3.5}) and as a date (an ISO date such as {@code 2026-03-01}, or the date part of an ISO date-time). One
 * reading for the rows that segments query, the migration that fills them, and the values a rule compares with.
 */
public final class AttributeValues {

    /** What fits the column (numeric(38, 6)): no exponents, so a typed 1e999 is text, not an overflow. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,24}(\\.\\d{1,6})?");
    /** Thousands grouped with commas (1,200.50); a lone comma (1,5) is no number, since it may be a decimal comma. */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d{1,6})?");

    private AttributeValues() {
    }

    /** The number the text is, or null. */
    public static BigDecimal number(String text) {
        String value = text == null ? "" : text.strip();
        if (GROUPED.matcher(value).matches()) {
            value = value.replace(",", "");
        }
        return NUMBER.matcher(value).matches() ? new BigDecimal(value) : null;
    }

    /** The date the text is (its date in UTC for a date-time with an offset), or null. */
    public static LocalDate date(String text) {
        String value = text == null ? "" : text.strip();
        if (value.length() < 10 || value.length() > 40) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value)
                    : OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
