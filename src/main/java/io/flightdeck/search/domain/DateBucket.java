package io.flightdeck.search.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.data.RangeBoundInclusion;

/**
 * The date facet's buckets, in whole UTC days around today, each with the {@code from}/{@code to} filter that selects
 * exactly it: upcoming (after today), the past 7 days (today included), the 23 days before those, and older.
 */
record DateBucket(String value, String label, LocalDate from, LocalDate to) {

    static List<DateBucket> around(LocalDate today) {
        return List.of(
                new DateBucket("upcoming", "Upcoming", today.plusDays(1), null),
                new DateBucket("past-week", "Past 7 days", today.minusDays(6), today),
                new DateBucket("past-month", "Earlier this month", today.minusDays(29), today.minusDays(7)),
                new DateBucket("older", "Older", null, today.minusDays(30)));
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Range<Instant> range() {
        return Range.between(from == null ? null : start(from), RangeBoundInclusion.INCLUDED,
                to == null ? null : start(to.plusDays(1)), RangeBoundInclusion.EXCLUDED);
    }

    static List<SearchResults.DateBucket> counts(List<DateBucket> buckets, Map<Range<Instant>, Long> counts) {
        return buckets.stream().map(bucket -> new SearchResults.DateBucket(bucket.value, bucket.label,
                bucket.from == null ? null : bucket.from.toString(), bucket.to == null ? null : bucket.to.toString(),
                counts.getOrDefault(bucket.range(), 0L))).toList();
    }
}
