package io.flightdeck.mcp.server;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Each caller's pace of tool calls: a key (or a signed-in person without one) may make so many calls a minute, and so
 * many of them changes, refilled evenly, so an assistant in a loop is slowed before it floods the workspace. The
 * buckets are this node's (Bucket4j in memory), so behind a load balancer a caller gets the pace once per node. A call
 * over its pace is a tool error that says when to try again; it is counted before anything runs.
 */
final class CallLimits {

    private final int callsPerMinute;
    private final int writesPerMinute;
    private final Cache<UUID, Bucket> calls = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();
    private final Cache<UUID, Bucket> writes = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    /** Zero for either: no limit of that kind. */
    CallLimits(int callsPerMinute, int writesPerMinute) {
        this.callsPerMinute = callsPerMinute;
        this.writesPerMinute = writesPerMinute;
    }

    /**
     * Takes one call from the caller's allowance; empty when it may go ahead, else how long until it may. A write that
     * is refused for the writes' pace still spends a call: a caller who keeps trying slows down.
     */
    Optional<Duration> take(UUID caller, boolean write) {
        Optional<Duration> wait = take(calls, callsPerMinute, caller);
        return wait.isPresent() || !write ? wait : take(writes, writesPerMinute, caller);
    }

    private static Optional<Duration> take(Cache<UUID, Bucket> buckets, int perMinute, UUID caller) {
        if (perMinute <= 0) {
            return Optional.empty();
        }
        Bucket bucket = buckets.get(caller, c -> Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
