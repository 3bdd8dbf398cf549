package io.flightdeck.identity.security;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.ratelimit.EndpointClass;
import io.flightdeck.shared.ratelimit.RateLimits;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's pace: each request is counted against its caller (the API key, else the member's token; a client address
 * for sign-in) and its workspace in its class of endpoint ({@link RateLimits}), after sign-in and before anything
 * runs. Every counted answer says where the caller stands (draft-ietf-httpapi-ratelimit-headers: {@code RateLimit-Policy}
 * and {@code RateLimit}); one over the limit is a 429 problem with {@code Retry-After}. A request nobody signed in
 * for, other than sign-in, is not counted here (the sign-in check answers it).
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String TYPE = "rate-limited";

    private final RateLimits limits;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EndpointClass type = limits.enabled() ? EndpointClass.of(request) : null;
        Optional<Actor> actor = CurrentActor.find();
        if (type == null || (actor.isEmpty() && type != EndpointClass.SIGN_IN)) {
            chain.doFilter(request, response);
            return;
        }
        String caller = actor.map(a -> a.viaApiKey() ? "key:" + a.apiKeyId() : "user:" + a.userId())
                .orElse("address:" + request.getRemoteAddr());
        UUID workspace = actor.map(Actor::workspaceId).orElse(null);
        RateLimits.Decision decision = limits.take(type, caller, workspace);
        if (decision.limit() > 0) {
            response.setHeader("RateLimit-Policy", "\"" + type.key() + "\";q=" + decision.limit() + ";w=60");
            response.setHeader("RateLimit", "\"" + type.key() + "\";r=" + decision.remaining() + ";t="
                    + (decision.allowed() ? decision.resetSeconds() : decision.retryAfterSeconds()));
        }
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        String whose = decision.scope().equals("workspace") ? "This workspace has" : "You have";
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, TYPE, "Too many requests",
                whose + " made " + decision.limit() + " " + type.label().toLowerCase() + " requests in the last "
                        + "minute, the most allowed. Try again in " + decision.retryAfterSeconds() + " s.");
    }
}
