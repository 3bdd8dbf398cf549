package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet hours worked out by hand, in Berlin (UTC+1 in winter, UTC+2 in summer). */
class QuietHoursTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final QuietHours NIGHT = new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN, null);

    @Test
    void aWindowAcrossMidnightHoldsTheEveningAndTheEarlyMorningUntilSeven() {
        // 23:30 Berlin on 24 Nov = 22:30Z; held until 07:00 Berlin on 25 Nov = 06:00Z
        assertThat(NIGHT.heldUntil(Instant.parse("2026-11-24T22:30:00Z"))).isEqualTo("2026-11-25T06:00:00Z");
        // 05:00 Berlin = 04:00Z: held until 07:00 the same morning
        assertThat(NIGHT.heldUntil(Instant.parse("2026-11-25T04:00:00Z"))).isEqualTo("2026-11-25T06:00:00Z");
        // 21:59 and 07:00 Berlin are outside
        assertThat(NIGHT.heldUntil(Instant.parse("2026-11-24T20:59:00Z"))).isEqualTo("2026-11-24T20:59:00Z");
        assertThat(NIGHT.quietAt(Instant.parse("2026-11-25T06:00:00Z"))).isFalse();
        assertThat(NIGHT.quietAt(Instant.parse("2026-11-24T21:00:00Z"))).as("22:00 Berlin, the first quiet minute").isTrue();
    }

    @Test
    void aWindowWithinOneDayAndAnEmptyOneAndASwitchedOffOne() {
        QuietHours lunch = new QuietHours(true, LocalTime.of(12, 0), LocalTime.of(13, 30), BERLIN, null);
        assertThat(lunch.heldUntil(Instant.parse("2026-11-24T11:15:00Z"))).isEqualTo("2026-11-24T12:30:00Z");
        assertThat(lunch.quietAt(Instant.parse("2026-11-24T12:30:00Z"))).isFalse();
        assertThat(new QuietHours(true, LocalTime.NOON, LocalTime.NOON, BERLIN, null)
                .quietAt(Instant.parse("2026-11-24T11:00:00Z"))).isFalse();
        assertThat(new QuietHours(false, LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN, null)
                .quietAt(Instant.parse("2026-11-24T23:00:00Z"))).isFalse();
    }

    @Test
    void urgentItemsAndThingsDueBeforeTheEndGoOutNowTheRestWaits() {
        Instant night = Instant.parse("2026-11-24T23:00:00Z"); // 00:00 Berlin
        assertThat(NIGHT.release(night, NotificationPriority.URGENT, null)).isEqualTo(night);
        assertThat(NIGHT.release(night, NotificationPriority.HIGH, null)).isEqualTo("2026-11-25T06:00:00Z");
        assertThat(NIGHT.release(night, NotificationPriority.NORMAL, Instant.parse("2026-11-25T05:00:00Z")))
                .as("due at 06:00 Berlin, before the window ends").isEqualTo(night);
        assertThat(NIGHT.release(night, NotificationPriority.NORMAL, Instant.parse("2026-11-25T09:00:00Z")))
                .isEqualTo("2026-11-25T06:00:00Z");
    }

    @Test
    void aMuteHoldsEverythingUntilItEndsAndAWindowStartingBeforeThenHoldsLonger() {
        QuietHours muted = new QuietHours(false, LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN,
                Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(muted.heldUntil(Instant.parse("2026-11-24T14:10:00Z"))).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(muted.heldUntil(Instant.parse("2026-11-24T15:00:00Z"))).isEqualTo("2026-11-24T15:00:00Z");
        QuietHours mutedIntoTheNight = new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN,
                Instant.parse("2026-11-24T21:30:00Z")); // the mute ends at 22:30 Berlin, inside the window
        assertThat(mutedIntoTheNight.heldUntil(Instant.parse("2026-11-24T20:45:00Z"))).isEqualTo("2026-11-25T06:00:00Z");
    }

    @Test
    void daylightSavingNightsMoveTheEndInUtcButNotOnTheClock() {
        // spring forward, 29 Mar 2026: 07:00 Berlin is 05:00Z (summer time) after a night that began at 21:00Z
        assertThat(NIGHT.heldUntil(Instant.parse("2026-03-28T22:00:00Z"))).isEqualTo("2026-03-29T05:00:00Z");
        // fall back, 25 Oct 2026: 07:00 Berlin is 06:00Z (winter time) after a night that began at 20:00Z
        assertThat(NIGHT.heldUntil(Instant.parse("2026-10-24T21:00:00Z"))).isEqualTo("2026-10-25T06:00:00Z");
        // an end inside the spring gap (02:30 does not exist on 29 Mar): the first minute after it, 03:30 summer time
        QuietHours gap = new QuietHours(true, LocalTime.of(1, 0), LocalTime.of(2, 30), BERLIN, null);
        assertThat(gap.heldUntil(Instant.parse("2026-03-29T00:15:00Z"))).isEqualTo("2026-03-29T01:30:00Z");
        // an end that happens twice (02:30 on 25 Oct): the first of the two, in summer time
        QuietHours twice = new QuietHours(true, LocalTime.of(1, 0), LocalTime.of(2, 30), BERLIN, null);
        assertThat(twice.heldUntil(Instant.parse("2026-10-24T23:15:00Z"))).isEqualTo("2026-10-25T00:30:00Z");
    }
}
