package io.flightdeck.perf;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Twice the campaign API's capacity (issue 49; method and figures in docs/benchmarks.md, "Under load"):
 *
 * <ol>
 *   <li>while the simulation is built: signs in, seeds {@code seed} campaigns, then measures the capacity of
 *       {@code GET /api/v1/campaigns/{id}} on this machine in this run: {@code concurrency} clients in a closed loop
 *       (a plain JDK client) for {@code capacitySeconds} after as long a warm-up;</li>
 *   <li>group {@code overload}: an open model at {@code factor} (2) times that rate for {@code overloadSeconds};
 *       every answer must be 200, 429 or 503 within {@code timeoutSeconds} (a 5xx other than 503, or no answer in
 *       time, is a failure);</li>
 *   <li>group {@code recovery}: {@code recoveryPause} s after the load stops, a quarter of the capacity for
 *       {@code recoverySeconds}: every answer must be 200, at the latency of an unloaded node.</li>
 * </ol>
 *
 * The answers by status, per group, are printed at the end ({@code [flightdeck-perf] overload 200=... 503=...}) and
 * written to {@code statusReport}.
 */
public class OverloadSimulation extends Simulation {

    static final int CONCURRENCY = Integer.getInteger("concurrency", 8);
    static final int CAPACITY_SECONDS = Integer.getInteger("capacitySeconds", 20);
    static final double FACTOR = Double.parseDouble(System.getProperty("factor", "2"));
    static final int OVERLOAD_SECONDS = Integer.getInteger("overloadSeconds", 60);
    static final int RECOVERY_PAUSE = Integer.getInteger("recoveryPause", 5);
    static final int RECOVERY_SECONDS = Integer.getInteger("recoverySeconds", 20);
    static final int TIMEOUT_SECONDS = Integer.getInteger("timeoutSeconds", 10);
    static final String STATUS_REPORT = System.getProperty("statusReport", "");

    static final Map<String, Map<Integer, LongAdder>> ANSWERS = new ConcurrentHashMap<>();

    final double capacity;

    public OverloadSimulation() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        CampaignApiSimulation.token = CampaignApiSimulation.signUpOrSignIn(client);
        CampaignApiSimulation.disableApprovalGate(client); // the seed moves campaigns along their lifecycle
        CampaignApiSimulation.seed(client);
        CampaignApiSimulation.idPool = CampaignApiSimulation.SEEDED_IDS.toArray(new String[0]);
        closedLoop(client, CAPACITY_SECONDS); // warm-up
        capacity = closedLoop(client, CAPACITY_SECONDS);
        System.out.printf(Locale.ROOT, "[flightdeck-perf] capacity: %.0f req/s (GET /api/v1/campaigns/{id}, %d clients,"
                + " %d s); overload at %.0f arrivals/s%n", capacity, CONCURRENCY, CAPACITY_SECONDS, capacity * FACTOR);

        // one pool of keep-alive connections for all virtual users: a new connection for each of thousands of arrivals
        // a second leaves the ports of a single machine in TIME_WAIT within a minute (the first run: 119,171 requests
        // with no answer, and the app's own database connections refused for want of a port), which measures the
        // load generator rather than the node
        HttpProtocolBuilder protocol = http.baseUrl(CampaignApiSimulation.BASE_URL).acceptHeader("application/json")
                .userAgentHeader("flightdeck-perf/gatling").disableWarmUp().disableCaching().shareConnections();
        setUp(answers("overload", new int[] {200, 429, 503})
                .injectOpen(constantUsersPerSec(capacity * FACTOR).during(OVERLOAD_SECONDS))
                .andThen(answers("recovery", new int[] {200})
                        .injectOpen(nothingFor(RECOVERY_PAUSE), constantUsersPerSec(capacity / 4).during(RECOVERY_SECONDS))))
                .protocols(protocol);
    }

    /** One GET by id a user; the status is counted, and only {@code allowed} ones pass. */
    static ScenarioBuilder answers(String name, int[] allowed) {
        Integer[] statuses = java.util.Arrays.stream(allowed).boxed().toArray(Integer[]::new);
        return scenario(name).exec(group(name).on(exec(CampaignApiSimulation::withRandomId)
                .exec(CampaignApiSimulation.authed(http("get").get("/api/v1/campaigns/#{id}"))
                        .requestTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                        .check(status().saveAs("status"), status().in(statuses)))))
                .exec(session -> count(name, session));
    }

    static Session count(String group, Session session) {
        int status = session.contains("status") ? session.getInt("status") : 0; // 0: no answer in time
        ANSWERS.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).computeIfAbsent(status, s -> new LongAdder())
                .increment();
        return session;
    }

    /** Requests a second that {@code CONCURRENCY} clients in a closed loop get answered 200. */
    static double closedLoop(HttpClient client, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        for (int i = 0; i < CONCURRENCY; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(CampaignApiSimulation.BASE_URL
                                    + "/api/v1/campaigns/" + CampaignApiSimulation.randomSeededId()))
                            .header("Accept", "application/json")
                            .header("Authorization", "Bearer " + CampaignApiSimulation.token).build();
                    if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        done.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, java.util.concurrent.TimeUnit.SECONDS);
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    @Override
    public void after() {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "capacity %.0f%n", capacity));
        new TreeMap<>(ANSWERS).forEach((group, byStatus) -> {
            report.append(group);
            new TreeMap<>(byStatus).forEach((status, n) -> report.append(' ').append(status == 0 ? "none" : status)
                    .append('=').append(n.sum()));
            report.append('\n');
        });
        System.out.print(report.toString().lines().map(l -> "[flightdeck-perf] " + l + "\n")
                .reduce("", String::concat));
        if (!STATUS_REPORT.isBlank()) {
            try {
                Files.writeString(Path.of(STATUS_REPORT), report);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
