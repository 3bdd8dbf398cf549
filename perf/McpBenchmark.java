import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MCP benchmark (issue 47): {@code tools/list} and {@code tools/call get_campaign_readiness} on the MCP server
 * ({@code POST /mcp}, stateless Streamable HTTP, JSON-RPC 2.0) beside the same reads over REST and the liveness floor,
 * in the same run, against a running Flightdeck on PostgreSQL. Run by perf/mcp-bench.sh, which starts the app on a
 * fresh database.
 *
 * <p>Through the API: a workspace, a personal API key (every request after uses it, REST and MCP alike), CAMPAIGNS
 * campaigns with dates, channels and a budget, and one measured campaign that is planned (its template timeline, so
 * tasks), with a strategy, its approval scopes started and TASKS more tasks: its readiness has something to say on
 * every check. Then MCP {@code initialize} once, as a client does, and one answer of each kind checked and kept.
 *
 * <p>Then a closed loop of CONNECTIONS client threads (JDK HttpClient, HTTP/1.1) per phase: liveness (the floor),
 * {@code GET /api/v1/campaigns} (the REST list), MCP {@code tools/list}, {@code GET /api/v1/campaigns/{id}/readiness}
 * and MCP {@code tools/call get_campaign_readiness} with the same id; WARMUP_SECONDS of all five mixed, then ROUNDS
 * rounds of LATENCY_SECONDS per phase, the phases interleaved round after round. Every answer is checked: a status
 * other than 200, a JSON-RPC error or a tool result with {@code isError: true} is counted as an error, not a sample.
 * Last, each phase one request at a time with the database's counters read around (transactions and rows written
 * per request: where an MCP call's time goes beside its REST twin).
 *
 * Arguments: baseUrl jdbcUrl dbUser dbPassword outDir, then settings as name=value (see mcp-bench.sh).
 */
public class McpBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String PROTOCOL = "2025-11-25";
    static final String[] CHANNELS = {"TWITTER", "LINKEDIN", "INSTAGRAM", "FACEBOOK"};
    static final String[] TYPES = {"PRODUCT_LAUNCH", "BRAND_AWARENESS", "EVENT", "OTHER"};

    static String baseUrl;
    static String key;
    static String jdbcUrl;
    static String dbUser;
    static String dbPassword;
    static final Pattern ANSWER = Pattern.compile("^\\{\"jsonrpc\":\"2\\.0\",\"id\":\\d+,\"(result|error)\":");
    static final AtomicLong rpcId = new AtomicLong(1);

    /** One measured phase: how to make its request and how to tell its answer is a success. */
    record Phase(String name, IntFunction<HttpRequest> request, Predicate<String> ok) {
    }

    public static void main(String[] args) throws Exception {
        baseUrl = args[0];
        jdbcUrl = args[1];
        dbUser = args[2];
        dbPassword = args[3];
        Path out = Path.of(args[4]);
        Map<String, String> settings = new HashMap<>();
        for (int i = 5; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        int campaignCount = Integer.parseInt(settings.getOrDefault("campaigns", "200"));
        int taskCount = Integer.parseInt(settings.getOrDefault("tasks", "20"));
        int connections = Integer.parseInt(settings.getOrDefault("connections", "4"));
        int warmup = Integer.parseInt(settings.getOrDefault("warmupSeconds", "20"));
        int seconds = Integer.parseInt(settings.getOrDefault("latencySeconds", "30"));
        int rounds = Integer.parseInt(settings.getOrDefault("rounds", "2"));
        int profiled = Integer.parseInt(settings.getOrDefault("profileRequests", "50"));
        String callsPerMinute = settings.getOrDefault("callsPerMinute", "?");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // ---- 1. workspace, key, campaigns ----
        log("signing up, making an API key; load " + load());
        String email = "bench-mcp-" + System.currentTimeMillis() + "@example.com";
        String token = field(send("POST", "/api/v1/auth/signup", """
                {"workspaceName":"MCP benchmark","displayName":"Bench Owner","email":"%s",\
                "password":"bench-password-1","timeZone":"UTC"}""".formatted(email), "Bearer none", 201), "accessToken");
        key = field(send("POST", "/api/v1/api-keys", "{\"name\":\"mcp-bench\",\"roleCeiling\":\"OWNER\"}",
                "Bearer " + token, 201), "secret");
        long t0 = System.nanoTime();
        log(campaignCount + " campaigns through the API (4 clients); load " + load());
        parallel(4, campaignCount, i -> post("/api/v1/campaigns", """
                {"name":"MCP bench %04d","type":"%s","priority":"%s","description":"A benchmark campaign number %d",\
                "objective":"Sign-ups","channels":["%s","%s"],"startDate":"%s","endDate":"%s",\
                "budget":{"amount":%d.00,"currency":"EUR"}}""".formatted(i, TYPES[i % TYPES.length],
                i % 3 == 0 ? "HIGH" : "MEDIUM", i, CHANNELS[i % 4], CHANNELS[(i + 1) % 4],
                today.plusDays(i % 60 - 30), today.plusDays(i % 60 + 30), 5000 + 100 * (i % 50)), 201));
        double campaignSeconds = secondsSince(t0);
        log(String.format(Locale.ROOT, "campaigns done in %.0f s", campaignSeconds));

        UUID measured = UUID.fromString(field(post("/api/v1/campaigns", """
                {"name":"MCP bench measured","type":"PRODUCT_LAUNCH","priority":"HIGH","description":"The campaign \
                whose readiness is read","objective":"Sign-ups","channels":["TWITTER","LINKEDIN"],"startDate":"%s",\
                "endDate":"%s","budget":{"amount":25000.00,"currency":"EUR"}}""".formatted(today.plusDays(14),
                today.plusDays(104)), 201), "id"));
        post("/api/v1/campaigns/" + measured + "/plan", "{}", 200);
        post("/api/v1/campaigns/" + measured + "/strategies", """
                {"platforms":["TWITTER","LINKEDIN"],"goals":["Sign-ups"],"targetAudience":"Small roasteries",\
                "contentPillars":["Origins","Brewing"],"brandTone":"Warm","cadence":"Three posts a week"}""", 201);
        post("/api/v1/campaigns/" + measured + "/approvals/initialize", "{}", 200);
        awaitTimeline(measured);
        for (int i = 0; i < taskCount; i++) {
            post("/api/v1/campaigns/" + measured + "/tasks", """
                    {"title":"Bench task %03d","durationDays":%d,"estimateHours":%d}""".formatted(i, 1 + i % 3,
                    2 + i % 5), 201);
        }
        Map<String, String> shape = new LinkedHashMap<>();
        try (Connection db = db(); Statement s = db.createStatement()) {
            shape.put("campaigns in the workspace", one(db, "select count(*) from campaigns"));
            shape.put("tasks of the measured campaign", one(db, "select count(*) from tasks where campaign_id = '"
                    + measured + "' and deleted_at is null"));
            shape.put("approvals of the measured campaign", one(db, "select count(*) from approvals where campaign_id"
                    + " = '" + measured + "'"));
            for (String table : List.of("campaigns", "tasks", "approvals", "api_keys")) {
                s.execute("vacuum analyze " + table);
            }
        }
        shape.forEach((k, v) -> log(k + ": " + v));

        // ---- 2. MCP: initialize once, then one answer of each kind checked ----
        HttpResponse<String> init = HTTP.send(mcp("""
                {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"%s","capabilities":{},\
                "clientInfo":{"name":"bench","version":"1"}}}""".formatted(PROTOCOL)),
                HttpResponse.BodyHandlers.ofString());
        String initBody = payload(init.body());
        if (init.statusCode() != 200 || !initBody.contains("\"protocolVersion\":\"" + PROTOCOL + "\"")) {
            throw new IOException("initialize: " + init.statusCode() + " " + init.body());
        }
        log("initialize: 200, " + init.headers().firstValue("Content-Type").orElse("?") + ", session header "
                + init.headers().firstValue("Mcp-Session-Id").orElse("none"));
        Files.writeString(out.resolve("mcp-initialize.json"), initBody);

        String listTools = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/list\"}";
        String callReadiness = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"get_campaign_readiness\",\"arguments\":{\"id\":\"" + measured + "\"}}}";
        Predicate<String> restOk = body -> true;
        Predicate<String> toolsOk = body -> {
            String p = payload(body);
            return isResult(p) && p.contains("\"name\":\"get_campaign_readiness\"");
        };
        Predicate<String> callOk = body -> {
            String p = payload(body);
            return isResult(p) && p.contains("\"structuredContent\"") && !p.contains("\"isError\":true");
        };
        List<Phase> phases = List.of(
                new Phase("liveness (floor)", i -> plain("/actuator/health/liveness"), restOk),
                new Phase("REST GET /api/v1/campaigns", i -> plain("/api/v1/campaigns"), restOk),
                new Phase("MCP tools/list", i -> mcp(listTools.formatted(rpcId.getAndIncrement())), toolsOk),
                new Phase("REST GET /api/v1/campaigns/{id}/readiness",
                        i -> plain("/api/v1/campaigns/" + measured + "/readiness"), restOk),
                new Phase("MCP tools/call get_campaign_readiness",
                        i -> mcp(callReadiness.formatted(rpcId.getAndIncrement())), callOk));
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Phase phase : phases) {
            HttpResponse<String> r = HTTP.send(phase.request().apply(0), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !phase.ok().test(r.body())) {
                throw new IOException(phase.name() + ": " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(2000, r.body().length())));
            }
            sizes.put(phase.name(), r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            Files.writeString(out.resolve(phase.name().replaceAll("[^A-Za-z]+", "_") + ".txt"), r.body());
            log(phase.name() + ": 200, " + r.headers().firstValue("Content-Type").orElse("?") + ", "
                    + sizes.get(phase.name()) + " bytes");
        }
        String restReadiness = body(plain("/api/v1/campaigns/" + measured + "/readiness"), 200);
        String mcpReadiness = payload(body(mcp(callReadiness.formatted(rpcId.getAndIncrement())), 200));
        String score = field(restReadiness, "score");
        if (!mcpReadiness.contains("\"score\":" + score)) {
            throw new IOException("the MCP readiness is not the REST one (score " + score + "): " + mcpReadiness);
        }
        int toolCount = count(payload(body(mcp(listTools.formatted(rpcId.getAndIncrement())), 200)),
                "\"inputSchema\"");
        log("readiness score " + score + " both ways; tools/list answers " + toolCount + " tools");

        // ---- 3. latency: closed loop, phases interleaved round after round ----
        log("warm-up: " + warmup + " s of all five mixed, " + connections + " connections; load " + load());
        Stats warm = loop(new Phase("mixed", i -> phases.get(i % phases.size()).request().apply(i),
                body -> true), connections, warmup);
        log("warm-up: " + warm);
        Map<String, List<Stats>> byName = new LinkedHashMap<>();
        List<String> roundLoads = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            roundLoads.add(load());
            for (Phase phase : phases) {
                Stats st = loop(phase, connections, seconds);
                byName.computeIfAbsent(phase.name(), k -> new ArrayList<>()).add(st);
                log(String.format(Locale.ROOT, "round %d %s: %s; load %s", round, phase.name(), st, load()));
            }
        }

        // ---- 4. one request at a time, the database's counters around ----
        log("one request at a time, the database's counters around; an idle window first");
        Idle idle = idle();
        StringBuilder profile = new StringBuilder(String.format(Locale.ROOT, "idle: %.1f transactions a second (the"
                + " app's own jobs), subtracted below, as are the idle window's scans and writes%n", idle.commits()
                / idle.seconds()));
        for (Phase phase : phases.subList(1, phases.size())) {
            profile.append(profile(phase, profiled, idle)).append('\n');
        }
        Files.writeString(out.resolve("profile.txt"), profile);

        // ---- 5. the report ----
        StringBuilder rows = new StringBuilder();
        Map<String, Stats> pooled = new LinkedHashMap<>();
        for (Map.Entry<String, List<Stats>> e : byName.entrySet()) {
            Stats all = Stats.pool(e.getValue());
            pooled.put(e.getKey(), all);
        }
        Stats live = pooled.get("liveness (floor)");
        for (Map.Entry<String, Stats> e : pooled.entrySet()) {
            Stats st = e.getValue();
            rows.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.2f | %.2f | %.2f | %.1f | %d | %,d |%n",
                    e.getKey(), st.count, st.rate, st.p(50), st.p(95), st.p(99), st.p(99) / live.p(99), st.errors,
                    sizes.get(e.getKey())));
        }
        StringBuilder perRound = new StringBuilder();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<Stats>> e : byName.entrySet()) {
                Stats st = e.getValue().get(round);
                perRound.append(String.format(Locale.ROOT, "| %d | %s | %,d | %,.0f | %.2f | %.2f | %.2f | %d | %s |%n",
                        round + 1, e.getKey(), st.count, st.rate, st.p(50), st.p(95), st.p(99), st.errors,
                        roundLoads.get(round)));
            }
        }
        Stats restList = pooled.get("REST GET /api/v1/campaigns");
        Stats mcpList = pooled.get("MCP tools/list");
        Stats restReady = pooled.get("REST GET /api/v1/campaigns/{id}/readiness");
        Stats mcpReady = pooled.get("MCP tools/call get_campaign_readiness");
        double ratio = mcpReady.p(99) / restReady.p(99);
        StringBuilder ratioRounds = new StringBuilder();
        for (int round = 0; round < rounds; round++) {
            ratioRounds.append(round == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f",
                    byName.get("MCP tools/call get_campaign_readiness").get(round).p(99)
                            / byName.get("REST GET /api/v1/campaigns/{id}/readiness").get(round).p(99)));
        }
        StringBuilder shapeRows = new StringBuilder();
        shape.forEach((k, v) -> shapeRows.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        String report = String.format(Locale.ROOT, """
                ## MCP benchmark (issue 47): tools/list and get_campaign_readiness beside REST; PostgreSQL

                Closed loop, %d connections (JDK HttpClient, HTTP/1.1, one personal API key), %d s of all five mixed as \
                warm-up, then %d round(s) of %d s per phase, interleaved; figures pooled over the rounds (%d s per \
                phase). MCP: stateless Streamable HTTP, protocol %s, initialize once before; tool calls per minute \
                per key: %s. Errors (status not 200, a JSON-RPC error, isError true) are counted, not sampled.

                | phase | requests | req/s | p50 ms | p95 ms | p99 ms | p99 vs liveness | errors | answer bytes |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                %s
                | aim | measured |
                | --- | --- |
                | MCP readiness p99 / REST readiness p99 (aim: at most 1.5) | **%.2f** (%.2f / %.2f ms; per round %s) |
                | MCP tools/list p99 / REST list p99 | %.2f (%.2f / %.2f ms) |
                | MCP tools/list p99 / liveness p99 | %.2f |

                tools/list has no REST twin: it is set beside the liveness floor and the REST campaign list (a page of \
                20 of %s campaigns). tools/list answers %d tools.

                Per round:

                | round | phase | requests | req/s | p50 ms | p95 ms | p99 ms | errors | load average at the round's start |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                %s
                One request at a time (%d each), the database's counters around (profile.txt):

                ```
                %s```

                Data:

                | what | count |
                | --- | --- |
                %s| campaigns through the API (s) | %.0f |

                Load average at the end: %s.
                """, connections, warmup, rounds, seconds, rounds * seconds, PROTOCOL, callsPerMinute, rows, ratio,
                mcpReady.p(99), restReady.p(99), ratioRounds, mcpList.p(99) / restList.p(99), mcpList.p(99),
                restList.p(99), mcpList.p(99) / live.p(99), shape.get("campaigns in the workspace"), toolCount,
                perRound, profiled, profile, shapeRows, campaignSeconds, load());
        Files.writeString(out.resolve("summary.md"), report);
        System.out.println();
        System.out.println(report);
    }

    // ------------------------------------------------------------------------------------------------------------
    // requests

    static HttpRequest plain(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofMinutes(2)).GET().build();
    }

    static HttpRequest mcp(String json) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/mcp")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", PROTOCOL).timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /**
     * A JSON-RPC answer with a result, not an error: the SDK writes jsonrpc, id, then result or error, so the key is
     * near the start (further in, a tool's schemas may well have a property called error).
     */
    static boolean isResult(String message) {
        Matcher m = ANSWER.matcher(message);
        return m.find() && m.group(1).equals("result");
    }

    /** The JSON-RPC message of an answer: the body itself, or the data of its SSE event. */
    static String payload(String body) {
        if (body.startsWith("{")) {
            return body;
        }
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\r?\n")) {
            if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return data.toString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // latency

    static class Stats {
        long count;
        double[] sorted;
        double rate;
        long errors;
        double elapsed;

        Stats(double[] values) {
            sorted = values.clone();
            Arrays.sort(sorted);
            count = sorted.length;
        }

        static Stats pool(List<Stats> all) {
            Stats s = new Stats(all.stream().flatMapToDouble(st -> Arrays.stream(st.sorted)).toArray());
            s.elapsed = all.stream().mapToDouble(st -> st.elapsed).sum();
            s.errors = all.stream().mapToLong(st -> st.errors).sum();
            s.rate = s.count / s.elapsed;
            return s;
        }

        double p(double pct) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(pct / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d requests, %,.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f"
                    + " ms%s", count, rate, p(50), p(95), p(99), sorted.length == 0 ? Double.NaN
                    : sorted[sorted.length - 1], errors > 0 ? ", " + errors + " errors" : "");
        }
    }

    /**
     * A closed loop: {@code connections} threads sending one request after another for {@code seconds}. Only
     * successful answers are samples; the others are counted as errors (and the first few logged).
     */
    static Stats loop(Phase phase, int connections, int seconds) throws Exception {
        AtomicLong errors = new AtomicLong();
        AtomicInteger counter = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long t0 = System.nanoTime();
        List<Future<double[]>> futures = new ArrayList<>();
        for (int k = 0; k < connections; k++) {
            futures.add(pool.submit(() -> {
                double[] times = new double[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest r = phase.request().apply(counter.getAndIncrement());
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
                    double ms = (System.nanoTime() - sent) / 1e6;
                    if (answer.statusCode() == 200 && phase.ok().test(answer.body())) {
                        if (n == times.length) {
                            times = Arrays.copyOf(times, n * 2);
                        }
                        times[n++] = ms;
                    } else if (errors.incrementAndGet() <= 3) {
                        log(phase.name() + ": an error: " + answer.statusCode() + " "
                                + answer.body().substring(0, Math.min(300, answer.body().length())));
                    }
                }
                return Arrays.copyOf(times, n);
            }));
        }
        List<double[]> parts = new ArrayList<>();
        for (Future<double[]> f : futures) {
            parts.add(f.get());
        }
        double elapsed = secondsSince(t0);
        pool.shutdown();
        Stats s = new Stats(parts.stream().flatMapToDouble(Arrays::stream).toArray());
        s.elapsed = elapsed;
        s.rate = s.count / elapsed;
        s.errors = errors.get();
        return s;
    }

    // ------------------------------------------------------------------------------------------------------------
    // what one request costs the database

    /** The database's counters in an idle window: what the app's own background jobs write and commit a second. */
    record Idle(Map<String, long[]> before, Map<String, long[]> after, long commits, double seconds) {
        double perSecond(String table, int column) {
            long[] was = before.getOrDefault(table, new long[3]);
            long[] now = after.getOrDefault(table, new long[3]);
            return (now[column] - was[column]) / seconds;
        }
    }

    static final int SETTLE_MS = 12_000;

    /** PostgreSQL 15 reports an idle backend's counters within ten seconds or so: the windows are that much longer. */
    static Idle idle() throws Exception {
        Thread.sleep(SETTLE_MS);
        Map<String, long[]> before = tables();
        long c0 = commits();
        long t0 = System.nanoTime();
        Thread.sleep(2 * SETTLE_MS);
        Map<String, long[]> after = tables();
        long c1 = commits();
        return new Idle(before, after, c1 - c0 - 2, secondsSince(t0)); // less the bench's own two reads
    }

    /**
     * {@code requests} requests one at a time, nothing else running, and the database's counters before and after,
     * less what the idle window counted in as long: transactions, table scans and rows written (inserted or updated)
     * per table, each divided by the requests.
     */
    static String profile(Phase phase, int requests, Idle idle) throws Exception {
        Thread.sleep(SETTLE_MS);
        Map<String, long[]> before = tables();
        long xactBefore = commits();
        long t0 = System.nanoTime();
        double[] times = new double[requests];
        for (int i = 0; i < requests; i++) {
            HttpRequest r = phase.request().apply(i);
            long sent = System.nanoTime();
            String b = body(r, 200);
            times[i] = (System.nanoTime() - sent) / 1e6;
            if (!phase.ok().test(b)) {
                throw new IOException(phase.name() + ": " + b);
            }
        }
        Thread.sleep(SETTLE_MS);
        Map<String, long[]> after = tables();
        double window = secondsSince(t0);
        double xacts = (commits() - xactBefore - 2 - idle.commits() / idle.seconds() * window) / requests;
        Arrays.sort(times);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %d one at a time, median %.2f ms,"
                + " p90 %.2f ms; per request %.1f transactions;", phase.name(), requests, times[requests / 2],
                times[(int) (requests * 0.9)], xacts));
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] was = before.getOrDefault(e.getKey(), new long[3]);
            double scans = (e.getValue()[0] - was[0] - idle.perSecond(e.getKey(), 0) * window) / requests;
            double written = (e.getValue()[1] - was[1] - idle.perSecond(e.getKey(), 1) * window) / requests;
            if (scans >= 0.05 || written >= 0.05) {
                b.append(String.format(Locale.ROOT, " %s %.1f scans%s;", e.getKey(), scans,
                        written >= 0.05 ? String.format(Locale.ROOT, ", %.1f rows written", written) : ""));
            }
        }
        log(b.toString());
        return b.toString();
    }

    static Map<String, long[]> tables() throws Exception {
        Map<String, long[]> m = new TreeMap<>();
        try (Connection db = db(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0), n_tup_ins + n_tup_upd"
                        + " from pg_stat_user_tables")) {
            while (rs.next()) {
                m.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return m;
    }

    static long commits() throws Exception {
        try (Connection db = db()) {
            return Long.parseLong(one(db, "select xact_commit + xact_rollback from pg_stat_database where datname ="
                    + " current_database()"));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // seeding and plumbing

    /** Planning lays out the template timeline after the answer, from an event: wait for it (a minute at most). */
    static void awaitTimeline(UUID campaign) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            if (HTTP.send(plain("/api/v1/campaigns/" + campaign + "/timeline"), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        log("no timeline a minute after planning " + campaign + ": laying it out through the API");
        post("/api/v1/campaigns/" + campaign + "/timeline/generate", "{\"direction\":\"FORWARD\"}", 200);
    }

    interface Work {
        void run(int i) throws Exception;
    }

    static void parallel(int threads, int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                work.run(k);
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static Connection db() throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", dbUser);
        p.setProperty("password", dbPassword);
        p.setProperty("ApplicationName", "bench");
        return DriverManager.getConnection(jdbcUrl, p);
    }

    static String one(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String post(String path, String body, int expected) throws Exception {
        return send("POST", path, body, "Bearer " + key, expected);
    }

    static String send(String method, String path, String body, String auth, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (!auth.equals("Bearer none")) {
            b.header("Authorization", auth);
        }
        return body(b.build(), expected);
    }

    static String body(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IOException(request.method() + " " + request.uri() + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static String load() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
    }

    static void log(String message) {
        System.err.printf("[McpBenchmark %s] %s%n", java.time.LocalTime.now().withNano(0), message);
    }
}
