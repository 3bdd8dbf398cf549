package io.flightdeck.publishing.posts;

import java.time.Instant;

/** When a post went out and how it did: what best times learn from. */
record EngagementSample(Instant publishedAt, Long impressions, Long engagements) {
}
