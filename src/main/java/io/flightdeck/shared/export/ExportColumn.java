package io.flightdeck.shared.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * One column of an exported list: its heading, how a row gives its value, and the Excel number format of that value
 * (none for text). Values are text, numbers, {@link LocalDate}s, {@link Instant}s (written in UTC), enums or anything
 * whose {@code toString} is its cell; null is an empty cell.
 */
public record ExportColumn<T>(String heading, Function<? super T, ?> value, String excelFormat, int width) {

    static final String DATE = "yyyy-mm-dd";
    static final String DATE_TIME = "yyyy-mm-dd hh:mm:ss";

    public static <T> ExportColumn<T> text(String heading, Function<? super T, ?> value) {
        return new ExportColumn<>(heading, value, null, Math.max(14, heading.length() + 2));
    }

    /** Whole numbers: counts, sizes, versions. */
    public static <T> ExportColumn<T> count(String heading, Function<? super T, ? extends Number> value) {
        return new ExportColumn<>(heading, value, "#,##0", Math.max(10, heading.length() + 2));
    }

    /** Numbers with two decimals: amounts. */
    public static <T> ExportColumn<T> amount(String heading, Function<? super T, ? extends Number> value) {
        return new ExportColumn<>(heading, value, "#,##0.00", Math.max(12, heading.length() + 2));
    }

    public static <T> ExportColumn<T> date(String heading, Function<? super T, LocalDate> value) {
        return new ExportColumn<>(heading, value, DATE, Math.max(12, heading.length() + 2));
    }

    /** A moment, written in UTC (say so in the heading). */
    public static <T> ExportColumn<T> moment(String heading, Function<? super T, Instant> value) {
        return new ExportColumn<>(heading, value, DATE_TIME, Math.max(20, heading.length() + 2));
    }

    Object valueOf(T row) {
        return value.apply(row);
    }
}
