package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.posts.BestTimes.HourStats;
import io.flightdeck.publishing.posts.BestTimes.Window;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Best times worked out by hand: windows in the audience's zone, 5-minute slots, the minimum gap, refinement. */
class BestTimesTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Duration TWO_HOURS = Duration.ofHours(2);

    @Test
    void seed002sWindowsAreTheDefaults() {
        assertThat(BestTimes.defaultWindow(Channel.FACEBOOK)).isEqualTo(new Window(13, 19));
        assertThat(BestTimes.defaultWindow(Channel.INSTAGRAM)).isEqualTo(new Window(11, 20));
        assertThat(BestTimes.defaultWindow(Channel.LINKEDIN)).isEqualTo(new Window(8, 17));
        assertThat(BestTimes.defaultWindow(Channel.TWITTER)).isEqualTo(new Window(10, 14));
    }

    @Test
    void beforeTheWindowTheSlotIsItsStartInTheAccountsZone() {
        // 05:00 UTC on 1 Dec is 06:00 in Berlin: LinkedIn's window opens at 08:00 Berlin = 07:00 UTC
        Instant at = BestTimes.next(Instant.parse("2026-12-01T05:00:00Z"), BERLIN, new Window(8, 17), TWO_HOURS, List.of());
        assertThat(at).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        // the same instant for an audience in New York (UTC−5): 00:00 there, so 08:00 New York = 13:00 UTC
        assertThat(BestTimes.next(Instant.parse("2026-12-01T05:00:00Z"), NEW_YORK, new Window(8, 17), TWO_HOURS, List.of()))
                .isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
    }

    @Test
    void insideTheWindowItIsTheNextFiveMinuteMark() {
        // 10:07:30 Berlin → 10:10
        Instant at = BestTimes.next(Instant.parse("2026-12-01T09:07:30Z"), BERLIN, new Window(8, 17), TWO_HOURS, List.of());
        assertThat(at).isEqualTo(Instant.parse("2026-12-01T09:10:00Z"));
        // exactly on a mark stays there
        assertThat(BestTimes.next(Instant.parse("2026-12-01T09:15:00Z"), BERLIN, new Window(8, 17), TWO_HOURS, List.of()))
                .isEqualTo(Instant.parse("2026-12-01T09:15:00Z"));
    }

    @Test
    void afterTheWindowItIsTomorrowsStart() {
        // 18:00 Berlin is past LinkedIn's 17:00 end → 08:00 Berlin next day
        Instant at = BestTimes.next(Instant.parse("2026-12-01T17:00:00Z"), BERLIN, new Window(8, 17), TWO_HOURS, List.of());
        assertThat(at).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
    }

    @Test
    void theGapPushesPastEveryPostTooClose() {
        // X's window 10–14 Berlin. Posts at 10:00 and 11:30 Berlin: 10:00 is too close to both; two hours after the
        // later one is 13:30, free and inside the window
        List<Instant> taken = List.of(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:30:00Z"));
        Instant at = BestTimes.next(Instant.parse("2026-12-01T09:00:00Z"), BERLIN, new Window(10, 14), TWO_HOURS, taken);
        assertThat(at).isEqualTo(Instant.parse("2026-12-01T12:30:00Z"));
    }

    @Test
    void aGapThatLeavesNoRoomTodayMovesToTomorrow() {
        // a post at 13:00 Berlin; the next free time 15:00 is past X's 14:00 end → 10:00 the next day
        List<Instant> taken = List.of(Instant.parse("2026-12-01T12:00:00Z"));
        Instant at = BestTimes.next(Instant.parse("2026-12-01T11:30:00Z"), BERLIN, new Window(10, 14), TWO_HOURS, taken);
        assertThat(at).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
    }

    @Test
    void aDaylightSavingChangeKeepsTheLocalHour() {
        // Berlin moves to summer time on 28 Mar 2027: 08:00 local is 07:00 UTC before and 06:00 UTC after
        Instant before = BestTimes.next(Instant.parse("2027-03-27T17:00:00Z"), BERLIN, new Window(8, 17), TWO_HOURS, List.of());
        assertThat(before).isEqualTo(Instant.parse("2027-03-28T06:00:00Z"));
    }

    @Test
    void aGapLongerThanAYearOfWindowsGivesUp() {
        assertThatThrownBy(() -> BestTimes.next(Instant.parse("2026-12-01T09:00:00Z"), BERLIN, new Window(10, 14),
                Duration.ofDays(400), List.of(Instant.parse("2026-12-01T09:00:00Z"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aChannelsOwnEngagementMovesItsWindowOnceThereIsEnough() {
        Window linkedIn = new Window(8, 17);
        Map<Integer, HourStats> few = Map.of(18, new HourStats(0.09, 5));
        assertThat(BestTimes.refine(linkedIn, few)).as("5 posts are not enough").isEqualTo(linkedIn);

        // 24 posts: evenings engage three times as much as days
        Map<Integer, HourStats> byHour = new HashMap<>();
        for (int h = 8; h < 17; h++) {
            byHour.put(h, new HourStats(0.02, 2));
        }
        byHour.put(18, new HourStats(0.06, 2));
        byHour.put(19, new HourStats(0.06, 2));
        byHour.put(20, new HourStats(0.06, 2));
        Window refined = BestTimes.refine(linkedIn, byHour);
        assertThat(refined.hours()).isEqualTo(9);
        assertThat(refined.startHour()).isGreaterThan(8);
        assertThat(refined.contains(java.time.LocalTime.of(19, 0))).isTrue();
    }

    @Test
    void evenEngagementKeepsTheDefault() {
        Map<Integer, HourStats> byHour = new HashMap<>();
        for (int h = 0; h < 24; h++) {
            byHour.put(h, new HourStats(0.03, 1));
        }
        assertThat(BestTimes.refine(new Window(8, 17), byHour)).isEqualTo(new Window(8, 17));
    }
}
