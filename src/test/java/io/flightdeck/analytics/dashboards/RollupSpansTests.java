package io.flightdeck.analytics.dashboards;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import io.flightdeck.analytics.dashboards.RollupSpans.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spans of rollup rows a summary reads cover each day of the range and of the days before exactly once, whole
 * weeks from weekly rows, and never a week with days on both sides of the range's start.
 */
class RollupSpansTests {

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void wholeWeeksComeFromWeeklyRowsAndTheEdgesFromDays() {
        // Wednesday 4 to Sunday 22 November 2026, beside Friday 16 October to Tuesday 3 November
        DayRange range = DayRange.of(day("2026-11-04"), day("2026-11-22"), ZoneOffset.UTC, null);
        assertThat(RollupSpans.cover(range)).containsExactly(
                new Span("DAY", day("2026-10-16"), day("2026-10-18")),
                new Span("WEEK", day("2026-10-19"), day("2026-10-26")),
                new Span("DAY", day("2026-11-02"), day("2026-11-08")),
                new Span("WEEK", day("2026-11-09"), day("2026-11-16")));
    }

    @Test
    void aRangeWithoutAWholeWeekIsReadByDay() {
        assertThat(RollupSpans.cover(day("2026-11-18"), day("2026-11-24")))
                .containsExactly(new Span("DAY", day("2026-11-18"), day("2026-11-24")));
        assertThat(RollupSpans.cover(day("2026-11-16"), day("2026-11-22")))
                .containsExactly(new Span("WEEK", day("2026-11-16"), day("2026-11-16")));
    }

    @Test
    void everyDayIsCoveredOnceAndEveryWeekLiesOnOneSideOfTheStart() {
        Random random = new Random(29);
        for (int i = 0; i < 2000; i++) {
            LocalDate from = day("2026-01-01").plusDays(random.nextInt(400));
            LocalDate to = from.plusDays(random.nextInt(366));
            DayRange range = DayRange.of(from, to, ZoneOffset.UTC, null);
            TreeMap<LocalDate, Integer> covered = new TreeMap<>();
            for (Span span : RollupSpans.cover(range)) {
                boolean week = span.granularity().equals("WEEK");
                for (LocalDate start = span.first(); !start.isAfter(span.last()); start = start.plusDays(week ? 7 : 1)) {
                    assertThat(week ? start.getDayOfWeek().getValue() : 1).isEqualTo(1);
                    List<LocalDate> days = week ? start.datesUntil(start.plusDays(7)).toList() : List.of(start);
                    assertThat(days.stream().map(d -> d.isBefore(from)).distinct()).as("%s", span).hasSize(1);
                    days.forEach(d -> covered.merge(d, 1, Integer::sum));
                }
            }
            assertThat(covered.firstKey()).isEqualTo(range.previousFrom());
            assertThat(covered.lastKey()).isEqualTo(to);
            assertThat(covered).hasSize((int) (to.toEpochDay() - range.previousFrom().toEpochDay() + 1));
            assertThat(covered.values()).containsOnly(1);
        }
    }
}
