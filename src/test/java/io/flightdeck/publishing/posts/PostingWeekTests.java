package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.publishing.channels.PostingLimits;
import io.flightdeck.publishing.posts.PostingWeek.Overrun;
import io.flightdeck.publishing.posts.PostingWeek.Planned;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The posting-limit windows, checked by hand: each case says which posts fall in which 24 hours. */
class PostingWeekTests {

    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    static Instant at(String time) {
        return Instant.parse(time);
    }

    static PostingLimits perDay(int limit, int used) {
        return new PostingLimits(limit, used, Map.of(), List.of());
    }

    @Test
    void postsSpreadOverTwoDaysFitALimitOfTwo() {
        // Tue 09:00, Tue 18:00 | Wed 10:00 (25 h after the first): no window holds three
        List<Planned> plan = List.of(new Planned(at("2026-12-02T09:00:00Z"), null, true),
                new Planned(at("2026-12-02T18:00:00Z"), null, true),
                new Planned(at("2026-12-03T10:00:00Z"), null, true));
        assertThat(PostingWeek.overruns(perDay(2, 0), NOW, plan)).isEmpty();
    }

    @Test
    void theThirdPostInADayOverrunsALimitOfTwoAtItsOwnTime() {
        // 09:00, 12:00, 15:00 on Tuesday: the window up to 15:00 holds all three
        List<Planned> plan = List.of(new Planned(at("2026-12-02T12:00:00Z"), null, true),
                new Planned(at("2026-12-02T09:00:00Z"), null, true),
                new Planned(at("2026-12-02T15:00:00Z"), null, true));
        assertThat(PostingWeek.overruns(perDay(2, 0), NOW, plan))
                .containsExactly(new Overrun(at("2026-12-02T15:00:00Z"), null, 3, 2));
    }

    @Test
    void aPostExactlyADayEarlierIsOutsideTheWindow() {
        // the window up to Wed 09:00 starts after Tue 09:00: Tue 09:00 | Tue 20:00, Wed 09:00 is two in the window
        List<Planned> plan = List.of(new Planned(at("2026-12-02T09:00:00Z"), null, true),
                new Planned(at("2026-12-02T20:00:00Z"), null, true),
                new Planned(at("2026-12-03T09:00:00Z"), null, true));
        assertThat(PostingWeek.overruns(perDay(2, 0), NOW, plan)).isEmpty();
    }

    @Test
    void whatTheNetworkCountsAsUsedFillsOnlyTheWindowsReachingBackBeforeNow() {
        // 5 of 6 used: Mon 20:00 (window from Sun 20:00, before now) holds 5 + 1, fine; Mon 22:00 makes 7
        List<Planned> plan = List.of(new Planned(at("2026-12-01T20:00:00Z"), null, true),
                new Planned(at("2026-12-01T22:00:00Z"), null, true),
                new Planned(at("2026-12-02T10:00:00Z"), null, true));
        assertThat(PostingWeek.overruns(perDay(6, 5), NOW, plan))
                .containsExactly(new Overrun(at("2026-12-01T22:00:00Z"), null, 7, 6));
        // Wed 10:00's window starts Tue 10:00, after now: the network's usage no longer counts there
        assertThat(PostingWeek.overruns(perDay(6, 5), NOW, plan.subList(2, 3))).isEmpty();
    }

    @Test
    void anotherCampaignsPostsCountButItsOverrunIsNotReported() {
        // theirs at 09:00 and 10:00, ours at 11:00: ours is the third in the window
        List<Planned> plan = List.of(new Planned(at("2026-12-02T09:00:00Z"), null, false),
                new Planned(at("2026-12-02T10:00:00Z"), null, false),
                new Planned(at("2026-12-02T11:00:00Z"), null, true));
        assertThat(PostingWeek.overruns(perDay(2, 0), NOW, plan))
                .containsExactly(new Overrun(at("2026-12-02T11:00:00Z"), null, 3, 2));
        // with ours first, the overrun falls on their post: theirs to fix
        List<Planned> oursFirst = List.of(new Planned(at("2026-12-02T08:30:00Z"), null, true),
                new Planned(at("2026-12-02T09:00:00Z"), null, false),
                new Planned(at("2026-12-02T10:00:00Z"), null, false));
        assertThat(PostingWeek.overruns(perDay(2, 0), NOW, oursFirst)).isEmpty();
    }

    @Test
    void aFormatsOwnLimitCountsOnlyThatFormatAndNotTheUsage() {
        // Reels allowed 1 a day: two reels on Tuesday overrun it; the feed post between them does not count
        PostingLimits limits = new PostingLimits(null, 4, Map.of("reel", 1), List.of());
        List<Planned> plan = List.of(new Planned(at("2026-12-02T09:00:00Z"), "reel", true),
                new Planned(at("2026-12-02T10:00:00Z"), "feed", true),
                new Planned(at("2026-12-02T11:00:00Z"), "reel", true));
        assertThat(PostingWeek.overruns(limits, NOW, plan))
                .containsExactly(new Overrun(at("2026-12-02T11:00:00Z"), "reel", 2, 1));
    }

    @Test
    void noLimitsNoOverruns() {
        List<Planned> plan = List.of(new Planned(at("2026-12-02T09:00:00Z"), null, true),
                new Planned(at("2026-12-02T09:00:00Z"), null, true));
        assertThat(PostingWeek.overruns(PostingLimits.NONE, NOW, plan)).isEmpty();
    }
}
