package io.flightdeck.planning.scheduling;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTests {

    // 2027-03-05 is a Friday; 2027-03-08 (Monday) is a holiday in this calendar
    private final WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.of(2027, 3, 8)));
    private final LocalDate friday = LocalDate.of(2027, 3, 5);

    @Test
    void weekendsAndHolidaysAreSkipped() {
        assertThat(calendar.isWorkingDay(friday)).isTrue();
        assertThat(calendar.isWorkingDay(friday.plusDays(1))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 8))).isFalse(); // holiday
        assertThat(calendar.shift(friday, 1)).isEqualTo(LocalDate.of(2027, 3, 9)); // over the weekend and the holiday
        assertThat(calendar.shift(LocalDate.of(2027, 3, 9), -1)).isEqualTo(friday);
        assertThat(calendar.shift(friday, 5)).isEqualTo(LocalDate.of(2027, 3, 15));
    }

    @Test
    void daysAreMovedOntoWorkingDaysAndCounted() {
        assertThat(calendar.onOrAfter(LocalDate.of(2027, 3, 6))).isEqualTo(LocalDate.of(2027, 3, 9));
        assertThat(calendar.onOrBefore(LocalDate.of(2027, 3, 8))).isEqualTo(friday);
        assertThat(calendar.between(friday, LocalDate.of(2027, 3, 15))).isEqualTo(5); // Fri, Tue, Wed, Thu, Fri
        assertThat(calendar.between(LocalDate.of(2027, 3, 15), friday)).isEqualTo(-5);
        assertThat(calendar.shift(friday, 0)).isEqualTo(friday);
    }
}
