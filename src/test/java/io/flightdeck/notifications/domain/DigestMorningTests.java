package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which digest is due, worked by hand in Berlin (UTC+1 in winter, UTC+2 in summer; clocks go forward on 29 March
 * 2026 at 02:00 and back on 25 October 2026 at 03:00) and in Auckland (the other side of the date line).
 */
class DigestMorningTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "daily at {0} -> {1}, morning {2}")
    @CsvSource({
            // 08:00 in winter is 07:00 UTC
            "2026-01-14T06:59:59Z, daily:2026-01-13, 2026-01-13T07:00:00Z",
            "2026-01-14T07:00:00Z, daily:2026-01-14, 2026-01-14T07:00:00Z",
            // the night of the spring change: Saturday's digest until Sunday 08:00 CEST, which is 06:00 UTC
            "2026-03-29T05:59:00Z, daily:2026-03-28, 2026-03-28T07:00:00Z",
            "2026-03-29T06:00:00Z, daily:2026-03-29, 2026-03-29T06:00:00Z",
            // the autumn change: Sunday 08:00 CET is 07:00 UTC, one hour later than the day before
            "2026-10-25T06:30:00Z, daily:2026-10-24, 2026-10-24T06:00:00Z",
            "2026-10-25T07:00:00Z, daily:2026-10-25, 2026-10-25T07:00:00Z"})
    void dailyInBerlin(Instant now, String key, Instant at) {
        DigestMorning morning = DigestMorning.latest(DeliveryMode.DAILY, BERLIN, now);
        assertThat(morning.key()).isEqualTo(key);
        assertThat(morning.at()).isEqualTo(at);
    }

    @ParameterizedTest(name = "weekly at {0} -> {1}")
    @CsvSource({
            // Monday 30 March 2026, 08:00 CEST = 06:00 UTC; before it, the week of Monday 23 March
            "2026-03-30T05:59:00Z, weekly:2026-03-23, 2026-03-23T07:00:00Z",
            "2026-03-30T06:00:00Z, weekly:2026-03-30, 2026-03-30T06:00:00Z",
            "2026-04-05T21:00:00Z, weekly:2026-03-30, 2026-03-30T06:00:00Z"})
    void weeklyInBerlin(Instant now, String key, Instant at) {
        DigestMorning morning = DigestMorning.latest(DeliveryMode.WEEKLY, BERLIN, now);
        assertThat(morning.key()).isEqualTo(key);
        assertThat(morning.at()).isEqualTo(at);
    }

    @ParameterizedTest(name = "Auckland at {0} -> {1}")
    @CsvSource({
            // NZDT is UTC+13 in January: 08:00 on the 15th is 19:00 UTC on the 14th
            "2026-01-14T18:59:00Z, daily:2026-01-14", "2026-01-14T19:00:00Z, daily:2026-01-15"})
    void aheadOfUtc(Instant now, String key) {
        assertThat(DigestMorning.latest(DeliveryMode.DAILY, ZoneId.of("Pacific/Auckland"), now).key()).isEqualTo(key);
    }
}
