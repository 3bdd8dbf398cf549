package io.flightdeck.publishing.posts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.analytics.Granularity;
import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.MetricFact;
import io.flightdeck.analytics.MetricFacts;
import io.flightdeck.analytics.SimulatedNumbers;
import io.flightdeck.publishing.channels.PostMetrics;
import org.springframework.stereotype.Component;

/**
 * A published post's numbers as analytics facts. Networks report a post's totals so far, not what happened when; the
 * facts are what each total grew by, counted in the UTC hour of the look that saw it. The hour's fact is the total
 * now less the sum of the post's facts of earlier hours, so a second look in the same hour replaces rather than adds,
 * the facts of a post always add up to its latest totals, and a network that lowers a number (spam impressions taken
 * out) gives that hour a negative growth rather than a total that never comes down. Reach is people, not events: a
 * post's reach facts add up to its reach, but the sum across posts counts a person once per post. The sandbox's
 * numbers are made up: their facts carry its source ({@link SimulatedNumbers#SANDBOX}), so analytics can say so.
 */
@Component
class PostFacts {

    static final String SOURCE = "publishing";
    static final String OBJECT_TYPE = "post";

    private final MetricFacts facts;

    PostFacts(MetricFacts facts) {
        this.facts = facts;
    }

    /**
     * Records what {@code totals} add to the post's facts, in the hour of {@code seenAt}; inside the caller's
     * transaction. {@code simulated}: the totals were made up (the sandbox), not measured.
     */
    void record(ChannelPost post, PostMetrics totals, Instant seenAt, boolean simulated) {
        String source = simulated ? SimulatedNumbers.SANDBOX : SOURCE;
        Map<Metric, Long> now = new EnumMap<>(Metric.class);
        put(now, Metric.IMPRESSIONS, totals.impressions());
        put(now, Metric.REACH, totals.reach());
        put(now, Metric.ENGAGEMENT, totals.engagements());
        put(now, Metric.CLICKS, totals.clicks());
        if (now.isEmpty()) {
            return;
        }
        Instant hour = seenAt.truncatedTo(ChronoUnit.HOURS);
        String objectId = post.getId().toString();
        Map<Metric, BigDecimal> earlier = new EnumMap<>(Metric.class);
        Set<Metric> thisHour = new HashSet<>();
        for (MetricFact f : facts.of(source, OBJECT_TYPE, objectId)) {
            if (f.periodStart().isBefore(hour)) {
                earlier.merge(f.metric(), f.value(), BigDecimal::add);
            } else if (f.periodStart().equals(hour)) {
                thisHour.add(f.metric());
            }
        }
        List<MetricFact> grown = new ArrayList<>();
        now.forEach((metric, total) -> {
            BigDecimal growth = BigDecimal.valueOf(total).subtract(earlier.getOrDefault(metric, BigDecimal.ZERO));
            // an hour with no growth gets no row, unless an earlier look this hour wrote one that must become 0
            if (growth.signum() != 0 || thisHour.contains(metric)) {
                grown.add(new MetricFact(source, OBJECT_TYPE, objectId, post.getCampaignId(), post.getChannel().name(),
                        metric, Granularity.HOUR, hour, growth, null));
            }
        });
        facts.upsert(grown);
    }

    private static void put(Map<Metric, Long> totals, Metric metric, Long value) {
        if (value != null) {
            totals.put(metric, value);
        }
    }
}
