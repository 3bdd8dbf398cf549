package io.flightdeck.approvals.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When a stage is reminded, worked by hand: a quarter of its time before it is due, at most a day before. */
class ApprovalRemindersTests {

    private static final Instant OPENED = Instant.parse("2026-11-02T09:00:00Z");

    @ParameterizedTest(name = "a stage of {0} hours is reminded {1} minutes before it is due")
    @CsvSource({"4, 60", "24, 360", "72, 1080", "96, 1440", "168, 1440", "1, 15"})
    void aQuarterOfTheStagesTimeAtMostADay(int hours, int minutesBefore) {
        Instant due = OPENED.plus(Duration.ofHours(hours));
        assertThat(ApprovalReminders.remindAt(OPENED, due)).isEqualTo(due.minus(Duration.ofMinutes(minutesBefore)));
    }
}
