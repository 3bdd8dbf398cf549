package io.flightdeck.email.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.flightdeck.email.report.EmailReport.ReportBucket;
import io.flightdeck.email.report.EmailReport.ReportTimeline;

/**
 * The report's timeline, from counts per hour: the database counts opens and clicks by the hour since the start of
 * the send's hour (a number it can work out the same way on H2 and PostgreSQL), and this class lays those hours out
 * as buckets in the workspace's zone: 48 hours, then days (local midnight to midnight, so a day has 23 or 25 hours
 * when the clocks change), then one bucket for anything after {@value #DAYS} days. Every hour falls into exactly one
 * bucket, because the hours start on the zone's hour and local days start on one too. Pure: no Spring, no clock.
 */
final class TimelineBuckets {

    static final int HOURS = 48;
    static final int DAYS = 90;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final ZoneId zone;
    private final Instant base;
    private final Instant daily;
    private final LocalDate firstDay;
    private final Instant later;

    /** The timeline of a send that started at {@code start}, read in {@code zone}. */
    TimelineBuckets(Instant start, ZoneId zone) {
        this.zone = zone;
        this.base = start.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        this.daily = base.plus(Duration.ofHours(HOURS));
        this.firstDay = daily.atZone(zone).toLocalDate();
        this.later = firstDay.plusDays(DAYS).atStartOfDay(zone).toInstant();
    }

    /** Where hour 0 starts: the send's start, down to its hour in the zone. */
    Instant base() {
        return base;
    }

    /** The first hour that counts as later than the daily buckets; the database folds every later hour into it. */
    long laterHour() {
        return Duration.between(base, later).plusMinutes(59).toHours();
    }

    /**
     * The buckets from the start to {@code now} (or to the last hour counted, if a clock ran ahead), with
     * {@code counts} (hour since {@link #base()} to {opens, clicks}) added up in each.
     */
    ReportTimeline layOut(Instant now, Map<Long, long[]> counts) {
        long last = Math.max(0, Duration.between(base, now).toHours());
        for (long hour : counts.keySet()) {
            last = Math.max(last, hour);
        }
        List<ReportBucket> buckets = new ArrayList<>();
        for (long h = 0; h < HOURS && h <= last; h++) {
            Instant from = base.plus(Duration.ofHours(h));
            buckets.add(bucket(from, from.plus(Duration.ofHours(1)), "HOUR", HOUR.format(from.atZone(zone)), counts, h, h));
        }
        long laterHour = laterHour();
        LocalDate day = firstDay;
        while (last >= HOURS && day.isBefore(firstDay.plusDays(DAYS))) {
            Instant from = day.equals(firstDay) ? daily : day.atStartOfDay(zone).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
            long firstHour = hourOf(from);
            if (firstHour > last) {
                break;
            }
            // the first day starts at the 48th hour, midnight only by chance
            String label = DAY.format(day) + (from.equals(day.atStartOfDay(zone).toInstant()) ? ""
                    : " (from " + from.atZone(zone).toLocalTime() + ")");
            buckets.add(bucket(from, to, "DAY", label, counts, firstHour, Math.min(hourOf(to), laterHour) - 1));
            day = day.plusDays(1);
        }
        if (last >= laterHour) {
            ZonedDateTime from = later.atZone(zone);
            buckets.add(bucket(later, now.isAfter(later) ? now : later, "LATER", "From " + DAY.format(from), counts,
                    laterHour, laterHour));
        }
        long opens = 0;
        long clicks = 0;
        for (ReportBucket b : buckets) {
            opens += b.opens();
            clicks += b.clicks();
        }
        return new ReportTimeline(List.copyOf(buckets), opens, clicks);
    }

    private long hourOf(Instant at) {
        return Duration.between(base, at).toHours();
    }

    private static ReportBucket bucket(Instant from, Instant to, String unit, String label, Map<Long, long[]> counts,
            long firstHour, long lastHour) {
        long opens = 0;
        long clicks = 0;
        for (long h = firstHour; h <= lastHour; h++) {
            long[] c = counts.get(h);
            if (c != null) {
                opens += c[0];
                clicks += c[1];
            }
        }
        return new ReportBucket(from, to, unit, label, opens, clicks);
    }
}
