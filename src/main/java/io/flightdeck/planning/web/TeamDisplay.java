package io.flightdeck.planning.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.planning.workload.TeamWorkloadView;
import org.springframework.stereotype.Component;

/**
 * Small formatting the team templates share: {@code ${@teamDisplay.cell(load)}}. Public only because Thymeleaf's
 * expressions call it by reflection; nothing outside the web layer uses it.
 */
@Component("teamDisplay")
class TeamDisplay {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final Set<String> REGIONS = Set.of("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia",
            "Europe", "Indian", "Pacific");
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.equals("UTC") || (z.contains("/") && REGIONS.contains(z.substring(0, z.indexOf('/')))))
            .sorted().toList();

    /** Hours without a needless decimal: 34, 34.5. */
    public String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(Math.round(hours * 10) / 10.0);
    }

    /** A heat map cell: assigned of available hours, e.g. 34/40 h. */
    public String cell(TeamWorkloadView.Load load) {
        return hours(load.assignedHours()) + "/" + hours(load.availableHours()) + " h";
    }

    public String percent(Integer pct) {
        return pct == null ? "–" : pct + " %";
    }

    /** What a band means, for the legend, titles and screen readers. */
    public String band(String band) {
        return switch (band) {
            case "low" -> "Under 50 %";
            case "medium" -> "50 to 85 %";
            case "high" -> "85 to 100 %";
            case "over" -> "Over capacity";
            default -> "No hours available";
        };
    }

    /** The full text of a cell for a screen reader or a tooltip. */
    public String describe(String member, TeamWorkloadView.Week week, TeamWorkloadView.Load load) {
        String share = load.utilisationPct() == null ? "" : ", " + load.utilisationPct() + " % utilised";
        return member + ", week of " + DAY.format(week.start()) + ": " + hours(load.assignedHours()) + " of "
                + hours(load.availableHours()) + " hours assigned" + share + (load.overAllocated() ? ", over-allocated" : "");
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String date(LocalDate date) {
        return date == null ? "" : FULL.format(date);
    }

    public String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    public String weekdayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    public DayOfWeek[] weekdays() {
        return DayOfWeek.values();
    }

    /** Region time zones (Europe/Berlin, America/New_York...) and UTC, for the time zone selects. */
    public List<String> zones() {
        return ZONES;
    }

    /** Why a day has no hours, in words. */
    public String off(String reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case "weekend" -> "Weekend";
            case "holiday" -> "Holiday";
            case "time-off" -> "Time off";
            default -> "Not scheduled";
        };
    }
}
