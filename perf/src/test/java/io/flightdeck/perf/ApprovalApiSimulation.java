package io.flightdeck.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Approvals benchmark (issue 4); method, command and figures in docs/benchmarks.md, section "Approvals (issue 4)".
 *
 * <ol>
 *   <li>{@link #before()}: signs up a workspace (its owner approves every stage), configures the four default scopes
 *       (strategy, content, schedule, ads) with three stages each, then seeds {@code seed} campaigns with their
 *       approvals initialized (4 scopes at stage 1 of 3) and {@code cascadeIdle + cascadeLoad} campaigns with a
 *       strategy version 1 and all four scopes approved through all three stages. All through the API with the
 *       JDK HTTP client, outside Gatling's statistics.</li>
 *   <li>group {@code warmup}: the latency mix at the same arrival rate, ignored.</li>
 *   <li>group {@code latency}: an open model ({@code constantUsersPerSec}); every arrival makes one request of the
 *       mix: liveness, {@code approve} (of a scope taken from the front of a shared queue: the scope moves one stage
 *       on and goes back to the front until its third stage approves it), {@code reject} with a reason followed by
 *       {@code request-review} (the scope restarts at stage 1 and goes back to the front), {@code check-publish}
 *       and {@code approvals} (GET of a campaign's approvals) of a random seeded campaign. In parallel, group
 *       {@code cascade-load}: {@code cascadeLoad} strategy revisions spread over the phase.</li>
 *   <li>group {@code cascade-idle}: {@code cascadeIdle} strategy revisions at {@code cascadeRate}/s on an otherwise
 *       idle app. A cascade POSTs strategy version 2 of an all-approved campaign ({@code cascade-revise}) and polls
 *       {@code GET .../approvals} ({@code cascade-poll}) every {@code pollMs} ms until content, schedule and ads are
 *       NEEDS_REVIEW and strategy is PENDING. The time from just before the POST to the poll answer that shows the
 *       final state is recorded per cascade (nanoTime) and written to {@code cascadeReport}.</li>
 *   <li>group {@code sat-warmup}, then groups {@code sat-*}: throughput at saturation, one request type at a time,
 *       {@code concurrency} users each looping for {@code satSeconds} on as many shared keep-alive connections;
 *       liveness first and last as the floor.</li>
 * </ol>
 */
public class ApprovalApiSimulation extends Simulation {

    // ---- settings (-Dname=value) ----
    static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:18080");
    static final int SEED = Integer.getInteger("seed", 500);
    static final int SEED_THREADS = Integer.getInteger("seedThreads", 8);
    static final double RATE = Double.parseDouble(System.getProperty("rate", "30"));
    static final int WARMUP_SECONDS = Integer.getInteger("warmupSeconds", 20);
    static final int LATENCY_SECONDS = Integer.getInteger("latencySeconds", 60);
    static final int CONCURRENCY = Integer.getInteger("concurrency", 8);
    /** Mix of arrivals in percent: liveness, approve, reject (+ request-review), check-publish, approvals (GET). */
    static final double[] MIX = CampaignApiSimulation.parseMix(System.getProperty("approvalMix", "15,35,10,25,15"),
            "liveness", "approve", "reject", "check-publish", "approvals");
    /** Cascades measured alone after the latency phase, and during it. */
    static final int CASCADE_IDLE = Integer.getInteger("cascadeIdle", 50);
    static final int CASCADE_LOAD = Integer.getInteger("cascadeLoad", 50);
    static final double CASCADE_RATE = Double.parseDouble(System.getProperty("cascadeRate", "4"));
    static final int POLL_MS = Integer.getInteger("pollMs", 5);
    static final long CASCADE_TIMEOUT_MS = Long.getLong("cascadeTimeoutMs", 10_000);
    static final String SEED_REPORT = System.getProperty("seedReport", "");
    static final String CASCADE_REPORT = System.getProperty("cascadeReport", "");

    static final String[] SCOPES = {"strategy", "content", "schedule", "ads"};
    /** Three stages per scope, all routed to roles the workspace owner holds, one approval each. */
    static final String STAGES_JSON = "{\"stages\":["
            + "{\"name\":\"Review\",\"approverRole\":\"APPROVER\",\"approverIds\":[],\"requiredApprovals\":1,"
            + "\"escalateToRole\":\"MANAGER\",\"escalateToMember\":null},"
            + "{\"name\":\"Brand check\",\"approverRole\":\"MANAGER\",\"approverIds\":[],\"requiredApprovals\":1,"
            + "\"escalateToRole\":\"ADMIN\",\"escalateToMember\":null},"
            + "{\"name\":\"Sign-off\",\"approverRole\":\"OWNER\",\"approverIds\":[],\"requiredApprovals\":1,"
            + "\"escalateToRole\":\"OWNER\",\"escalateToMember\":null}]}";
    static final String STRATEGY_V1 = "{\"platforms\":[\"EMAIL\",\"INSTAGRAM\"],\"goals\":[\"2,000 sign-ups\"],"
            + "\"targetAudience\":\"Urban cyclists\",\"contentPillars\":[\"Craft\"],\"brandTone\":\"Warm\","
            + "\"cadence\":\"3 posts a week\"}";
    static final String STRATEGY_V2 = "{\"platforms\":[\"EMAIL\",\"INSTAGRAM\",\"LINKEDIN\"],"
            + "\"goals\":[\"2,500 sign-ups\",\"40 % open rate\"],\"targetAudience\":\"Urban cyclists and commuters\","
            + "\"contentPillars\":[\"Craft\",\"Routes\"],\"brandTone\":\"Warm, plain\",\"cadence\":\"4 posts a week\"}";

    // ---- state shared with the scenarios, filled in before() ----
    static volatile String token = "";
    /** A campaign's scope that is open (pending or needs review), waiting for its next decision. */
    record Slot(String campaignId, String scope) {
    }

    /**
     * Open scope approvals not in flight. A slot goes back to the front after a decision, so the next arrival takes
     * the same scope on to its next stage: approvals spread evenly over stages 1, 2 and 3 (the last one approves the
     * scope and takes it out), instead of every scope waiting in stage 2 behind the whole queue.
     */
    static final Deque<Slot> SLOTS = new ConcurrentLinkedDeque<>();
    /** One slot per saturation user of sat-reject, kept out of the shared queue so that it cannot run dry. */
    static final Queue<Slot> REJECT_SLOTS = new ConcurrentLinkedQueue<>();
    static final List<String> CAMPAIGNS = Collections.synchronizedList(new ArrayList<>());
    static volatile String[] campaignPool = new String[0];
    static final Queue<String> CASCADE_IDLE_POOL = new ConcurrentLinkedQueue<>();
    static final Queue<String> CASCADE_LOAD_POOL = new ConcurrentLinkedQueue<>();

    // ---- what the scenarios counted ----
    static final AtomicInteger SLOTS_DRY = new AtomicInteger();
    static final AtomicInteger SCOPES_APPROVED = new AtomicInteger();
    static final AtomicInteger SLOTS_DROPPED = new AtomicInteger();
    static final AtomicInteger SEED_REQUESTS = new AtomicInteger();
    /** One measured cascade: from just before the POST to the poll answer showing the final state. */
    record Cascade(String campaignId, long elapsedNs, long postNs, int polls) {
    }

    static final Map<String, Queue<Cascade>> CASCADES = Map.of(
            "cascade-idle", new ConcurrentLinkedQueue<>(), "cascade-load", new ConcurrentLinkedQueue<>());
    static final Map<String, AtomicInteger> CASCADE_TIMEOUTS = Map.of(
            "cascade-idle", new AtomicInteger(), "cascade-load", new AtomicInteger());

    // ---- HTTP ----
    final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .userAgentHeader("flightdeck-perf/gatling")
            .disableWarmUp()
            .disableCaching()
            .shareConnections();

    static HttpRequestActionBuilder authed(HttpRequestActionBuilder request) {
        return request.header("Authorization", session -> "Bearer " + token);
    }

    static Session withRandomCampaign(Session session) {
        String[] pool = campaignPool;
        return session.set("cid", pool[ThreadLocalRandom.current().nextInt(pool.length)]);
    }

    /** Takes a slot off the shared queue; {@code hasSlot} is false when the queue ran dry. */
    static Session takeSlot(Session session) {
        Slot slot = SLOTS.pollFirst();
        if (slot == null) {
            SLOTS_DRY.incrementAndGet();
            return session.set("hasSlot", false);
        }
        return session.set("hasSlot", true).set("cid", slot.campaignId()).set("scope", slot.scope()).remove("state");
    }

    /** After approve: still open, so back to the front for its next stage; approved or failed, it is done. */
    static Session afterApprove(Session session) {
        Slot slot = new Slot(session.getString("cid"), session.getString("scope"));
        String state = session.contains("state") ? session.getString("state") : null;
        if ("PENDING".equals(state) || "NEEDS_REVIEW".equals(state)) {
            SLOTS.addFirst(slot);
        } else if ("APPROVED".equals(state)) {
            SCOPES_APPROVED.incrementAndGet();
        } else {
            SLOTS_DROPPED.incrementAndGet();
        }
        return session.remove("state");
    }

    /** After reject and request-review: back at stage 1, needs review, to the front. */
    static Session afterReview(Session session) {
        Slot slot = new Slot(session.getString("cid"), session.getString("scope"));
        if ("NEEDS_REVIEW".equals(session.contains("state") ? session.getString("state") : null)) {
            SLOTS.addFirst(slot);
        } else {
            SLOTS_DROPPED.incrementAndGet();
        }
        return session.remove("state");
    }

    // ---- requests, named the same in every phase ----
    static final HttpRequestActionBuilder LIVENESS = http("liveness").get("/actuator/health/liveness")
            .check(status().is(200));
    static final HttpRequestActionBuilder APPROVE = authed(http("approve")
            .post("/api/v1/campaigns/#{cid}/approvals/#{scope}/approve")
            .body(StringBody("{\"comment\":\"Looks good\"}")).asJson())
            .check(status().is(200), jmesPath("state").saveAs("state"));
    static final HttpRequestActionBuilder REJECT = authed(http("reject")
            .post("/api/v1/campaigns/#{cid}/approvals/#{scope}/reject")
            .body(StringBody("{\"reason\":\"The call to action does not match the strategy's goal\"}")).asJson())
            .check(status().is(200), jmesPath("state").is("REJECTED"));
    static final HttpRequestActionBuilder REQUEST_REVIEW = authed(http("request-review")
            .post("/api/v1/campaigns/#{cid}/approvals/#{scope}/request-review")
            .body(StringBody("{}")).asJson())
            .check(status().is(200), jmesPath("state").saveAs("state"));
    static final HttpRequestActionBuilder CHECK_PUBLISH = authed(http("check-publish")
            .post("/api/v1/campaigns/#{cid}/approvals/check-publish"))
            .check(status().is(200), jmesPath("ready").exists());
    static final HttpRequestActionBuilder READ = authed(http("approvals").get("/api/v1/campaigns/#{cid}/approvals"))
            .check(status().is(200), jmesPath("scopes[0].state").exists());

    /** When the queue ran dry (seed too small for the run), a user waits instead of spinning; the summary says so. */
    static final ChainBuilder APPROVE_ONE = exec(ApprovalApiSimulation::takeSlot)
            .doIfOrElse(session -> session.getBoolean("hasSlot"))
            .then(exec(APPROVE).exec(ApprovalApiSimulation::afterApprove))
            .orElse(pause(Duration.ofMillis(10)));
    static final ChainBuilder REJECT_ONE = exec(ApprovalApiSimulation::takeSlot)
            .doIfOrElse(session -> session.getBoolean("hasSlot"))
            .then(exec(REJECT).exec(REQUEST_REVIEW).exec(ApprovalApiSimulation::afterReview))
            .orElse(pause(Duration.ofMillis(10)));
    static final ChainBuilder CHECK_ONE = exec(ApprovalApiSimulation::withRandomCampaign).exec(CHECK_PUBLISH);
    static final ChainBuilder READ_ONE = exec(ApprovalApiSimulation::withRandomCampaign).exec(READ);

    /** One arrival of the mix. */
    static final ChainBuilder MIX_ARRIVAL = randomSwitch().on(
            percent(MIX[0]).then(exec(LIVENESS)),
            percent(MIX[1]).then(APPROVE_ONE),
            percent(MIX[2]).then(REJECT_ONE),
            percent(MIX[3]).then(CHECK_ONE),
            percent(MIX[4]).then(READ_ONE));

    // ---- the cascade ----
    static final HttpRequestActionBuilder REVISE = authed(http("cascade-revise")
            .post("/api/v1/campaigns/#{cid}/strategies").body(StringBody(STRATEGY_V2)).asJson())
            .check(status().is(201), jmesPath("version").saveAs("version"));
    /** "strategy:PENDING,content:NEEDS_REVIEW,..." */
    static final HttpRequestActionBuilder POLL = authed(http("cascade-poll").get("/api/v1/campaigns/#{cid}/approvals"))
            .check(status().is(200), jmesPath("join(',', scopes[*].join(':', [scope, state]))").saveAs("states"));

    static boolean cascaded(String states) {
        if (states == null) {
            return false;
        }
        Map<String, String> byScope = new TreeMap<>();
        for (String pair : states.split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                byScope.put(pair.substring(0, colon), pair.substring(colon + 1));
            }
        }
        return "PENDING".equals(byScope.get("strategy")) && "NEEDS_REVIEW".equals(byScope.get("content"))
                && "NEEDS_REVIEW".equals(byScope.get("schedule")) && "NEEDS_REVIEW".equals(byScope.get("ads"));
    }

    static ChainBuilder cascade(String name, Queue<String> pool) {
        Queue<Cascade> results = CASCADES.get(name);
        return exec(session -> {
            String id = pool.poll();
            return id == null ? session.set("hasCascade", false)
                    : session.set("hasCascade", true).set("cid", id).set("done", false).set("polls", 0)
                            .remove("version").remove("states");
        }).doIf(session -> session.getBoolean("hasCascade")).then(group(name).on(
                exec(session -> session.set("t0", System.nanoTime()))
                        .exec(REVISE)
                        .exec(session -> session.set("t1", System.nanoTime())
                                .set("done", !session.contains("version"))) // the POST failed: nothing to wait for
                        .asLongAs(session -> !session.getBoolean("done")
                                && System.nanoTime() - session.getLong("t0") < CASCADE_TIMEOUT_MS * 1_000_000L)
                        .on(exec(session -> session.remove("states"))
                                .exec(POLL)
                                .exec(session -> {
                                    int polls = session.getInt("polls") + 1;
                                    if (cascaded(session.contains("states") ? session.getString("states") : null)) {
                                        long now = System.nanoTime();
                                        long t0 = session.getLong("t0");
                                        results.add(new Cascade(session.getString("cid"), now - t0,
                                                session.getLong("t1") - t0, polls));
                                        return session.set("done", true).set("polls", polls);
                                    }
                                    return session.set("polls", polls);
                                })
                                .doIf(session -> !session.getBoolean("done")).then(pause(Duration.ofMillis(POLL_MS))))
                        .exec(session -> {
                            if (session.contains("version") && !session.getBoolean("done")) {
                                CASCADE_TIMEOUTS.get(name).incrementAndGet();
                            }
                            return session;
                        })));
    }

    static ScenarioBuilder mixScenario(String name) {
        return scenario(name).exec(group(name).on(MIX_ARRIVAL));
    }

    static final ChainBuilder OWN_REJECT_SLOT = exec(session -> {
        Slot slot = REJECT_SLOTS.poll();
        if (slot == null) {
            throw new IllegalStateException("no reserved slot for sat-reject");
        }
        return session.set("cid", slot.campaignId()).set("scope", slot.scope());
    });

    {
        ScenarioBuilder warmup = mixScenario("warmup");
        ScenarioBuilder latency = mixScenario("latency");
        ScenarioBuilder cascadeLoad = scenario("cascade-load").exec(cascade("cascade-load", CASCADE_LOAD_POOL));
        ScenarioBuilder cascadeIdle = scenario("cascade-idle").exec(cascade("cascade-idle", CASCADE_IDLE_POOL));
        ScenarioBuilder satWarmup = CampaignApiSimulation.saturation("sat-warmup", CampaignApiSimulation.NOTHING, MIX_ARRIVAL);
        ScenarioBuilder satLiveness = CampaignApiSimulation.saturation("sat-liveness", CampaignApiSimulation.NOTHING, exec(LIVENESS));
        ScenarioBuilder satApprove = CampaignApiSimulation.saturation("sat-approve", CampaignApiSimulation.NOTHING, APPROVE_ONE);
        ScenarioBuilder satReject = CampaignApiSimulation.saturation("sat-reject", OWN_REJECT_SLOT, exec(REJECT).exec(REQUEST_REVIEW));
        ScenarioBuilder satCheck = CampaignApiSimulation.saturation("sat-check-publish", CampaignApiSimulation.NOTHING, CHECK_ONE);
        ScenarioBuilder satRead = CampaignApiSimulation.saturation("sat-approvals", CampaignApiSimulation.NOTHING, READ_ONE);
        ScenarioBuilder satLivenessEnd = CampaignApiSimulation.saturation("sat-liveness-end", CampaignApiSimulation.NOTHING, exec(LIVENESS));

        // The cascades under load are spread over the latency phase and end 10 s before it does (a cascade times out
        // after cascadeTimeoutMs), so that the phase after it starts on a quiet app.
        int loadSpread = Math.max(1, LATENCY_SECONDS - 10);
        PopulationBuilder afterLatency = CampaignApiSimulation.inSequence(
                cascadeIdle.injectOpen(rampUsers(CASCADE_IDLE)
                        .during(Duration.ofMillis(Math.round(1000.0 * CASCADE_IDLE / CASCADE_RATE)))),
                satWarmup.injectOpen(atOnceUsers(CONCURRENCY)),
                satLiveness.injectOpen(atOnceUsers(CONCURRENCY)),
                satApprove.injectOpen(atOnceUsers(CONCURRENCY)),
                satReject.injectOpen(atOnceUsers(CONCURRENCY)),
                satCheck.injectOpen(atOnceUsers(CONCURRENCY)),
                satRead.injectOpen(atOnceUsers(CONCURRENCY)),
                satLivenessEnd.injectOpen(atOnceUsers(CONCURRENCY)));
        PopulationBuilder latencyPhase = latency
                .injectOpen(constantUsersPerSec(RATE).during(LATENCY_SECONDS).randomized())
                .andThen(afterLatency);
        PopulationBuilder cascadeLoadPhase = cascadeLoad.injectOpen(rampUsers(CASCADE_LOAD).during(loadSpread));
        PopulationBuilder chain = warmup.injectOpen(constantUsersPerSec(RATE).during(WARMUP_SECONDS).randomized())
                .andThen(latencyPhase, cascadeLoadPhase);

        setUp(chain).protocols(protocol).assertions(
                // The aim, checked on the latency phase; run.sh reports the verdicts and does not stop on them.
                details("latency", "approve").responseTime().percentile(99.0).lt(15),
                details("latency", "reject").responseTime().percentile(99.0).lt(15),
                details("latency", "request-review").responseTime().percentile(99.0).lt(15),
                details("latency", "check-publish").responseTime().percentile(99.0).lt(15),
                global().failedRequests().count().is(0L));
    }

    // ---- seeding, outside Gatling's statistics ----

    @Override
    public void before() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            token = CampaignApiSimulation.signUpOrSignIn(client);
            for (String scope : SCOPES) {
                expect(send(client, "PUT", "/api/v1/approval-scopes/" + scope, STAGES_JSON), 200, "configure " + scope);
            }
            long start = System.nanoTime();
            List<Slot> slots = Collections.synchronizedList(new ArrayList<>());
            int cascades = CASCADE_IDLE + CASCADE_LOAD;
            List<String> approved = Collections.synchronizedList(new ArrayList<>());
            parallel(SEED + cascades, n -> {
                if (n < SEED) {
                    String id = seedOpen(client, n);
                    for (String scope : SCOPES) {
                        slots.add(new Slot(id, scope));
                    }
                } else {
                    approved.add(seedApproved(client, n));
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            // The slots of the first campaigns seeded are reserved for sat-reject; the rest are shuffled into the queue.
            List<Slot> ordered = new ArrayList<>(slots);
            ordered.sort((a, b) -> a.campaignId().compareTo(b.campaignId()) != 0
                    ? a.campaignId().compareTo(b.campaignId()) : a.scope().compareTo(b.scope()));
            for (int i = 0; i < CONCURRENCY && !ordered.isEmpty(); i++) {
                REJECT_SLOTS.add(ordered.remove(ordered.size() - 1));
            }
            Collections.shuffle(ordered);
            SLOTS.addAll(ordered);
            Collections.shuffle(approved);
            for (int i = 0; i < approved.size(); i++) {
                (i < CASCADE_IDLE ? CASCADE_IDLE_POOL : CASCADE_LOAD_POOL).add(approved.get(i));
            }
            campaignPool = CAMPAIGNS.toArray(new String[0]);
            String line = String.format(Locale.ROOT,
                    "seeded %d campaigns in %.1f s with %d API requests (%.0f req/s): %d with approvals initialized "
                            + "(4 scopes x 3 stages, %d open scope approvals, %d of them reserved for sat-reject), "
                            + "%d with strategy v1 and all 4 scopes approved through 3 stages for the cascade",
                    CAMPAIGNS.size(), seconds, SEED_REQUESTS.get(), SEED_REQUESTS.get() / seconds, SEED,
                    slots.size(), REJECT_SLOTS.size(), approved.size());
            System.out.println("[flightdeck-perf] " + line);
            if (!SEED_REPORT.isBlank()) {
                Files.writeString(Path.of(SEED_REPORT), line + "\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Seeding failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (campaignPool.length == 0 || SLOTS.isEmpty()) {
            throw new IllegalStateException("Nothing seeded");
        }
    }

    /** A campaign with its approvals initialized: four scopes, pending in stage 1 of 3. */
    static String seedOpen(HttpClient client, int n) throws IOException, InterruptedException {
        String id = createCampaign(client, n);
        expect(send(client, "POST", "/api/v1/campaigns/" + id + "/approvals/initialize", "{}"), 200, "initialize");
        return id;
    }

    /** A campaign with strategy version 1 and all four scopes approved through their three stages. */
    static String seedApproved(HttpClient client, int n) throws IOException, InterruptedException {
        String id = createCampaign(client, n);
        expect(send(client, "POST", "/api/v1/campaigns/" + id + "/strategies", STRATEGY_V1), 201, "strategy v1");
        expect(send(client, "POST", "/api/v1/campaigns/" + id + "/approvals/initialize", "{}"), 200, "initialize");
        for (String scope : SCOPES) {
            for (int stage = 1; stage <= 3; stage++) {
                HttpResponse<String> approved = send(client, "POST",
                        "/api/v1/campaigns/" + id + "/approvals/" + scope + "/approve", "{\"comment\":\"Seeded\"}");
                expect(approved, 200, "approve " + scope + " stage " + stage);
                String state = CampaignApiSimulation.field(approved.body(), "state");
                if (!state.equals(stage == 3 ? "APPROVED" : "PENDING")) {
                    throw new IOException("approve " + scope + " stage " + stage + " left it " + state);
                }
            }
        }
        HttpResponse<String> check = send(client, "POST", "/api/v1/campaigns/" + id + "/approvals/check-publish", "");
        expect(check, 200, "check-publish");
        if (!check.body().contains("\"ready\":true")) {
            throw new IOException("an all-approved campaign is not ready to publish: " + check.body());
        }
        return id;
    }

    static String createCampaign(HttpClient client, int n) throws IOException, InterruptedException {
        HttpResponse<String> created = send(client, "POST", "/api/v1/campaigns",
                CampaignApiSimulation.campaignJson(n, "approvals"));
        expect(created, 201, "create campaign");
        String id = CampaignApiSimulation.field(created.body(), "id");
        CAMPAIGNS.add(id);
        return id;
    }

    interface Seeder {
        void seed(int n) throws IOException, InterruptedException;
    }

    static void parallel(int count, Seeder seeder) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    seeder.seed(n);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("Seeding failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static HttpResponse<String> send(HttpClient client, String method, String path, String json)
            throws IOException, InterruptedException {
        SEED_REQUESTS.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    // ---- the cascade figures, and what the queue of open scopes went through ----

    @Override
    public void after() {
        StringBuilder json = new StringBuilder("{");
        for (String name : List.of("cascade-idle", "cascade-load")) {
            List<Cascade> rows = new ArrayList<>(CASCADES.get(name));
            json.append(String.format(Locale.ROOT, "\"%s\":{\"timeouts\":%d,\"elapsedMs\":[%s],\"postMs\":[%s],"
                            + "\"polls\":[%s],\"campaigns\":[%s]},",
                    name, CASCADE_TIMEOUTS.get(name).get(),
                    rows.stream().map(r -> String.format(Locale.ROOT, "%.3f", r.elapsedNs() / 1e6)).collect(Collectors.joining(",")),
                    rows.stream().map(r -> String.format(Locale.ROOT, "%.3f", r.postNs() / 1e6)).collect(Collectors.joining(",")),
                    rows.stream().map(r -> Integer.toString(r.polls())).collect(Collectors.joining(",")),
                    rows.stream().map(r -> "\"" + r.campaignId() + "\"").collect(Collectors.joining(","))));
            double[] ms = rows.stream().mapToDouble(r -> r.elapsedNs() / 1e6).sorted().toArray();
            System.out.printf(Locale.ROOT, "[flightdeck-perf] %s: %d cascades, %d timed out; p50 %.1f ms, p95 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms%n", name, ms.length, CASCADE_TIMEOUTS.get(name).get(),
                    pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.length == 0 ? Double.NaN : ms[ms.length - 1]);
        }
        json.append(String.format(Locale.ROOT, "\"slots\":{\"left\":%d,\"ranDry\":%d,\"approved\":%d,\"dropped\":%d}}",
                SLOTS.size(), SLOTS_DRY.get(), SCOPES_APPROVED.get(), SLOTS_DROPPED.get()));
        System.out.printf(Locale.ROOT, "[flightdeck-perf] queue of open scopes: %d left, ran dry %d times, %d scopes "
                + "approved through stage 3, %d dropped after an error%n", SLOTS.size(), SLOTS_DRY.get(),
                SCOPES_APPROVED.get(), SLOTS_DROPPED.get());
        if (!CASCADE_REPORT.isBlank()) {
            try {
                Files.writeString(Path.of(CASCADE_REPORT), json + "\n");
            } catch (IOException e) {
                System.err.println("Could not write " + CASCADE_REPORT + ": " + e.getMessage());
            }
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
