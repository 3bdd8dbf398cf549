package io.flightdeck.publishing.channels;

/** A post's numbers as its network reports them; a number the network does not give is null. */
public record PostMetrics(Long impressions, Long reach, Long engagements, Long clicks) {
}
