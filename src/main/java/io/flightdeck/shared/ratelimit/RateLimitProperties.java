package io.flightdeck.shared.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.rate-limits.*}: how many requests a minute each caller (an API key, a signed-in member's token, a
 * client address for sign-in) may make in each class of endpoint, and how many the whole workspace may. 0 is no
 * limit (the shipped values are in application.properties). {@code store}: {@code auto} (PostgreSQL's table when the database is PostgreSQL, else this node's memory),
 * {@code database} or {@code memory}.
 */
@ConfigurationProperties("flightdeck.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("auto") String store,
        Limit reads, Limit writes, Limit exports, Limit mcp, Limit signIn) {

    /** Requests a minute for one caller, and for the workspace (0: none). */
    public record Limit(int perCaller, int perWorkspace) {
    }

    public Limit of(EndpointClass type) {
        return switch (type) {
            case READS -> reads;
            case WRITES -> writes;
            case EXPORTS -> exports;
            case MCP -> mcp;
            case SIGN_IN -> signIn;
        };
    }
}
