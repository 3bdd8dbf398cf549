package io.flightdeck.publishing.networks.instagram;

import java.util.List;
import java.util.Map;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.PostMetrics;
import io.flightdeck.publishing.channels.PostingLimits;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A post's numbers (media insights) and the account's publishing limit ({@code content_publishing_limit}), as
 * Instagram reports them. Insights ask for {@code views}, {@code reach} and {@code total_interactions}: the metrics
 * Instagram documents for feed posts, Reels and stories alike ({@code impressions} and {@code plays} were retired in
 * 2025), so one request serves every format.
 */
class InstagramInsights {

    static final String METRICS = "views,reach,total_interactions";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Metric(String name, List<Value> values, Value totalValue) {

        Long value() {
            if (totalValue != null && totalValue.value() != null) {
                return totalValue.value();
            }
            return values == null || values.isEmpty() ? null : values.get(0).value();
        }
    }

    record Value(Long value) {
    }

    record Metrics(List<Metric> data) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(Integer quotaUsage, Config config) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Config(Integer quotaTotal, Long quotaDuration) {
    }

    record Limits(List<Usage> data) {
    }

    private final InstagramApi api;

    InstagramInsights(InstagramApi api) {
        this.api = api;
    }

    /** Views, reach, and interactions (likes, comments, shares and saves together); Instagram gives no clicks. */
    PostMetrics metrics(String mediaId, String token) {
        Metrics answer = api.get(api.graph("/" + InstagramApi.encode(mediaId) + "/insights", token,
                Map.of("metric", METRICS)), Metrics.class);
        Long views = null;
        Long reach = null;
        Long interactions = null;
        for (Metric m : answer == null || answer.data() == null ? List.<Metric>of() : answer.data()) {
            switch (m.name() == null ? "" : m.name()) {
                case "views" -> views = m.value();
                case "reach" -> reach = m.value();
                case "total_interactions" -> interactions = m.value();
                default -> {
                }
            }
        }
        return new PostMetrics(views, reach, interactions, null);
    }

    /**
     * Posts in the window Instagram reports ({@code config.quota_total} per {@code quota_duration} seconds, a rolling
     * day) and how many of them the account used ({@code quota_usage}).
     */
    PostingLimits limits(String igUser, String token) {
        Limits answer = api.get(api.graph("/" + InstagramApi.encode(igUser) + "/content_publishing_limit", token,
                Map.of("fields", "quota_usage,config")), Limits.class);
        Usage usage = answer == null || answer.data() == null || answer.data().isEmpty() ? null : answer.data().get(0);
        if (usage == null || usage.config() == null || usage.config().quotaTotal() == null) {
            throw new ChannelException(Kind.RETRYABLE, "limits-unreadable",
                    "Instagram did not say how many posts the account may publish.");
        }
        long duration = usage.config().quotaDuration() == null || usage.config().quotaDuration() <= 0 ? 86_400
                : usage.config().quotaDuration();
        // a window other than a day is scaled to one, rounding down so that the check never promises too much
        int perDay = (int) Math.max(0, usage.config().quotaTotal() * 86_400L / duration);
        int used = usage.quotaUsage() == null ? 0 : usage.quotaUsage();
        return new PostingLimits(perDay, used, Map.of(), List.of());
    }
}
