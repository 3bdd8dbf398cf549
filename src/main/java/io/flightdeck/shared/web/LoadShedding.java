package io.flightdeck.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a node answering when more API requests arrive than it can serve: at most so many run at once, as many again
 * may wait a short while for a turn, and any other is answered 503 with {@code Retry-After} at once instead of
 * joining a queue that only grows (where every caller would wait until its own timeout, and the database pool's would
 * end in errors). The waiters are bounded too because each holds a server thread: at twice the capacity, unbounded
 * waiters held all 200 of Tomcat's threads for their second each, so refusals came at 200 a second and the rest of
 * the arrivals queued in front of Tomcat until they timed out.
 * So past its capacity a node serves what it can at the usual speed and refuses the rest quickly, and it is itself
 * again as soon as the load falls. Only the API and the MCP endpoint are shed: health checks must answer whatever
 * the load (a load balancer would take the node out), people's pages are few and come first, and resumable uploads
 * wait on the client's connection rather than on this node. A request that
 * goes on asynchronously (a live stream) gives its turn back when its first part returns.
 */
public class LoadShedding extends OncePerRequestFilter {

    static final String TYPE = "overloaded";

    private final Semaphore turns;
    private final Semaphore places;
    private final Duration wait;
    private final ProblemResponses problems;
    private final Counter shed;

    public LoadShedding(int concurrent, Duration wait, ProblemResponses problems, MeterRegistry meters) {
        // not fair: a turn given back goes to whichever thread asks first, often one already running, instead of
        // waiting for the longest waiter to be scheduled; under a full run queue that wait left turns idle (2x the
        // capacity with a fair semaphore served 8 requests a second, docs/benchmarks.md)
        this.turns = new Semaphore(concurrent);
        this.places = new Semaphore(concurrent);
        this.wait = wait;
        this.problems = problems;
        this.shed = Counter.builder("flightdeck.requests.shed")
                .description("API requests answered 503 because the node was serving its most at once")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // an upload's pace is the client's connection, not this node's work: it would hold a turn for minutes
        return !(path.startsWith("/api/") || path.equals("/mcp")) || path.startsWith("/api/v1/uploads");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean turn = false;
        try {
            turn = turns.tryAcquire();
            if (!turn && places.tryAcquire()) {
                try {
                    turn = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                } finally {
                    places.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!turn) {
            shed.increment();
            response.setHeader("Retry-After", "1");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, TYPE, "Busy",
                    "This server is answering as many requests as it can. Try again in a second.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    /** Turns free now (for the tests and the metrics). */
    int available() {
        return turns.availablePermits();
    }
}
