package io.flightdeck.publishing.channels;

import java.time.Duration;
import java.util.UUID;


/**
 * The sandbox's numbers for a post: they rise over its first two days and then level off, with a size of its own
 * taken from its id, so the same post always reports the same numbers at the same age.
 */
final class SandboxNumbers {

    private SandboxNumbers() {
    }

    static PostMetrics at(UUID postId, Duration age) {
        long seed = postId.getLeastSignificantBits() ^ postId.getMostSignificantBits();
        // a reach between 200 and 5,200
        long ceiling = 200 + Math.floorMod(seed, 5_000L);
        double hours = Math.max(0, age.toMinutes() / 60.0);
        double grown = 1 - Math.exp(-hours / 12.0);
        long reach = Math.round(ceiling * grown);
        long impressions = Math.round(reach * 1.4);
        // engagement between 1 % and 6 % of the reach, clicks a fifth of it
        double rate = 0.01 + Math.floorMod(seed >>> 16, 50L) / 1000.0;
        long engagements = Math.round(reach * rate);
        long clicks = Math.round(engagements / 5.0);
        return new PostMetrics(impressions, reach, engagements, clicks);
    }
}
