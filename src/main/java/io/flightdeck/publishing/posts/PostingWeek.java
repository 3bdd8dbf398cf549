package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flightdeck.publishing.channels.PostingLimits;

/**
 * Whether an account's planned posts fit its network's posting limits, window by window: for each of the campaign's
 * posts, the account's posts in the 24 hours up to it (of every campaign, since the limit is the account's), plus
 * what the network says was already used when that window reaches back before now. A pure function, checked by hand
 * in its tests.
 */
final class PostingWeek {

    static final Duration DAY = Duration.ofHours(24);

    private PostingWeek() {
    }

    /** One planned post on the account; {@code ours} when it belongs to the campaign being checked. */
    record Planned(Instant at, String format, boolean ours) {
    }

    /**
     * A window where the plan goes over a limit: {@code count} posts (of {@code format}, or any when null) in the
     * 24 hours up to {@code until}, where {@code limit} are allowed.
     */
    record Overrun(Instant until, String format, int count, int limit) {
    }

    /** The first overrun of each limit, ordered by limit (any post first, then formats by name); empty when it fits. */
    static List<Overrun> overruns(PostingLimits limits, Instant now, List<Planned> planned) {
        List<Overrun> found = new ArrayList<>();
        if (limits.postsPerDay() != null) {
            first(planned, null, limits.postsPerDay(), limits.usedToday(), now).ifPresent(found::add);
        }
        limits.perDayByFormat().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                // the network's usage figure is for every post, so it is not added to a format's count
                first(planned, e.getKey(), e.getValue(), 0, now).ifPresent(found::add));
        return found;
    }

    private static java.util.Optional<Overrun> first(List<Planned> planned, String format, int limit, int usedToday,
            Instant now) {
        List<Planned> counted = planned.stream().filter(p -> format == null || Objects.equals(format, p.format()))
                .sorted(java.util.Comparator.comparing(Planned::at)).toList();
        for (Planned p : counted) {
            if (!p.ours()) {
                continue; // another campaign's overrun is that campaign's to fix
            }
            Instant from = p.at().minus(DAY);
            int count = (int) counted.stream().filter(q -> q.at().isAfter(from) && !q.at().isAfter(p.at())).count();
            if (from.isBefore(now)) {
                count += usedToday;
            }
            if (count > limit) {
                return java.util.Optional.of(new Overrun(p.at(), format, count, limit));
            }
        }
        return java.util.Optional.empty();
    }
}
