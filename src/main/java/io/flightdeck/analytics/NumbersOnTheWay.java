package io.flightdeck.analytics;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How a module whose numbers reach analytics after its work (a published post's first numbers, asked of its network a
 * few minutes later) says when a campaign's next ones are due, so that a dashboard without numbers can say when they
 * will come rather than only that there are none. Implement it as a bean; it runs in the campaign's workspace scope
 * and must not write.
 */
public interface NumbersOnTheWay {

    /** The campaign's next numbers from this module, if any are on their way. */
    Optional<Arrival> next(UUID campaignId);

    /**
     * Numbers on their way.
     *
     * @param what for people: whose numbers, such as the first numbers of 4 published posts
     * @param at   about when they arrive; null when that waits on something else (a post not yet out)
     */
    record Arrival(String what, @Nullable Instant at) {
    }
}
