package io.flightdeck.email.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.flightdeck.email.report.EmailReport.ReportBucket;
import io.flightdeck.email.report.EmailReport.ReportTimeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline's buckets worked out by hand: hours start on the workspace zone's hour (half past in Kolkata), the
 * first day runs from the 48th hour to midnight, a day has 23 hours when the clocks go forward, everything after 90
 * days is one bucket, and a young send has only the hours so far.
 */
class TimelineBucketsTests {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Test
    void hoursStartOnTheZonesHourAndTheFirstDayRunsFromTheFortyEighthHourToMidnight() {
        // 10:17 in Kolkata (UTC+5:30): hour 0 starts at 10:00 there, 04:30 UTC
        Instant start = Instant.parse("2026-03-10T04:47:00Z");
        TimelineBuckets buckets = new TimelineBuckets(start, KOLKATA);
        assertThat(buckets.base()).isEqualTo(Instant.parse("2026-03-10T04:30:00Z"));
        // hour 62 is 00:00 on Friday 13 March in Kolkata (10:00 Thursday + 14 h)
        ReportTimeline timeline = buckets.layOut(start.plus(Duration.ofDays(3)), Map.of(0L, new long[] {1, 0},
                1L, new long[] {0, 2}, 47L, new long[] {3, 0}, 48L, new long[] {0, 1}, 61L, new long[] {2, 0},
                62L, new long[] {1, 1}));

        List<ReportBucket> b = timeline.buckets();
        assertThat(b).hasSize(50);
        assertThat(b.subList(0, 48)).allMatch(x -> x.unit().equals("HOUR"));
        assertThat(b.get(0).label()).isEqualTo("Tue 10 Mar, 10:00");
        assertThat(b.get(0).start()).isEqualTo(Instant.parse("2026-03-10T04:30:00Z"));
        assertThat(b.get(0).end()).isEqualTo(Instant.parse("2026-03-10T05:30:00Z"));
        assertThat(new long[] {b.get(0).opens(), b.get(1).clicks(), b.get(47).opens()}).containsExactly(1, 2, 3);
        assertThat(b.get(47).label()).isEqualTo("Thu 12 Mar, 09:00");
        ReportBucket firstDay = b.get(48);
        assertThat(firstDay.unit()).isEqualTo("DAY");
        assertThat(firstDay.label()).isEqualTo("Thu 12 Mar (from 10:00)");
        assertThat(firstDay.start()).isEqualTo(Instant.parse("2026-03-12T04:30:00Z"));
        assertThat(firstDay.end()).isEqualTo(Instant.parse("2026-03-12T18:30:00Z"));
        assertThat(new long[] {firstDay.opens(), firstDay.clicks()}).containsExactly(2, 1);
        assertThat(b.get(49).label()).isEqualTo("Fri 13 Mar");
        assertThat(new long[] {b.get(49).opens(), b.get(49).clicks()}).containsExactly(1, 1);
        assertThat(new long[] {timeline.opens(), timeline.clicks()}).containsExactly(7, 4);
    }

    @Test
    void theDayTheClocksGoForwardHasTwentyThreeHours() {
        // noon in Lisbon (UTC+0) on Thursday 26 March; summer time starts at 01:00 UTC on Sunday 29 March
        Instant start = Instant.parse("2026-03-26T12:00:00Z");
        TimelineBuckets buckets = new TimelineBuckets(start, LISBON);
        // hours 48 to 59 are Saturday from noon, 60 to 82 Sunday (23 of them), 83 Monday's first
        ReportTimeline timeline = buckets.layOut(start.plus(Duration.ofDays(5)), Map.of(59L, new long[] {1, 0},
                60L, new long[] {0, 1}, 82L, new long[] {1, 0}, 83L, new long[] {0, 1}));
        List<ReportBucket> b = timeline.buckets();
        assertThat(b.get(48).label()).isEqualTo("Sat 28 Mar (from 12:00)");
        assertThat(new long[] {b.get(48).opens(), b.get(48).clicks()}).containsExactly(1, 0);
        assertThat(b.get(49).label()).isEqualTo("Sun 29 Mar");
        assertThat(Duration.between(b.get(49).start(), b.get(49).end())).isEqualTo(Duration.ofHours(23));
        assertThat(new long[] {b.get(49).opens(), b.get(49).clicks()}).containsExactly(1, 1);
        assertThat(b.get(50).label()).isEqualTo("Mon 30 Mar");
        assertThat(new long[] {b.get(50).opens(), b.get(50).clicks()}).containsExactly(0, 1);
    }

    @Test
    void afterNinetyDaysEverythingIsOneLaterBucket() {
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        TimelineBuckets buckets = new TimelineBuckets(start, ZoneId.of("UTC"));
        // 48 hours, then 90 days from 7 January: later starts on 7 April, 2199 hours after the start
        assertThat(buckets.laterHour()).isEqualTo(48 + 15 + 89 * 24);
        Instant now = start.plus(Duration.ofDays(200));
        ReportTimeline timeline = buckets.layOut(now, Map.of(buckets.laterHour() - 1, new long[] {1, 0},
                buckets.laterHour(), new long[] {4, 2}));
        List<ReportBucket> b = timeline.buckets();
        assertThat(b).hasSize(48 + 90 + 1);
        assertThat(b.get(137).label()).isEqualTo("Mon 6 Apr");
        assertThat(b.get(137).opens()).isEqualTo(1);
        ReportBucket later = b.get(138);
        assertThat(later.unit()).isEqualTo("LATER");
        assertThat(later.label()).isEqualTo("From Tue 7 Apr");
        assertThat(later.end()).isEqualTo(now);
        assertThat(new long[] {later.opens(), later.clicks()}).containsExactly(4, 2);
    }

    @Test
    void aYoungSendHasOnlyTheHoursSoFarAndNothingIsNoBuckets() {
        Instant start = Instant.parse("2026-03-10T04:47:00Z");
        TimelineBuckets buckets = new TimelineBuckets(start, KOLKATA);
        ReportTimeline timeline = buckets.layOut(start.plus(Duration.ofMinutes(90)), Map.of());
        assertThat(timeline.buckets()).extracting(ReportBucket::label).containsExactly("Tue 10 Mar, 10:00",
                "Tue 10 Mar, 11:00");
        assertThat(timeline.empty()).isTrue();
    }
}
