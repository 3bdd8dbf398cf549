package io.flightdeck.analytics.dashboards;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.flightdeck.analytics.NumbersOnTheWay;
import io.flightdeck.analytics.dashboards.Kpis.Figure;
import io.flightdeck.campaigns.Channel;

/**
 * How the dashboard page writes its figures: grouped numbers, per cents, amounts with their currency, and each
 * change in words (up, down, unchanged, or nothing to compare with), never by colour or an arrow alone.
 */
public final class DashboardWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final String before;

    /** {@code before} names the period compared with, e.g. "the 7 days before". */
    public DashboardWords(String before) {
        this.before = before;
    }

    public String number(BigDecimal value) {
        return value == null ? "—" : format("#,##0.##", value);
    }

    public String percent(BigDecimal value) {
        return value == null ? "—" : format("#,##0.##", value) + " %";
    }

    public String money(BigDecimal value, String currency) {
        return value == null ? "—" : currency + " " + format("#,##0.00", value);
    }

    /** Return on ad spend: revenue for each unit spent. */
    public String times(BigDecimal value) {
        return value == null ? "—" : format("#,##0.00", value) + " ×";
    }

    public String change(Figure figure) {
        if (figure.changePercent() == null) {
            if (figure.value() == null) {
                return "";
            }
            return figure.value().signum() == 0 ? "None in either period" : "Nothing to compare with in " + before;
        }
        int sign = figure.changePercent().signum();
        return sign == 0 ? "Unchanged on " + before
                : (sign > 0 ? "Up " : "Down ") + format("#,##0.0", figure.changePercent().abs()) + " % on " + before;
    }

    /** The change in a table's cell: +25.0 %, −75.0 %, new (nothing before), or nothing at all. */
    public String shortChange(Figure figure) {
        if (figure.changePercent() == null) {
            return figure.value() != null && figure.value().signum() != 0 ? "new" : "";
        }
        int sign = figure.changePercent().signum();
        return (sign > 0 ? "+" : sign < 0 ? "−" : "±") + format("#,##0.0", figure.changePercent().abs()) + " %";
    }

    /** Hours as the team's figures show them: 12.5 h. */
    public String hours(double value) {
        return format("#,##0.#", BigDecimal.valueOf(value)) + " h";
    }

    /** A utilisation share, or a dash when nobody had hours to share. */
    public String share(Integer pct) {
        return pct == null ? "—" : pct + " %";
    }

    public String day(LocalDate day) {
        return DAY.format(day);
    }

    /** An "as of" instant on the workspace's clock: Mon 23 Nov 2026, 10:30. */
    public static String when(Instant at, String zone) {
        return WHEN.format(at.atZone(ZoneId.of(zone)));
    }

    /**
     * What a page says above numbers that are simulated in part: where they came from and what guidance does with
     * them ({@code steer}: the demo workspace, where guidance uses them); null when every number is real.
     */
    public static String simulated(List<String> channels, boolean steer) {
        if (channels.isEmpty()) {
            return null;
        }
        return simulatedSource(channels) + " "
                + (steer ? "This demo workspace's recommendations and prediction use them, so that they have something"
                        + " to show."
                        : "Recommendations, predictions and the track record leave them out.");
    }

    /** Where simulated numbers came from, as a report says it: the sandbox network made them up, on which channels. */
    public static String simulatedSource(List<String> channels) {
        String on = channels.stream().map(c -> c.isEmpty() ? "no channel" : label(c))
                .collect(java.util.stream.Collectors.joining(", "));
        return "Simulated numbers: the sandbox network made up its posts' numbers (" + on
                + "); nobody saw these posts.";
    }

    /** When the next numbers come, for a dashboard without any: whose, and about when, on the workspace's clock. */
    public static String arriving(List<NumbersOnTheWay.Arrival> arriving, String zone) {
        if (arriving.isEmpty()) {
            return null;
        }
        NumbersOnTheWay.Arrival next = arriving.get(0);
        return next.at() == null ? next.what() + "."
                : next.what() + ": due about " + TIME.format(next.at().atZone(ZoneId.of(zone))) + " ("
                + zone + ").";
    }

    private static String label(String channel) {
        for (Channel c : Channel.values()) {
            if (c.name().equals(channel)) {
                return c.label();
            }
        }
        return channel;
    }

    private static String format(String pattern, BigDecimal value) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(value);
    }
}
