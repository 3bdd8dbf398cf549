package io.flightdeck.shared.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.jspecify.annotations.Nullable;

/**
 * Each caller's pace, and each workspace's, by class of endpoint: a bucket of so many requests a minute, refilled
 * evenly, kept where every node counts against it ({@link RateLimitConfiguration}). A request takes one from its
 * caller's bucket, then one from its workspace's; either empty refuses it, saying when to try again.
 */
public class RateLimits {

    /** What a request was told: let through (with what is left), or refused (with when to try again). */
    public record Decision(boolean allowed, EndpointClass type, String scope, long limit, long remaining,
            long resetSeconds, long retryAfterSeconds) {
    }

    /** A workspace's allowance in one class, as an admin sees it; 0 is no limit. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RateLimitQuota")
    public record Quota(EndpointClass type, String label, int perCaller, int perWorkspace,
            @Nullable Long workspaceRemaining) {
    }

    private final ProxyManager<String> buckets;
    private volatile RateLimitProperties limits;

    RateLimits(ProxyManager<String> buckets, RateLimitProperties limits) {
        this.buckets = buckets;
        this.limits = limits;
    }

    public boolean enabled() {
        return limits.enabled();
    }

    /**
     * Takes one request from the caller's bucket and the workspace's (none for sign-in, before anyone is signed in).
     *
     * @param caller who is counted: {@code key:<id>}, {@code user:<id>}, {@code address:<ip>}
     */
    public Decision take(EndpointClass type, String caller, @Nullable UUID workspace) {
        RateLimitProperties.Limit limit = limits.of(type);
        // the limit is part of a bucket's name: a bucket keeps the size it was made with, so a changed limit starts
        // fresh buckets (the old ones expire within a minute)
        Decision byCaller = take(type, "caller", type.key() + ":" + limit.perCaller() + ":" + caller,
                limit.perCaller());
        if (!byCaller.allowed() || workspace == null || limit.perWorkspace() <= 0) {
            return byCaller;
        }
        Decision byWorkspace = take(type, "workspace", workspaceKey(type, limit, workspace), limit.perWorkspace());
        return byWorkspace.allowed() ? byCaller : byWorkspace;
    }

    /**
     * Takes one from a bucket of the caller's own for a finer pace than its endpoint class's (the MCP server's tool
     * calls, and the changes among them), kept where the class's buckets are so every node counts it; empty when it
     * may go ahead, else how long until it may.
     *
     * @param pace the finer pace's name, unique among its users ({@code mcp-calls})
     */
    public Optional<Duration> takeOwn(String pace, String caller, int perMinute) {
        if (perMinute <= 0) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.builder().build(pace + ":" + perMinute + ":" + caller,
                () -> config(perMinute)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** The workspace's allowance in every class, with what is left of it this minute (read, not taken). */
    public List<Quota> quotas(UUID workspace) {
        List<Quota> quotas = new ArrayList<>();
        for (EndpointClass type : EndpointClass.values()) {
            RateLimitProperties.Limit limit = limits.of(type);
            Long left = limit.perWorkspace() <= 0 ? null : buckets.builder()
                    .build(workspaceKey(type, limit, workspace), () -> config(limit.perWorkspace()))
                    .getAvailableTokens();
            quotas.add(new Quota(type, type.label(), limit.perCaller(), limit.perWorkspace(), left));
        }
        return quotas;
    }

    private static String workspaceKey(EndpointClass type, RateLimitProperties.Limit limit, UUID workspace) {
        return type.key() + ":" + limit.perWorkspace() + ":workspace:" + workspace;
    }

    private Decision take(EndpointClass type, String scope, String key, int perMinute) {
        if (perMinute <= 0) {
            return new Decision(true, type, scope, 0, 0, 0, 0);
        }
        ConsumptionProbe probe = buckets.builder().build(key, () -> config(perMinute))
                .tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), type, scope, perMinute, probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), probe.isConsumed() ? 0
                : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static BucketConfiguration config(int perMinute) {
        return BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** For tests of the limits themselves: other limits until {@link #restore}. */
    void use(RateLimitProperties other) {
        this.limits = other;
    }

    void restore(RateLimitProperties shipped) {
        this.limits = shipped;
    }
}
