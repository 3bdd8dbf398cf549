package io.flightdeck.shared.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The doubling schedule and the retry piece of work sent under one key until it lands, checked by hand. */
class RetriesTests {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final Duration PAUSE = Duration.ofSeconds(30);

    @Test
    void aDoublingScheduleDoublesUpToItsCapAndEndsAfterItsAttempts() {
        RetrySchedule schedule = RetrySchedule.doubling(PAUSE, 6, 2);

        assertThat(schedule.pauses()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofSeconds(120));
        assertThat(schedule.attempts()).isEqualTo(6);
        assertThat(schedule.next(1, T0)).isEqualTo(T0.plusSeconds(30));
        assertThat(schedule.next(5, T0)).isEqualTo(T0.plusSeconds(120));
        assertThat(schedule.next(6, T0)).as("the sixth attempt was the last").isNull();
        assertThat(RetrySchedule.doubling(PAUSE, 1, 16).pauses()).isEmpty();
    }

    @Test
    void anAttemptIsNumberedAndKeyedAndItsRetriesDoubleUntilTheyRunOut() {
        UUID owner = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");
        Retries retries = new Retries(3);

        assertThat(retries.start()).isEqualTo(1);
        assertThat(retries.key(owner)).isEqualTo(owner + ":1");
        List<Instant> due = new ArrayList<>();
        for (int failure = 0; failure < 3; failure++) {
            due.add(retries.failed(true, PAUSE, null, T0));
            retries.start();
        }
        assertThat(due).containsExactly(T0.plusSeconds(30), T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(retries.made()).isEqualTo(3);
        assertThat(retries.failed(true, PAUSE, null, T0)).as("the retries ran out").isNull();
        assertThat(retries.nextAt()).isNull();
        assertThat(retries.attempt()).isEqualTo(4);

        retries.restart();
        assertThat(retries.made()).isZero();
        assertThat(retries.failed(true, PAUSE, Duration.ofMinutes(5), T0)).as("the other side asked for longer")
                .isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(retries.failed(false, PAUSE, null, T0)).as("retrying cannot help").isNull();
    }

    @Test
    void anAttemptTheOtherSideNeverGotIsSentAgainUnderTheSameKey() {
        UUID owner = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");
        Retries retries = new Retries(3);
        retries.start();
        retries.sameKeyNextTime();

        assertThat(retries.start()).isEqualTo(1);
        assertThat(retries.key(owner)).isEqualTo(owner + ":1");
    }
}
