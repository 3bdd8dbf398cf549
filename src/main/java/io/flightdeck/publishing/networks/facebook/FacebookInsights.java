package io.flightdeck.publishing.networks.facebook;

import io.flightdeck.publishing.channels.PostMetrics;
import tools.jackson.databind.JsonNode;

/**
 * A post's numbers. Meta retired the {@code impressions} metrics on 15 November 2025 (Page Insights deprecations) in
 * favour of {@code views}: a feed post reports {@code post_media_view} (views, standing for impressions),
 * {@code post_total_media_view_unique} (reach) and {@code post_clicks}; engagements are its reactions, comments and
 * shares from the post itself. A video or Reel (an id without the Page's prefix) reports its plays in
 * {@code video_insights} ({@code total_video_views} and {@code total_video_views_unique}).
 */
final class FacebookInsights {

    private FacebookInsights() {
    }

    static PostMetrics of(FacebookApi api, String token, String id) {
        String encoded = FacebookApi.encode(id);
        boolean video = !id.contains("_");
        JsonNode insights = api.get(api.graph("/" + encoded + (video
                ? "/video_insights?metric=total_video_views,total_video_views_unique"
                : "/insights?metric=post_media_view,post_total_media_view_unique,post_clicks")), token);
        JsonNode counts = api.get(api.graph("/" + encoded + "?fields=" + (video
                ? "likes.summary(true).limit(0),comments.summary(true).limit(0)"
                : "reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares")), token);
        long engagements = counts.path(video ? "likes" : "reactions").path("summary").path("total_count").asLong(0)
                + counts.path("comments").path("summary").path("total_count").asLong(0)
                + counts.path("shares").path("count").asLong(0);
        return new PostMetrics(value(insights, video ? "total_video_views" : "post_media_view"),
                value(insights, video ? "total_video_views_unique" : "post_total_media_view_unique"), engagements,
                video ? null : value(insights, "post_clicks"));
    }

    private static Long value(JsonNode insights, String metric) {
        for (JsonNode m : insights.path("data")) {
            if (metric.equals(m.path("name").asString(""))) {
                JsonNode values = m.path("values");
                JsonNode last = values.path(values.size() - 1).path("value");
                return last.isNumber() ? last.asLong() : null;
            }
        }
        return null;
    }
}
