package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A channel's posting window for an audience in a time zone: seed 002's default, moved to the workspace's own best
 * hours once it has {@link BestTimes#POSTS_TO_REFINE} published posts there with numbers (from the last 90 days).
 */
@Component
class PostingWindows {

    static final Duration LEARN_FROM = Duration.ofDays(90);

    private final ChannelPostRepository posts;
    private final Clock clock;

    PostingWindows(ChannelPostRepository posts, Clock clock) {
        this.posts = posts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    BestTimes.Window of(Channel channel, ZoneId zone) {
        List<EngagementSample> samples = posts.engagement(channel, clock.instant().minus(LEARN_FROM),
                PageRequest.of(0, 2_000));
        Map<Integer, double[]> sums = new HashMap<>();
        for (EngagementSample s : samples) {
            int hour = s.publishedAt().atZone(zone).getHour();
            double rate = s.engagements() == null ? 0 : s.engagements() / (double) s.impressions();
            double[] sum = sums.computeIfAbsent(hour, h -> new double[2]);
            sum[0] += rate;
            sum[1]++;
        }
        Map<Integer, BestTimes.HourStats> byHour = new HashMap<>();
        sums.forEach((hour, sum) -> byHour.put(hour, new BestTimes.HourStats(sum[0] / sum[1], (int) sum[1])));
        return BestTimes.refine(BestTimes.defaultWindow(channel), byHour);
    }
}
