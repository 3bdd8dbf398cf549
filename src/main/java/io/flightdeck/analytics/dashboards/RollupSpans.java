package io.flightdeck.analytics.dashboards;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rollup rows cover a run of days exactly: the whole Monday-to-Sunday weeks inside it as weekly rows, and the
 * days before the first and after the last whole week as daily rows. A year read this way is about 52 weekly rows per
 * campaign, channel and metric instead of 366 daily ones, which is what keeps the all-campaigns summary cheap over a
 * long range. The weekly rows are the sums of their days (the rollups rebuild both in one transaction), so the two
 * ways of reading agree.
 */
final class RollupSpans {

    /** Rows of one granularity ({@code DAY} or {@code WEEK}) whose period starts from {@code first} to {@code last}. */
    record Span(String granularity, LocalDate first, LocalDate last) {
    }

    private RollupSpans() {
    }

    /**
     * The spans covering the range's days before and its days now. Each part is cut into weeks on its own, so a week
     * row never holds days of both; a row's part is then told by its period's start alone.
     */
    static List<Span> cover(DayRange range) {
        List<Span> spans = new ArrayList<>();
        cover(range.previousFrom(), range.previousTo()).forEach(span -> add(spans, span));
        cover(range.from(), range.to()).forEach(span -> add(spans, span));
        return spans;
    }

    /** The spans covering {@code from} to {@code to}, both included. */
    static List<Span> cover(LocalDate from, LocalDate to) {
        LocalDate firstMonday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate lastSunday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        if (lastSunday.isBefore(firstMonday.plusDays(6))) {
            return List.of(new Span("DAY", from, to));
        }
        List<Span> spans = new ArrayList<>();
        if (from.isBefore(firstMonday)) {
            spans.add(new Span("DAY", from, firstMonday.minusDays(1)));
        }
        spans.add(new Span("WEEK", firstMonday, lastSunday.minusDays(6)));
        if (lastSunday.isBefore(to)) {
            spans.add(new Span("DAY", lastSunday.plusDays(1), to));
        }
        return spans;
    }

    /** Adds a span, joined to the one before when they meet (the days either side of two runs' border). */
    private static void add(List<Span> spans, Span next) {
        if (!spans.isEmpty()) {
            Span last = spans.get(spans.size() - 1);
            long step = "WEEK".equals(next.granularity()) ? 7 : 1;
            if (last.granularity().equals(next.granularity()) && last.last().plusDays(step).equals(next.first())) {
                spans.set(spans.size() - 1, new Span(last.granularity(), last.first(), next.last()));
                return;
            }
        }
        spans.add(next);
    }
}
