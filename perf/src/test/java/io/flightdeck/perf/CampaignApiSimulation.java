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
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Campaign API benchmark (issue 3); method, command and figures in docs/benchmarks.md:
 *
 * <ol>
 *   <li>{@link #before()}: signs up a workspace (or takes a token if it exists) and seeds {@code seed} campaigns through
 *       the API with a plain JDK HTTP client, outside Gatling's statistics; 60 % are moved along the lifecycle
 *       so that status filters find something.</li>
 *   <li>group {@code warmup}: the latency mix at the same arrival rate, reported apart and ignored.</li>
 *   <li>group {@code latency}: an open model ({@code constantUsersPerSec}) at a fixed arrival rate the machine can
 *       carry; every arriving user makes one request of the mix (liveness, get, list) or one campaign journey
 *       (create, update, plan, mark-ready, launch, pause, resume).</li>
 *   <li>group {@code sat-warmup}: the mix in a closed loop of {@code concurrency} users for {@code satWarmupSeconds},
 *       ignored.</li>
 *   <li>groups {@code sat-*}: throughput at saturation, one request type at a time, {@code concurrency} users each
 *       looping for {@code satSeconds} over a shared pool of as many keep-alive connections; the liveness probe
 *       first and again last ({@code sat-liveness-end}), as the floor to compare against.</li>
 * </ol>
 *
 * Request names are the same in every group: {@code liveness}, {@code get}, {@code list}, {@code create},
 * {@code update}, {@code transition}. Settings are system properties; see {@code perf/run.sh}.
 */
public class CampaignApiSimulation extends Simulation {

    // ---- settings (-Dname=value) ----
    static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:18080");
    static final String EMAIL = System.getProperty("benchEmail", "bench@example.com");
    static final String PASSWORD = System.getProperty("benchPassword", "bench-password-1");
    static final int SEED = Integer.getInteger("seed", 2000);
    static final int SEED_THREADS = Integer.getInteger("seedThreads", 8);
    /** Users arriving per second in the warm-up and latency phases; each makes one request or one journey. */
    static final double RATE = Double.parseDouble(System.getProperty("rate", "30"));
    static final int WARMUP_SECONDS = Integer.getInteger("warmupSeconds", 20);
    static final int LATENCY_SECONDS = Integer.getInteger("latencySeconds", 60);
    static final int CONCURRENCY = Integer.getInteger("concurrency", 8);
    static final int SAT_SECONDS = Integer.getInteger("satSeconds", 10);
    /** Long enough for the JIT to finish with the saturated paths (the floor measured 9.6k then 14.4k req/s at 10 s). */
    static final int SAT_WARMUP_SECONDS = Integer.getInteger("satWarmupSeconds", 60);
    /**
     * Mix of arrivals in percent: liveness, get, list, journey (journey = create + update + 5 transitions), get-key
     * (the get with the bench user's personal API key instead of the JWT). A mix of four leaves get-key out.
     */
    static final double[] MIX = parseMix(withGetKey(System.getProperty("mix", "20,25,25,10,20")),
            "liveness", "get", "list", "journey", "get-key");
    static final String SEED_REPORT = System.getProperty("seedReport", "");

    // ---- state shared with the scenarios, filled in before() ----
    static volatile String token = "";
    /** The bench user's personal API key (fd_...), created during seeding. */
    static volatile String apiKey = "";
    static final List<String> SEEDED_IDS = Collections.synchronizedList(new ArrayList<>());
    static volatile String[] idPool = new String[0];

    static final String[] WORDS = {"Spring launch", "Summer sale", "Webinar series", "Brand refresh", "Holiday promo",
            "Partner week", "Product tour", "Customer stories", "Trade fair", "Newsletter relaunch", "Back to school",
            "Black Friday", "Loyalty drive", "Beta invite", "Podcast season"};
    static final String[] TYPES = {"PRODUCT_LAUNCH", "BRAND_AWARENESS", "LEAD_GENERATION", "EVENT",
            "SEASONAL_PROMOTION", "CONTENT_SERIES", "OTHER"};
    static final String[] PRIORITIES = {"LOW", "MEDIUM", "MEDIUM", "HIGH", "URGENT"};
    static final String[] CHANNELS = {"EMAIL", "FACEBOOK", "INSTAGRAM", "LINKEDIN", "TWITTER", "TIKTOK", "YOUTUBE",
            "BLOG", "SEARCH_ADS"};
    static final String[] TAGS = {"bench", "q1", "q2", "q3", "q4", "emea", "na", "apac", "b2b", "b2c", "evergreen"};
    static final String[] LIST_QUERIES = {
            "/api/v1/campaigns?page=0&size=20",
            "/api/v1/campaigns?status=ACTIVE&page=0&size=20",
            "/api/v1/campaigns?q=webinar&page=0&size=20",
            "/api/v1/campaigns?tag=emea&sort=name,asc&page=2&size=20",
            "/api/v1/campaigns?status=DRAFT&status=PLANNING&priority=HIGH&page=0&size=20",
            "/api/v1/campaigns?channel=EMAIL&from=2027-03-01&to=2027-04-30&page=1&size=20"};

    // ---- HTTP ----
    final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .userAgentHeader("flightdeck-perf/gatling")
            .disableWarmUp() // Gatling's default warm-up calls gatling.io; load goes to localhost only
            .disableCaching()
            .shareConnections(); // one keep-alive pool for all users: connections = concurrent requests

    static HttpRequestActionBuilder authed(HttpRequestActionBuilder request) {
        return request.header("Authorization", session -> "Bearer " + token);
    }

    static String randomSeededId() {
        String[] pool = idPool;
        return pool[ThreadLocalRandom.current().nextInt(pool.length)];
    }

    static Session withRandomId(Session session) {
        return session.set("id", randomSeededId());
    }

    static Session withListQuery(Session session) {
        return session.set("listUrl", LIST_QUERIES[ThreadLocalRandom.current().nextInt(LIST_QUERIES.length)]);
    }

    static Session withCampaignBody(Session session) {
        return session.set("body", campaignJson(ThreadLocalRandom.current().nextInt(1_000_000), "bench"));
    }

    // ---- requests, named the same in every phase ----
    static final HttpRequestActionBuilder LIVENESS = http("liveness").get("/actuator/health/liveness")
            .check(status().is(200));
    static final HttpRequestActionBuilder GET = authed(http("get").get("/api/v1/campaigns/#{id}"))
            .check(status().is(200));
    static final HttpRequestActionBuilder GET_KEY = http("get-key").get("/api/v1/campaigns/#{id}")
            .header("Authorization", session -> "Bearer " + apiKey)
            .check(status().is(200));
    static final HttpRequestActionBuilder LIST = authed(http("list").get("#{listUrl}"))
            .check(status().is(200), jmesPath("total").exists());
    static final HttpRequestActionBuilder CREATE = authed(http("create").post("/api/v1/campaigns")
            .body(StringBody("#{body}")).asJson())
            .check(status().is(201), jmesPath("id").saveAs("cid"), header("ETag").saveAs("etag"));
    static final HttpRequestActionBuilder UPDATE = authed(http("update").put("/api/v1/campaigns/#{cid}")
            .header("If-Match", "#{etag}")
            .body(StringBody("#{body}")).asJson())
            .check(status().is(200), header("ETag").saveAs("etag"));

    /** A lifecycle move; a launch confirms it is early (the benchmark's campaigns start in 2027). */
    static HttpRequestActionBuilder transition(String move) {
        HttpRequestActionBuilder request = http("transition").post("/api/v1/campaigns/#{cid}/" + move);
        if (move.equals("launch")) {
            request = request.body(StringBody(LAUNCH_CONFIRMED)).asJson();
        }
        return authed(request).check(status().is(200));
    }

    static final String LAUNCH_CONFIRMED = "{\"confirm\":true}";

    /** A campaign's life through the API: create, edit, then plan, mark ready, launch, pause and resume it. */
    static final ChainBuilder JOURNEY = exec(CampaignApiSimulation::withCampaignBody).exec(CREATE)
            .exec(CampaignApiSimulation::withCampaignBody).exec(UPDATE)
            .exec(transition("plan"), transition("mark-ready"), transition("launch"), transition("pause"),
                    transition("resume"));

    /** One arrival of the mix: one request, or one journey. */
    static final ChainBuilder MIX_ARRIVAL = randomSwitch().on(
            percent(MIX[0]).then(exec(LIVENESS)),
            percent(MIX[1]).then(exec(CampaignApiSimulation::withRandomId).exec(GET)),
            percent(MIX[2]).then(exec(CampaignApiSimulation::withListQuery).exec(LIST)),
            percent(MIX[3]).then(JOURNEY),
            percent(MIX[4]).then(exec(CampaignApiSimulation::withRandomId).exec(GET_KEY)));

    static ScenarioBuilder mixScenario(String name) {
        return scenario(name).exec(group(name).on(MIX_ARRIVAL));
    }

    /** A closed loop of one request type, for throughput at saturation; {@code setup} runs once per user. */
    static ScenarioBuilder saturation(String name, ChainBuilder setup, ChainBuilder loop) {
        return saturation(name, setup, loop, SAT_SECONDS);
    }

    static ScenarioBuilder saturation(String name, ChainBuilder setup, ChainBuilder loop, int seconds) {
        return scenario(name).exec(group(name + "-setup").on(setup))
                .exec(group(name).on(during(Duration.ofSeconds(seconds)).on(loop)));
    }

    static final ChainBuilder NOTHING = exec(session -> session);
    static final ChainBuilder OWN_CAMPAIGN = exec(CampaignApiSimulation::withCampaignBody).exec(CREATE);
    static final ChainBuilder OWN_ACTIVE_CAMPAIGN = OWN_CAMPAIGN
            .exec(transition("plan"), transition("mark-ready"), transition("launch"));

    {
        ScenarioBuilder warmup = mixScenario("warmup");
        ScenarioBuilder latency = mixScenario("latency");
        // Closed-loop warm-up: the latency phase runs a few dozen requests a second; at saturation the app, the
        // JDBC driver and Gatling itself take other code paths hot, and the first segment measured came out 2-4x slow.
        ScenarioBuilder satWarmup = saturation("sat-warmup", NOTHING, MIX_ARRIVAL, SAT_WARMUP_SECONDS);
        ScenarioBuilder satLiveness = saturation("sat-liveness", NOTHING, exec(LIVENESS));
        ScenarioBuilder satGet = saturation("sat-get", NOTHING, exec(CampaignApiSimulation::withRandomId).exec(GET));
        ScenarioBuilder satGetKey = saturation("sat-get-key", NOTHING, exec(CampaignApiSimulation::withRandomId).exec(GET_KEY));
        ScenarioBuilder satList = saturation("sat-list", NOTHING, exec(CampaignApiSimulation::withListQuery).exec(LIST));
        ScenarioBuilder satUpdate = saturation("sat-update", OWN_CAMPAIGN, exec(CampaignApiSimulation::withCampaignBody).exec(UPDATE));
        ScenarioBuilder satTransition = saturation("sat-transition", OWN_ACTIVE_CAMPAIGN,
                exec(transition("pause"), transition("resume")));
        ScenarioBuilder satCreate = saturation("sat-create", NOTHING, exec(CampaignApiSimulation::withCampaignBody).exec(CREATE));
        // The floor again at the end: on a shared machine the neighbours' load moves, so the ratio uses the mean of both.
        ScenarioBuilder satLivenessEnd = saturation("sat-liveness-end", NOTHING, exec(LIVENESS));

        PopulationBuilder chain = inSequence(
                warmup.injectOpen(constantUsersPerSec(RATE).during(WARMUP_SECONDS).randomized()),
                latency.injectOpen(constantUsersPerSec(RATE).during(LATENCY_SECONDS).randomized()),
                satWarmup.injectOpen(atOnceUsers(CONCURRENCY)),
                satLiveness.injectOpen(atOnceUsers(CONCURRENCY)),
                satGet.injectOpen(atOnceUsers(CONCURRENCY)),
                satGetKey.injectOpen(atOnceUsers(CONCURRENCY)),
                satList.injectOpen(atOnceUsers(CONCURRENCY)),
                satUpdate.injectOpen(atOnceUsers(CONCURRENCY)),
                satTransition.injectOpen(atOnceUsers(CONCURRENCY)),
                satCreate.injectOpen(atOnceUsers(CONCURRENCY)),
                satLivenessEnd.injectOpen(atOnceUsers(CONCURRENCY)));

        setUp(chain).protocols(protocol).assertions(
                // The aims, checked on the latency phase; run.sh reports them, it does not stop on them.
                details("latency", "get").responseTime().percentile(99.0).lt(20),
                details("latency", "get-key").responseTime().percentile(99.0).lt(20),
                details("latency", "create").responseTime().percentile(99.0).lt(40),
                global().failedRequests().count().is(0L));
    }

    /** Runs the populations one after the other: each starts when the one before has finished. */
    static PopulationBuilder inSequence(PopulationBuilder... steps) {
        PopulationBuilder chain = steps[steps.length - 1];
        for (int i = steps.length - 2; i >= 0; i--) {
            chain = steps[i].andThen(chain);
        }
        return chain;
    }

    // ---- seeding, outside Gatling's statistics ----

    @Override
    public void before() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            token = signUpOrSignIn(client);
            apiKey = createApiKey(client);
            disableApprovalGate(client);
            long start = System.nanoTime();
            seed(client);
            double seconds = (System.nanoTime() - start) / 1e9;
            idPool = SEEDED_IDS.toArray(new String[0]);
            String line = String.format(Locale.ROOT, "seeded %d campaigns (%d lifecycle moves) in %.1f s: %.0f campaigns/s",
                    SEEDED_IDS.size(), MOVES.get(), seconds, SEEDED_IDS.size() / seconds);
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
        if (idPool.length == 0) {
            throw new IllegalStateException("No campaigns to read");
        }
    }

    static final AtomicInteger MOVES = new AtomicInteger();

    /**
     * A launch waits for every enabled approval scope to be approved, and a new campaign's automatic timeline adds
     * readiness items (its critical tasks are unassigned) that keep an unplanned campaign below the threshold. This
     * benchmark measures the campaign lifecycle alone, so it disables the workspace's four default scopes (the launch
     * still asks the gate, which then has nothing to block) and automatic timelines; approvals are measured by
     * ApprovalApiSimulation. An app without approvals or planning answers 404, which is fine.
     */
    static void disableApprovalGate(HttpClient client) throws IOException, InterruptedException {
        HttpRequest settings = HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/planning-settings"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"autoTimeline\":false,\"bufferUrgent\":5,\"bufferHigh\":10,\"bufferMedium\":15,\"bufferLow\":20}"))
                .build();
        HttpResponse<String> planning = client.send(settings, HttpResponse.BodyHandlers.ofString());
        if (planning.statusCode() != 200 && planning.statusCode() != 404) {
            throw new IOException("switching automatic timelines off answered " + planning.statusCode() + ": " + planning.body());
        }
        for (String scope : List.of("strategy", "content", "schedule", "ads")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/approval-scopes/" + scope))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                throw new IOException("disabling the approval scope " + scope + " answered " + response.statusCode()
                        + ": " + response.body());
            }
        }
    }

    /** A personal API key for the bench user, with the owner's role, for the get-key requests. */
    static String createApiKey(HttpClient client) throws IOException, InterruptedException {
        HttpResponse<String> response = post(client, "/api/v1/api-keys",
                "{\"name\":\"benchmark\",\"roleCeiling\":\"OWNER\"}", token);
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IOException("creating the API key answered " + response.statusCode() + ": " + response.body());
        }
        return field(response.body(), "secret");
    }

    static String withGetKey(String mix) {
        return mix.split(",").length == 4 ? mix + ",0" : mix;
    }

    static String signUpOrSignIn(HttpClient client) throws IOException, InterruptedException {
        String signUp = String.format(Locale.ROOT,
                "{\"workspaceName\":\"Benchmark\",\"displayName\":\"Bench Owner\",\"email\":\"%s\",\"password\":\"%s\","
                        + "\"timeZone\":\"Europe/Berlin\"}", EMAIL, PASSWORD);
        HttpResponse<String> response = post(client, "/api/v1/auth/signup", signUp, null);
        if (response.statusCode() != 201) {
            // The account exists already (a second run on the same database): exchange the password for a token.
            response = post(client, "/api/v1/auth/token",
                    String.format(Locale.ROOT, "{\"email\":\"%s\",\"password\":\"%s\"}", EMAIL, PASSWORD), null);
            if (response.statusCode() != 200) {
                throw new IOException("Neither sign-up nor token worked: " + response.statusCode() + " " + response.body());
            }
        }
        return field(response.body(), "accessToken");
    }

    static void seed(HttpClient client) throws InterruptedException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < SEED; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    seedOne(client, n);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("Seeding a campaign failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Campaign n; its place along the lifecycle depends on n so that every list filter finds a share. */
    static void seedOne(HttpClient client, int n) throws IOException, InterruptedException {
        HttpResponse<String> created = post(client, "/api/v1/campaigns", campaignJson(n, TAGS[n % TAGS.length]), token);
        if (created.statusCode() != 201) {
            throw new IOException("create answered " + created.statusCode() + ": " + created.body());
        }
        String id = field(created.body(), "id");
        SEEDED_IDS.add(id);
        List<String> moves = switch (n % 10) {
            case 0, 1 -> List.of("plan", "mark-ready", "launch"); // ACTIVE, 20 %
            case 2 -> List.of("plan", "mark-ready", "launch", "pause"); // PAUSED, 10 %
            case 3 -> List.of("plan"); // PLANNING, 10 %
            case 4 -> List.of("plan", "mark-ready"); // READY, 10 %
            case 5 -> List.of("cancel"); // CANCELLED, 10 %
            default -> List.of(); // DRAFT, 40 %
        };
        for (String move : moves) {
            HttpResponse<String> moved = post(client, "/api/v1/campaigns/" + id + "/" + move,
                    move.equals("launch") ? LAUNCH_CONFIRMED : "", token);
            if (moved.statusCode() != 200) {
                throw new IOException(move + " answered " + moved.statusCode() + ": " + moved.body());
            }
            MOVES.incrementAndGet();
        }
    }

    /** A fully filled-in campaign (dates, budget, channels, a description of 20+ characters), so it can launch. */
    static String campaignJson(int n, String tag) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate start = LocalDate.of(2027, 1, 1).plusDays(n % 365);
        LocalDate end = start.plusDays(14 + n % 60);
        String channel1 = CHANNELS[n % CHANNELS.length];
        String channel2 = CHANNELS[(n / 3 + 1) % CHANNELS.length];
        String channels = channel1.equals(channel2) ? "\"" + channel1 + "\"" : "\"" + channel1 + "\",\"" + channel2 + "\"";
        return String.format(Locale.ROOT, "{\"name\":\"%s %05d\",\"type\":\"%s\","
                        + "\"description\":\"%s for the %s audience, run %d: goals, audience and key messages agreed.\","
                        + "\"objective\":\"Reach %d qualified leads\",\"priority\":\"%s\",\"channels\":[%s],"
                        + "\"tags\":[\"bench\",\"%s\"],\"startDate\":\"%s\",\"endDate\":\"%s\","
                        + "\"budget\":{\"amount\":%d,\"currency\":\"EUR\"}}",
                WORDS[n % WORDS.length], n, TYPES[n % TYPES.length], WORDS[n % WORDS.length], TAGS[n % TAGS.length], n,
                100 + random.nextInt(900), PRIORITIES[n % PRIORITIES.length], channels, tag, start, end,
                1000 + (n % 50) * 250);
    }

    static HttpResponse<String> post(HttpClient client, String path, String json, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) throws IOException {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IOException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    /** Percentages for the named request types, in order; they must add up to 100. */
    static double[] parseMix(String text, String... names) {
        String[] parts = text.split(",");
        if (parts.length != names.length) {
            throw new IllegalArgumentException("the mix needs " + names.length + " percentages: " + String.join(",", names));
        }
        double[] mix = new double[names.length];
        double sum = 0;
        for (int i = 0; i < names.length; i++) {
            mix[i] = Double.parseDouble(parts[i].trim());
            sum += mix[i];
        }
        if (Math.abs(sum - 100) > 0.001) {
            throw new IllegalArgumentException("the mix must add up to 100: " + text);
        }
        return mix;
    }
}
