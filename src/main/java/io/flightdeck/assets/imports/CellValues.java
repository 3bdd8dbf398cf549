package io.flightdeck.assets.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers and dates as exports write them. Each reader answers null for an empty cell (and for Google's "--"), and
 * throws {@link IllegalArgumentException} with a message for the error report otherwise.
 */
final class CellValues {

    /** 14 digits before the point: what {@code decimal(16, 2)} holds. */
    private static final int MONEY_DIGITS = 14;
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(G\\d{3})+");
    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu/MM/dd"),
            DateTimeFormatter.BASIC_ISO_DATE,
            english("MMM d, uuuu"),
            english("EEE, MMM d, uuuu"),
            english("d MMM uuuu"));

    private CellValues() {
    }

    private static DateTimeFormatter english(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }

    /** A count: impressions, clicks. */
    static Long whole(String text, boolean decimalComma) {
        if (text != null && text.length() <= 18 && digitsOnly(text)) {
            return Long.parseLong(text); // most cells of a large file: no need for the general reading below
        }
        BigDecimal value = number(text, decimalComma);
        if (value == null) {
            return null;
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(quoted(text) + " is not a whole number");
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(quoted(text) + " is too large");
        }
    }

    /** A count that platforms report with decimals (Google's data-driven conversions): rounded to the nearest whole. */
    static Long rounded(String text, boolean decimalComma) {
        BigDecimal value = number(text, decimalComma);
        try {
            return value == null ? null : value.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(quoted(text) + " is too large");
        }
    }

    /** An amount, to the cent. */
    static BigDecimal money(String text, boolean decimalComma) {
        BigDecimal value = number(text, decimalComma);
        if (value == null) {
            return null;
        }
        BigDecimal cents = value.setScale(2, RoundingMode.HALF_UP);
        if (cents.precision() - cents.scale() > MONEY_DIGITS) {
            throw new IllegalArgumentException(quoted(text) + " is too large");
        }
        return cents;
    }

    /**
     * A number with an optional currency sign and thousands separators. Which of '.' and ',' separates the decimals:
     * the last one when both appear; a separator that appears twice groups thousands; a single one followed by exactly
     * three digits is the file's convention (the comma groups thousands in a comma-delimited file, the point in a
     * semicolon-delimited one); otherwise it separates decimals.
     */
    static BigDecimal number(String text, boolean decimalComma) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty() || s.equals("--")) {
            return null;
        }
        if (plainDecimal(s, decimalComma)) {
            return new BigDecimal(s);
        }
        StringBuilder kept = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\u00A0' && c != '\u202F' && c != '\'' && c != '$' && c != '€' && c != '£' && c != '¥') {
                kept.append(c);
            }
        }
        String n = kept.toString();
        int dot = n.lastIndexOf('.');
        int comma = n.lastIndexOf(',');
        char decimal;
        if (dot >= 0 && comma >= 0) {
            decimal = dot > comma ? '.' : ',';
        } else if (dot >= 0 || comma >= 0) {
            char separator = dot >= 0 ? '.' : ',';
            int last = Math.max(dot, comma);
            if (n.indexOf(separator) != last) {
                decimal = separator == '.' ? ',' : '.';
            } else if (n.length() - last - 1 == 3) {
                decimal = decimalComma ? ',' : '.';
            } else {
                decimal = separator;
            }
        } else {
            decimal = '.';
        }
        char grouping = decimal == '.' ? ',' : '.';
        int point = n.lastIndexOf(decimal);
        String whole = point >= 0 ? n.substring(0, point) : n;
        String fraction = point >= 0 ? n.substring(point + 1) : null;
        if (whole.indexOf(grouping) >= 0) {
            if (!GROUPED.matcher(whole.replace(grouping, 'G')).matches()) {
                throw new IllegalArgumentException(quoted(text) + " is not a number");
            }
            whole = whole.replace(String.valueOf(grouping), "");
        }
        String plain = fraction == null ? whole : whole + "." + fraction;
        if (!PLAIN.matcher(plain).matches()) {
            throw new IllegalArgumentException(quoted(text) + " is not a number");
        }
        return new BigDecimal(plain);
    }

    private static boolean digitsOnly(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** "1234" or "-12.5": nothing to interpret (a point before exactly three digits groups thousands in a semicolon file). */
    private static boolean plainDecimal(String s, boolean decimalComma) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        int point = s.indexOf('.');
        String whole = point < 0 ? s.substring(start) : s.substring(start, point);
        if (!digitsOnly(whole)) {
            return false;
        }
        if (point < 0) {
            return true;
        }
        String fraction = s.substring(point + 1);
        return digitsOnly(fraction) && !(decimalComma && fraction.length() == 3);
    }

    /** A day: 2027-01-31, 2027/01/31, 20270131, Jan 31, 2027, Sun, Jan 31, 2027 or 31 Jan 2027 (never 01/02/2027: which is the month?). */
    static LocalDate date(String text) {
        if (text == null || text.isBlank() || text.strip().equals("--")) {
            return null;
        }
        String s = text.strip();
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && digitsOnly(s.substring(0, 4))
                && digitsOnly(s.substring(5, 7)) && digitsOnly(s.substring(8))) {
            try {
                return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException(quoted(text) + " is not a day of the calendar");
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(s, format);
            } catch (DateTimeParseException e) {
                // the next one
            }
        }
        throw new IllegalArgumentException(quoted(text) + " is not a date; write it as YYYY-MM-DD");
    }

    static String quoted(String text) {
        String s = text.strip();
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
}
