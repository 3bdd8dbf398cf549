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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guidance benchmark (issue 30): {@code GET /api/v1/campaigns/{id}/prompting/evaluate} on campaigns with 500 tasks
 * (ten dependency chains, so the critical path is real, its early tasks late), 200 creatives (a quarter made before
 * the strategy changed, so stale), the 4 default approval scopes, 300 posts (published, failed, in doubt, scheduled)
 * and a year of daily facts, beside background campaigns, against a running Flightdeck on PostgreSQL. Run by
 * perf/guidance-bench.sh, which starts the app on a fresh database.
 *
 * <p>Through the API: the workspace, the API key, every campaign, its strategy versions, its approvals, its timeline,
 * its tasks and their dependencies, its creatives, two sandbox accounts and its posts (CSV batches), its facts (bulk
 * API). In SQL, where the API has no way or would take too long: the post outcomes (failed, in doubt, published: only
 * the publisher sets them), and the first fifth of each task chain marked done.
 *
 * <p>Then a closed loop of a few connections over evaluate, blockers, the liveness floor and a campaign GET (and,
 * when their routes exist, the recommendation and predict-success endpoints), after a warm-up, in rounds; the
 * database's table scans and transactions per evaluate, one request at a time; EXPLAIN of the heaviest reads.
 *
 * Arguments: baseUrl jdbcUrl dbUser dbPassword outDir, then settings as name=value (see guidance-bench.sh).
 */
public class GuidanceBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String[] CHANNELS = {"TWITTER", "LINKEDIN"};
    static final String[] METRICS = {"IMPRESSIONS", "CLICKS", "CONVERSIONS", "SPEND", "REVENUE"};
    /** Tasks in a chain wait for the one before; the longest chain is the critical path. */
    static final int CHAINS = 10;

    static String baseUrl;
    static String key;
    static String jdbcUrl;
    static String dbUser;
    static String dbPassword;
    static UUID tenant;
    static final StringBuilder report = new StringBuilder();

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
        int measured = Integer.parseInt(settings.getOrDefault("campaigns", "2"));
        int background = Integer.parseInt(settings.getOrDefault("background", "50"));
        int taskCount = Integer.parseInt(settings.getOrDefault("tasks", "500"));
        int creativeCount = Integer.parseInt(settings.getOrDefault("creatives", "200"));
        int postCount = Integer.parseInt(settings.getOrDefault("posts", "300"));
        int factDays = Integer.parseInt(settings.getOrDefault("factDays", "365"));
        int connections = Integer.parseInt(settings.getOrDefault("connections", "4"));
        int warmup = Integer.parseInt(settings.getOrDefault("warmupSeconds", "20"));
        int seconds = Integer.parseInt(settings.getOrDefault("latencySeconds", "30"));
        int rounds = Integer.parseInt(settings.getOrDefault("rounds", "2"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // ---- 1. workspace, key, sandbox accounts ----
        log("signing up, making an API key; load " + load());
        String email = "bench-guidance-" + System.currentTimeMillis() + "@example.com";
        String token = field(send("POST", "/api/v1/auth/signup", "application/json", """
                {"workspaceName":"Guidance benchmark","displayName":"Bench Owner","email":"%s",\
                "password":"bench-password-1","timeZone":"UTC"}""".formatted(email), "Bearer none", 201), "accessToken");
        key = field(send("POST", "/api/v1/api-keys", "application/json",
                "{\"name\":\"guidance-bench\",\"roleCeiling\":\"OWNER\"}", "Bearer " + token, 201), "secret");
        for (String ch : CHANNELS) {
            post("/api/v1/channels/sandbox", "{\"displayName\":\"Bench " + ch + "\",\"channel\":\"" + ch
                    + "\",\"timeZone\":\"UTC\"}", 201);
        }

        // ---- 2. background campaigns: their template timeline (laid out when planned), 10 creatives, 20 posts, a year of facts each ----
        long t0 = System.nanoTime();
        log(background + " background campaigns through the API (4 clients); load " + load());
        UUID[] others = new UUID[background];
        parallel(4, background, i -> {
            others[i] = campaign("Background %03d".formatted(i), today);
            UUID c = others[i];
            creatives(c, 10, 0);
            posts(c, 20, 0);
            facts(c, today, factDays, i + 1000);
        });
        log(String.format(Locale.ROOT, "background done in %.0f s", secondsSince(t0)));

        // ---- 3. the measured campaigns ----
        UUID[] campaigns = new UUID[measured];
        Map<String, Double> seedTimes = new LinkedHashMap<>();
        for (int m = 0; m < measured; m++) {
            UUID c = campaign("Measured %d".formatted(m), today);
            campaigns[m] = c;
            log("measured campaign " + c + ": its template timeline and " + taskCount + " tasks in " + CHAINS + " chains; load " + load());
            t0 = System.nanoTime();
            awaitTimeline(c);
            List<UUID> tasks = new ArrayList<>();
            try (Connection db = db(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "select id from tasks where campaign_id = '" + c + "' order by position")) {
                while (rs.next()) {
                    tasks.add(UUID.fromString(rs.getString(1)));
                }
            }
            int fromTemplate = tasks.size();
            for (int i = tasks.size(); i < taskCount; i++) {
                tasks.add(UUID.fromString(field(post("/api/v1/campaigns/" + c + "/tasks", """
                        {"title":"Bench task %03d","durationDays":%d,"estimateHours":%d}""".formatted(i, 1 + i % 3,
                        2 + i % 5), 201), "id")));
            }
            seedTimes.merge("tasks through the API (s)", secondsSince(t0), Double::sum);
            t0 = System.nanoTime();
            int deps = 0;
            for (int i = Math.max(CHAINS, fromTemplate); i < taskCount; i++) {
                post("/api/v1/tasks/" + tasks.get(i) + "/dependencies", "{\"predecessorId\":\"" + tasks.get(i - CHAINS)
                        + "\"}", 201);
                deps++;
            }
            seedTimes.merge("dependencies through the API (s)", secondsSince(t0), Double::sum);
            log(String.format(Locale.ROOT, "%d tasks (%d from the template), %d dependencies", tasks.size(), fromTemplate,
                    deps));
            try (Connection db = db(); Statement s = db.createStatement()) {
                // the first fifth of each chain is done (in SQL: the status API would lay the plan out again each time)
                s.executeUpdate("update tasks set status = 'DONE', completed_at = now() where campaign_id = '" + c
                        + "' and position < " + taskCount / 5 + " and kind = 'TASK'");
            }
            post("/api/v1/campaigns/" + c + "/timeline/recalculate", "{}", 200);
            t0 = System.nanoTime();
            int beforeChange = creativeCount * 3 / 4;
            creatives(c, beforeChange, 0);
            // a new strategy version: the creatives made so far follow an older one
            post("/api/v1/campaigns/" + c + "/strategies", strategy("Version two: shorter posts"), 201);
            creatives(c, creativeCount - beforeChange, beforeChange);
            seedTimes.merge("creatives through the API (s)", secondsSince(t0), Double::sum);
            t0 = System.nanoTime();
            posts(c, postCount, 0);
            seedTimes.merge("posts through the API (s)", secondsSince(t0), Double::sum);
            facts(c, today, factDays, m);
            try (Connection db = db(); Statement s = db.createStatement()) {
                // outcomes only the publisher sets: half published, a tenth failed, a twentieth in doubt
                s.executeUpdate("""
                        with numbered as (select id, row_number() over (order by scheduled_at, id) as n
                                          from channel_posts where campaign_id = '%s')
                        update channel_posts p set
                            status = case when n %% 20 = 0 then 'IN_DOUBT' when n %% 10 = 1 then 'FAILED'
                                          when n %% 2 = 0 then 'PUBLISHED' else status end,
                            published_at = case when n %% 2 = 0 and n %% 20 <> 0 then now() - interval '1 day'
                                                else published_at end,
                            error_code = case when n %% 10 = 1 then 'network-error' else error_code end,
                            error_message = case when n %% 10 = 1 then 'The network answered 503' else error_message end
                        from numbered where p.id = numbered.id""".formatted(c));
            }
        }
        Map<String, String> shape = new LinkedHashMap<>();
        try (Connection db = db(); Statement s = db.createStatement()) {
            tenant = UUID.fromString(one(db, "select tenant_id::text from campaigns where id = '" + campaigns[0] + "'"));
            String c = campaigns[0].toString();
            shape.put("tasks (open critical / late critical)", one(db, "select count(*) || ' (' || count(*) filter (where"
                    + " critical and status not in ('DONE','CANCELLED')) || ' / ' || count(*) filter (where critical and"
                    + " status not in ('DONE','CANCELLED') and due_date < current_date) || ')' from tasks where campaign_id"
                    + " = '" + c + "' and deleted_at is null"));
            shape.put("task dependencies", one(db, "select count(*) from task_dependencies where campaign_id = '" + c + "'"));
            shape.put("creatives (stale)", one(db, "select count(*) || ' (' || count(*) filter (where"
                    + " stale_against_version is not null) || ')' from creatives where campaign_id = '" + c + "'"));
            shape.put("approvals (of the campaign's scopes / of its creatives and posts)", one(db, "select count(*)"
                    + " filter (where item_type is null) || ' / ' || count(*) filter (where item_type is not null) from"
                    + " approvals where campaign_id = '" + c + "'"));
            shape.put("posts by status", one(db, "select string_agg(status || ' ' || n, ', ' order by status) from"
                    + " (select status, count(*) n from channel_posts where campaign_id = '" + c + "' group by status) x"));
            shape.put("facts of the campaign", one(db, "select count(*) from analytics_facts where campaign_id = '" + c
                    + "'"));
            shape.put("workspace: campaigns / tasks / creatives / posts / facts", one(db, "select (select count(*) from"
                    + " campaigns) || ' / ' || (select count(*) from tasks) || ' / ' || (select count(*) from creatives)"
                    + " || ' / ' || (select count(*) from channel_posts) || ' / ' || (select count(*) from"
                    + " analytics_facts)"));
            for (String table : List.of("tasks", "task_dependencies", "creatives", "channel_posts", "approvals",
                    "analytics_facts", "analytics_rollups")) {
                s.execute("vacuum analyze " + table);
            }
        }
        shape.forEach((k, v) -> log(k + ": " + v));
        log("waiting for the rollups to fold the facts");
        waitForRollups();

        // ---- 4. latency ----
        int n = measured;
        Map<String, IntFunction<HttpRequest>> endpoints = new LinkedHashMap<>();
        endpoints.put("liveness (floor)", i -> get("/actuator/health/liveness"));
        endpoints.put("campaign GET, API key (floor)", i -> get("/api/v1/campaigns/" + campaigns[i % n]));
        endpoints.put("prompting/evaluate", i -> get("/api/v1/campaigns/" + campaigns[i % n] + "/prompting/evaluate"));
        endpoints.put("prompting/blockers", i -> get("/api/v1/campaigns/" + campaigns[i % n] + "/prompting/blockers"));
        Map<String, String> optional = new LinkedHashMap<>();
        optional.put("prompting/recommendation", "/prompting/recommendation");
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, String> e : optional.entrySet()) {
            endpoints.put(e.getKey(), i -> get("/api/v1/campaigns/" + campaigns[i % n] + e.getValue()));
        }
        endpoints.put("orchestrator predict-success", i -> get("/api/v1/orchestrator/campaigns/" + campaigns[i % n]
                + "/predict-success"));
        for (String name : new ArrayList<>(endpoints.keySet())) {
            HttpResponse<String> r = HTTP.send(endpoints.get(name).apply(0), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                // the campaign exists, so a 404 means the route does not (yet)
                log("skipped " + name + ": 404 " + r.body().substring(0, Math.min(200, r.body().length())));
                skipped.add(name);
                endpoints.remove(name);
            } else if (r.statusCode() != 200) {
                throw new IOException(name + ": " + r.statusCode() + " " + r.body());
            } else {
                Files.writeString(out.resolve(name.replaceAll("[^a-z-]+", "_") + ".json"), r.body());
            }
        }
        String evaluation = body(endpoints.get("prompting/evaluate").apply(0), 200);
        log("evaluate answers " + evaluation.length() + " bytes, " + count(evaluation, "\"severity\"") + " blockers");

        Profile profile = profile(i -> endpoints.get("prompting/evaluate").apply(i), 50);
        Files.writeString(out.resolve("profile.txt"), profile.text);
        log("per evaluate, one at a time: " + profile.summary);

        log("warm-up: " + warmup + " s of all, " + connections + " connections; load " + load());
        List<IntFunction<HttpRequest>> all = new ArrayList<>(endpoints.values());
        loop(i -> all.get(i % all.size()).apply(i / all.size()), connections, warmup);
        List<String> latencyRows = new ArrayList<>();
        Map<String, List<Stats>> byName = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            String loadNow = load();
            for (Map.Entry<String, IntFunction<HttpRequest>> e : endpoints.entrySet()) {
                Stats st = loop(e.getValue(), connections, seconds);
                byName.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(st);
                log(String.format(Locale.ROOT, "round %d %s: %s", round, e.getKey(), st));
            }
            for (Map.Entry<String, List<Stats>> e : byName.entrySet()) {
                Stats st = e.getValue().get(round - 1);
                Stats live = byName.get("liveness (floor)").get(round - 1);
                Stats cget = byName.get("campaign GET, API key (floor)").get(round - 1);
                latencyRows.add(String.format(Locale.ROOT,
                        "| %d | %s | %,d | %,.0f | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %s |", round,
                        e.getKey(), st.count, st.rate, st.rate / live.rate, st.p(50), st.p(95), st.p(99),
                        st.p(99) / live.p(99), st.p(99) / cget.p(99), st.errors, loadNow));
            }
        }

        // ---- 5. the plans behind the figures ----
        explain(out.resolve("explain.txt"), campaigns[0]);

        double[] eval99 = byName.get("prompting/evaluate").stream().mapToDouble(st -> st.p(99)).toArray();
        double[] live99 = byName.get("liveness (floor)").stream().mapToDouble(st -> st.p(99)).toArray();
        double[] get99 = byName.get("campaign GET, API key (floor)").stream().mapToDouble(st -> st.p(99)).toArray();
        StringBuilder shapeRows = new StringBuilder();
        shape.forEach((k, v) -> shapeRows.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        StringBuilder seedRows = new StringBuilder();
        seedTimes.forEach((k, v) -> seedRows.append(String.format(Locale.ROOT, "| %s | %.0f |%n", k, v)));
        report.append(String.format(Locale.ROOT, """
                ## Guidance benchmark: evaluate on %d campaigns of %d tasks, %d creatives, 4 approval scopes, %d posts \
                and %d days of facts, beside %d background campaigns; PostgreSQL

                | figure | measured (rounds) | aim | liveness p99 | campaign GET p99 | ratio to liveness / GET |
                | --- | --- | --- | --- | --- | --- |
                | evaluate p99, %d connections, closed loop | %s ms | < 50 ms (seed 000: 200 ms) | %s ms | %s ms | %s / %s |

                Per evaluate, one request at a time (database statistics, %d requests): %s

                ### Data (the first measured campaign; the others alike)

                | what | count |
                | --- | --- |
                %s
                Seeding of the measured campaigns (all of them):

                | step | seconds |
                | --- | --- |
                %s
                ### Latency (closed loop, %d connections, %d s per endpoint per round, after %d s of all mixed)

                | round | endpoint | requests | req/s | req/s vs liveness | p50 ms | p95 ms | p99 ms | p99 vs liveness | p99 vs campaign GET | errors | load average |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                %s

                %s
                Load average at the end: %s. Table scans per evaluate: profile.txt; query plans of the heaviest reads: \
                explain.txt.
                """, measured, taskCount, creativeCount, postCount, factDays, background, connections, each(eval99),
                each(live99), each(get99), ratios(eval99, live99), ratios(eval99, get99), profile.requests,
                profile.summary, shapeRows, seedRows, connections, seconds, warmup, String.join("\n", latencyRows),
                skipped.isEmpty() ? "" : "Skipped (their routes answer 404 in this build): " + String.join(", ", skipped)
                        + ".\n", load()));
        Files.writeString(out.resolve("summary.md"), report);
        System.out.println();
        System.out.println(report);
    }

    // ------------------------------------------------------------------------------------------------------------
    // seeding

    /**
     * A campaign that started 60 days ago and ends in 90, on two channels, planned (which lays out its template
     * timeline), with a strategy and its approvals.
     */
    static UUID campaign(String name, LocalDate today) throws Exception {
        UUID c = UUID.fromString(field(post("/api/v1/campaigns", """
                {"name":"%s","type":"PRODUCT_LAUNCH","priority":"HIGH","description":"A benchmark campaign with a \
                real plan, creatives, posts and numbers","objective":"Sign-ups","channels":["TWITTER","LINKEDIN"],\
                "startDate":"%s","endDate":"%s","budget":{"amount":25000.00,"currency":"EUR"}}"""
                .formatted(name, today.minusDays(60), today.plusDays(90)), 201), "id"));
        post("/api/v1/campaigns/" + c + "/plan", "{}", 200);
        post("/api/v1/campaigns/" + c + "/strategies", strategy("Version one"), 201);
        post("/api/v1/campaigns/" + c + "/approvals/initialize", "{}", 200);
        return c;
    }

    /**
     * Planning a campaign lays out its template timeline after the answer, from an event; the tasks are added to it,
     * so this waits for it (and lays it out through the API if it has not come within a minute).
     */
    static void awaitTimeline(UUID campaign) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            if (HTTP.send(get("/api/v1/campaigns/" + campaign + "/timeline"), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        log("no timeline a minute after planning " + campaign + ": laying it out through the API");
        post("/api/v1/campaigns/" + campaign + "/timeline/generate", "{\"direction\":\"FORWARD\"}", 200);
    }

    static String strategy(String tone) {
        return """
                {"platforms":["TWITTER","LINKEDIN"],"goals":["Sign-ups"],"targetAudience":"Small roasteries",\
                "contentPillars":["Origins","Brewing"],"brandTone":"%s","cadence":"Three posts a week"}""".formatted(tone);
    }

    static void creatives(UUID campaign, int count, int from) throws Exception {
        parallel(4, count, i -> post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Bench creative %03d","topic":"Origins, part %d","channels":["TWITTER",\
                "LINKEDIN"],"mode":"MANUAL","texts":{"CAPTION":"Single-origin, roasted on Monday (%d)"}}"""
                .formatted(campaign, from + i, from + i, from + i), 201));
    }

    /** Posts spread over both sandbox accounts, a day apart from tomorrow on (the outcomes are set in SQL). */
    static void posts(UUID campaign, int count, int from) throws Exception {
        Instant first = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        for (int done = 0; done < count; done += 500) {
            StringBuilder csv = new StringBuilder("account,at,text\n");
            for (int i = done; i < Math.min(count, done + 500); i++) {
                csv.append("Bench ").append(CHANNELS[i % 2]).append(',')
                        .append(first.plus(Duration.ofHours(6L * i))).append(",Bench post ").append(from + i)
                        .append(" on ").append(campaign).append('\n');
            }
            send("POST", "/api/v1/social/batch?campaignId=" + campaign, "text/csv", csv.toString(), "Bearer " + key, 201);
        }
    }

    /** A fact per day, channel and metric for {@code days} days ending yesterday, through the bulk API. */
    static void facts(UUID campaign, LocalDate today, int days, int seed) throws Exception {
        StringBuilder b = new StringBuilder("{\"facts\":[");
        int n = 0;
        for (int d = days; d >= 1; d--) {
            String period = today.minusDays(d) + "T00:00:00Z";
            for (String ch : CHANNELS) {
                for (String metric : METRICS) {
                    if (n > 0 && n % 10_000 == 0) {
                        post("/api/v1/analytics/facts", b.append("]}").toString(), 200);
                        b.setLength(0);
                        b.append("{\"facts\":[");
                    } else if (n > 0) {
                        b.append(',');
                    }
                    long base = 1000 + Math.floorMod((long) seed * 7919 + d * 31L + ch.length(), 500);
                    String value = switch (metric) {
                        case "IMPRESSIONS" -> Long.toString(base * 10);
                        case "CLICKS" -> Long.toString(base / 5);
                        case "CONVERSIONS" -> Long.toString(base / 100);
                        case "SPEND" -> (base / 10) + ".50";
                        default -> (base / 4) + ".25";
                    };
                    b.append("{\"source\":\"bench\",\"objectType\":\"ad\",\"objectId\":\"").append(campaign).append('-').append(ch)
                            .append("\",\"campaignId\":\"").append(campaign).append("\",\"channel\":\"").append(ch)
                            .append("\",\"metric\":\"").append(metric).append("\",\"granularity\":\"DAY\",")
                            .append("\"periodStart\":\"").append(period).append("\",\"value\":").append(value);
                    if (metric.equals("SPEND") || metric.equals("REVENUE")) {
                        b.append(",\"currency\":\"EUR\"");
                    }
                    b.append('}');
                    n++;
                }
            }
        }
        post("/api/v1/analytics/facts", b.append("]}").toString(), 200);
    }

    static void waitForRollups() throws Exception {
        long end = System.nanoTime() + 300_000_000_000L;
        try (Connection db = db()) {
            while (System.nanoTime() < end) {
                if (Long.parseLong(one(db, "select count(*) from analytics_changes")) == 0) {
                    return;
                }
                Thread.sleep(1000);
            }
        }
        log("the rollups had not folded every change after 300 s; measuring anyway");
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

    // ------------------------------------------------------------------------------------------------------------
    // what one evaluate costs the database

    record Profile(int requests, String summary, String text) {
    }

    /**
     * {@code requests} evaluates one at a time, nothing else running, and the database's counters before and after:
     * table scans (sequential and by index) per table and transactions, each divided by the requests. PostgreSQL 15
     * reports a backend's counters when it has been idle a while, hence the pause before reading them.
     */
    static Profile profile(IntFunction<HttpRequest> request, int requests) throws Exception {
        Thread.sleep(12_000);
        Map<String, long[]> before = scans();
        long xactBefore = commits();
        for (int i = 0; i < requests; i++) {
            body(request.apply(i), 200);
        }
        Thread.sleep(12_000);
        Map<String, long[]> after = scans();
        long xacts = commits() - xactBefore;
        StringBuilder b = new StringBuilder("table | seq scans per evaluate | index scans per evaluate | rows read per"
                + " evaluate\n");
        double total = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] was = before.getOrDefault(e.getKey(), new long[3]);
            long seq = e.getValue()[0] - was[0];
            long idx = e.getValue()[1] - was[1];
            long rows = e.getValue()[2] - was[2];
            if (seq + idx > 0) {
                total += (seq + idx) / (double) requests;
                b.append(String.format(Locale.ROOT, "%s | %.2f | %.2f | %.1f%n", e.getKey(), seq / (double) requests,
                        idx / (double) requests, rows / (double) requests));
            }
        }
        String summary = String.format(Locale.ROOT, "%.1f table scans, %.1f transactions (the bench's own counter"
                + " reads included)", total, xacts / (double) requests);
        return new Profile(requests, summary, b.toString());
    }

    static Map<String, long[]> scans() throws Exception {
        Map<String, long[]> m = new TreeMap<>();
        try (Connection db = db(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select relname, coalesce(seq_scan, 0), coalesce(idx_scan, 0), coalesce(seq_tup_read, 0)"
                        + " + coalesce(idx_tup_fetch, 0) from pg_stat_user_tables")) {
            while (rs.next()) {
                m.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
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

    /**
     * EXPLAIN ANALYZE of the reads of the checks that read the most rows, as the app sends them: the open critical
     * tasks, the stale creatives, the accounts of the posts still to go out, the approvals of the campaign's scopes.
     */
    static void explain(Path file, UUID campaign) throws Exception {
        StringBuilder b = new StringBuilder();
        String[] queries = {
                "select id, title, assignee_id, due_date from tasks where tenant_id = '" + tenant + "' and campaign_id"
                        + " = '" + campaign + "' and deleted_at is null and critical and kind = 'TASK' and status not in"
                        + " ('DONE', 'CANCELLED') order by position",
                "select id, title from creatives where tenant_id = '" + tenant + "' and campaign_id = '" + campaign
                        + "' and deleted_at is null and stale_against_version is not null order by created_at",
                "select distinct account_id from channel_posts where tenant_id = '" + tenant + "' and campaign_id = '"
                        + campaign + "' and status in ('SCHEDULED', 'FAILED', 'MISSED')",
                "select * from approvals where tenant_id = '" + tenant + "' and campaign_id = '" + campaign
                        + "' and subject_key = 'scope'"};
        try (Connection db = db(); Statement s = db.createStatement()) {
            for (String q : queries) {
                b.append("-- ").append(q).append('\n');
                try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + q)) {
                    while (rs.next()) {
                        b.append(rs.getString(1)).append('\n');
                    }
                }
                b.append('\n');
            }
        }
        Files.writeString(file, b);
    }

    // ------------------------------------------------------------------------------------------------------------
    // latency

    static class Stats {
        final long count;
        final double[] sorted;
        double rate;
        long errors;

        Stats(List<Double> values) {
            sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            count = sorted.length;
        }

        double p(double pct) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(pct / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        double max() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d requests, %,.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms"
                    + "%s", count, rate, p(50), p(95), p(99), max(), errors > 0 ? ", " + errors + " errors" : "");
        }
    }

    static String each(double[] values) {
        return String.join(" / ", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
    }

    static String ratios(double[] values, double[] floors) {
        return String.join(" / ", java.util.stream.IntStream.range(0, values.length)
                .mapToObj(i -> String.format(Locale.ROOT, "%.1f", values[i] / floors[i])).toList());
    }

    /** A closed loop: {@code connections} threads sending one request after another for {@code seconds}. */
    static Stats loop(IntFunction<HttpRequest> request, int connections, int seconds) throws Exception {
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicInteger counter = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 0; k < connections; k++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest r = request.apply(counter.getAndIncrement());
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> answer = HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
                    times.add((System.nanoTime() - sent) / 1e6);
                    if (answer.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = secondsSince(t0);
        pool.shutdown();
        Stats s = new Stats(times);
        s.rate = s.count / elapsed;
        s.errors = errors.get();
        return s;
    }

    // ------------------------------------------------------------------------------------------------------------
    // plumbing

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

    static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofMinutes(2)).GET().build();
    }

    static String post(String path, String body, int expected) throws Exception {
        return send("POST", path, "application/json", body, "Bearer " + key, expected);
    }

    static String send(String method, String path, String type, String body, String auth, int expected)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", type)
                .timeout(Duration.ofMinutes(5)).method(method, HttpRequest.BodyPublishers.ofString(body));
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
        System.err.printf("[GuidanceBenchmark %s] %s%n", java.time.LocalTime.now().withNano(0), message);
    }
}
