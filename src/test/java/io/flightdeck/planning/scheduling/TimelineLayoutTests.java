package io.flightdeck.planning.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates checked by hand against a 2026 calendar: 2026-11-21 is a Saturday, 2026-11-26 a Thursday. */
class TimelineLayoutTests {

    private static final WorkingCalendar WEEKDAYS = new WorkingCalendar(Set.of());
    private static final List<TimelineLayout.Item> CHAIN = List.of(
            new TimelineLayout.Item("a", 3, null),
            new TimelineLayout.Item("b", 2, null),
            new TimelineLayout.Item("launch", 0, null));
    private static final List<CriticalPath.Dependency> CHAIN_LINKS = List.of(
            new CriticalPath.Dependency("a", "b"), new CriticalPath.Dependency("b", "launch"));

    @Test
    void forwardStartsOnTheNextWorkingDayAndSkipsWeekends() {
        TimelineLayout.Plan plan = TimelineLayout.forward(CHAIN, CHAIN_LINKS, LocalDate.of(2026, 11, 21), 15, WEEKDAYS);

        Map<String, TimelineLayout.Placed> placed = byKey(plan);
        assertThat(plan.start()).isEqualTo(LocalDate.of(2026, 11, 23)); // Saturday → Monday
        assertThat(placed.get("a").start()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(placed.get("a").finish()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(placed.get("b").start()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(placed.get("b").finish()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(placed.get("launch").start()).isEqualTo(LocalDate.of(2026, 11, 30)); // after the weekend
        assertThat(plan.durationDays()).isEqualTo(5);
        assertThat(plan.bufferDays()).isEqualTo(1); // 15 % of 5 = 0.75, rounded
        assertThat(plan.workEnd()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(plan.end()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(plan.items()).allSatisfy(p -> assertThat(p.schedule().critical()).isTrue());
    }

    @Test
    void holidaysPushWorkToTheNextWorkingDay() {
        WorkingCalendar thanksgiving = new WorkingCalendar(Set.of(LocalDate.of(2026, 11, 26)));

        Map<String, TimelineLayout.Placed> placed = byKey(
                TimelineLayout.forward(CHAIN, CHAIN_LINKS, LocalDate.of(2026, 11, 23), 0, thanksgiving));

        assertThat(placed.get("b").start()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(placed.get("b").finish()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(placed.values()).allSatisfy(p -> {
            assertThat(thanksgiving.isWorkingDay(p.start())).isTrue();
            assertThat(thanksgiving.isWorkingDay(p.finish())).isTrue();
        });
    }

    @Test
    void backwardEndsTheBufferOnTheLastWorkingDayBeforeTheEnd() {
        // end Sunday 2026-12-20 → Friday the 18th; 5 days of work + 20 % = 1 buffer day → first day Friday the 11th
        TimelineLayout.Plan plan = TimelineLayout.backward(CHAIN, CHAIN_LINKS, LocalDate.of(2026, 12, 20), 20, WEEKDAYS);

        Map<String, TimelineLayout.Placed> placed = byKey(plan);
        assertThat(plan.start()).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(placed.get("a").finish()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(placed.get("b").start()).isEqualTo(LocalDate.of(2026, 12, 16));
        assertThat(plan.workEnd()).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(plan.end()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(plan.end().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    }

    @ParameterizedTest
    @CsvSource({ "5, 1", "10, 2", "15, 3", "20, 4", "0, 0" })
    void bufferIsAShareOfThePlansLength(int bufferPct, int expectedDays) {
        List<TimelineLayout.Item> twentyDays = List.of(new TimelineLayout.Item("work", 20, null));

        TimelineLayout.Plan plan = TimelineLayout.forward(twentyDays, List.of(), LocalDate.of(2026, 11, 23), bufferPct,
                WEEKDAYS);

        assertThat(plan.bufferDays()).isEqualTo(expectedDays);
        assertThat(WEEKDAYS.between(plan.workEnd(), plan.end())).isEqualTo(expectedDays);
    }

    @Test
    void aPinnedTaskStartsNoEarlierThanItsPinAndPinsBeforeTheStartAreIgnored() {
        List<TimelineLayout.Item> items = List.of(
                new TimelineLayout.Item("a", 3, null),
                new TimelineLayout.Item("pinned", 2, LocalDate.of(2026, 11, 28)), // Saturday → Monday the 30th
                new TimelineLayout.Item("early", 1, LocalDate.of(2026, 11, 2)));

        TimelineLayout.Plan plan = TimelineLayout.forward(items, List.of(), LocalDate.of(2026, 11, 23), 0, WEEKDAYS);

        Map<String, TimelineLayout.Placed> placed = byKey(plan);
        assertThat(placed.get("pinned").start()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(placed.get("pinned").finish()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(placed.get("early").start()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(placed.get("a").schedule().critical()).isFalse(); // the pinned task sets the plan's length
        assertThat(plan.durationDays()).isEqualTo(7);
    }

    @Test
    void anEmptyPlanIsOneDayLong() {
        TimelineLayout.Plan plan = TimelineLayout.backward(List.of(), List.of(), LocalDate.of(2026, 12, 18), 20, WEEKDAYS);

        assertThat(plan.start()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(plan.end()).isEqualTo(plan.start());
        assertThat(plan.items()).isEmpty();
    }

    private static Map<String, TimelineLayout.Placed> byKey(TimelineLayout.Plan plan) {
        return plan.items().stream().collect(Collectors.toMap(TimelineLayout.Placed::key, Function.identity()));
    }
}
