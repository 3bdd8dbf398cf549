package io.flightdeck.publishing.posts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.analytics.Granularity;
import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.MetricFact;
import io.flightdeck.analytics.MetricFacts;
import io.flightdeck.analytics.SimulatedNumbers;
import io.flightdeck.publishing.channels.PostMetrics;
import org.springframework.stereotype.Component;

/**
 * A published post's numbers as analytics facts. Networks report a post's totals so far, not what happened when; the
 * facts are what each total grew by, counted in the UTC hour of the look that saw it ({@link MetricFacts#upsertGrowth}:
 * a second look in the same hour replaces rather than adds, and a network that lowers a number, spam impressions taken
 * out, gives that hour a negative growth rather than a total that never comes down). Reach is people, not events: a
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
        Instant hour = seenAt.truncatedTo(ChronoUnit.HOURS);
        List<MetricFact> soFar = new ArrayList<>();
        put(soFar, post, source, hour, Metric.IMPRESSIONS, totals.impressions());
        put(soFar, post, source, hour, Metric.REACH, totals.reach());
        put(soFar, post, source, hour, Metric.ENGAGEMENT, totals.engagements());
        put(soFar, post, source, hour, Metric.CLICKS, totals.clicks());
        facts.upsertGrowth(soFar);
    }

    private static void put(List<MetricFact> soFar, ChannelPost post, String source, Instant hour, Metric metric,
            Long total) {
        if (total != null) {
            soFar.add(new MetricFact(source, OBJECT_TYPE, post.getId().toString(), post.getCampaignId(),
                    post.getChannel().name(), metric, Granularity.HOUR, hour, BigDecimal.valueOf(total), null));
        }
    }
}
