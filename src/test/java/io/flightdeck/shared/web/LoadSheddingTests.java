package io.flightdeck.shared.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load shedding by hand: a node's turns taken, the next API request waits its short while and is answered 503 with
 * {@code Retry-After} (and counted), one that gets a turn within the wait goes ahead, the node serves again once a
 * turn is free, and health checks, pages and uploads are never shed.
 */
class LoadSheddingTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoadShedding shedding = new LoadShedding(1, Duration.ofMillis(150),
            new ProblemResponses(JsonMapper.builder().build()), meters);
    private final AtomicInteger served = new AtomicInteger();
    private final FilterChain serve = (request, response) -> served.incrementAndGet();

    @Test
    void pastItsTurnsARequestIsRefusedQuicklyAndTheNodeServesAgainOnceOneIsFree() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = holdTheOnlyTurn(holding, release);

        long before = System.nanoTime();
        MockHttpServletResponse refused = call("GET", "/api/v1/campaigns");
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("/overloaded").contains("Try again in a second");
        assertThat(waitedMs).as("it waited its while, no more").isBetween(140L, 2_000L);
        assertThat(meters.counter("flightdeck.requests.shed").count()).isEqualTo(1.0);
        assertThat(call("POST", "/mcp").getStatus()).as("the MCP endpoint too").isEqualTo(503);

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(shedding.available()).as("the turn is given back").isEqualTo(1);
        assertThat(call("GET", "/api/v1/campaigns").getStatus()).isEqualTo(200);
        assertThat(served).hasValue(2);
    }

    @Test
    void aRequestThatGetsATurnWithinItsWaitGoesAhead() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = holdTheOnlyTurn(holding, release);
        CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS).execute(release::countDown);
        assertThat(call("POST", "/api/v1/campaigns").getStatus()).isEqualTo(200);
        first.get(5, TimeUnit.SECONDS);
        assertThat(meters.counter("flightdeck.requests.shed").count()).isZero();
    }

    /**
     * With the one turn taken and the one place in line taken by a request that waits its while, a third is refused
     * at once: waiting requests hold server threads, so past the line the answer must not cost a wait.
     */
    @Test
    void pastTheLineARequestIsRefusedWithoutWaiting() throws Exception {
        LoadShedding longWait = new LoadShedding(1, Duration.ofSeconds(5), new ProblemResponses(JsonMapper.builder().build()),
                meters);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> filter(longWait, new MockHttpServletResponse(),
                (rq, rs) -> {
                    holding.countDown();
                    await(release);
                }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter(longWait, response, serve);
            return response.getStatus();
        });
        Thread.sleep(200); // the second request is in line by now

        long before = System.nanoTime();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        longWait.doFilter(request("GET", "/api/v1/campaigns"), refused, serve);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).as("refused at once").isLessThan(1_000L);

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).as("the one in line got the turn").isEqualTo(200);
    }

    private static void filter(LoadShedding filter, MockHttpServletResponse response, FilterChain chain) {
        try {
            filter.doFilter(request("GET", "/api/v1/campaigns"), response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void healthChecksPagesAndUploadsAreNeverShed() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = holdTheOnlyTurn(holding, release);
        for (String path : new String[] {"/actuator/health/readiness", "/campaigns", "/api/v1/uploads/abc"}) {
            long before = System.nanoTime();
            assertThat(call("GET", path).getStatus()).as(path).isEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).as(path + " did not wait")
                    .isLessThan(140L);
        }
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    /** An API request in another thread that keeps the node's one turn until released. */
    private CompletableFuture<Void> holdTheOnlyTurn(CountDownLatch holding, CountDownLatch release)
            throws InterruptedException {
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                shedding.doFilter(request("GET", "/api/v1/campaigns"), new MockHttpServletResponse(), (rq, rs) -> {
                    holding.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    served.incrementAndGet();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private MockHttpServletResponse call(String method, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        shedding.doFilter(request(method, path), response, serve);
        return response;
    }

    private static MockHttpServletRequest request(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }
}
