package io.flightdeck.mcp.server;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.ratelimit.RateLimits;

/**
 * Each caller's pace of tool calls: a key (or a signed-in person without one) may make so many calls a minute, and so
 * many of them changes, refilled evenly, so an assistant in a loop is slowed before it floods the workspace. The
 * buckets are the API's shared ones ({@link RateLimits}: PostgreSQL's table on PostgreSQL), so behind a load balancer
 * a caller gets the pace once, not once per node. A call over its pace is a tool error that says when to try again;
 * it is counted before anything runs. The HTTP requests to {@code /mcp} are also counted by the API's own class
 * (MCP); this pace is the finer one, by tool call and by change.
 */
final class CallLimits {

    private final RateLimits shared;
    private final int callsPerMinute;
    private final int writesPerMinute;

    /** Zero for either: no limit of that kind. */
    CallLimits(RateLimits shared, int callsPerMinute, int writesPerMinute) {
        this.shared = shared;
        this.callsPerMinute = callsPerMinute;
        this.writesPerMinute = writesPerMinute;
    }

    /**
     * Takes one call from the caller's allowance; empty when it may go ahead, else how long until it may. A write that
     * is refused for the writes' pace still spends a call: a caller who keeps trying slows down.
     */
    Optional<Duration> take(UUID caller, boolean write) {
        Optional<Duration> wait = shared.takeOwn("mcp-calls", caller.toString(), callsPerMinute);
        return wait.isPresent() || !write ? wait : shared.takeOwn("mcp-writes", caller.toString(), writesPerMinute);
    }
}
