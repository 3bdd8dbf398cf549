import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The analytics benchmark (issue 29): ten million metric facts over 2,000 campaigns on PostgreSQL, against a running
 * Flightdeck. Run by perf/analytics-bench.sh, which starts the app on a fresh database.
 *
 * <ol>
 * <li>signs up a workspace (UTC), makes an API key and the campaigns through the API;</li>
 * <li>COPYs the facts of the older days straight into analytics_facts and makes their rollups in SQL (the same sums
 * the app's rollup job makes: day per channel, metric and currency, weeks from days);</li>
 * <li>sends the facts of the newest days through the bulk API ({@code POST /api/v1/analytics/facts}, 10,000 facts a
 * request, whole campaign-days, several clients) while polling the rollups for the campaign-days of each answered
 * request (the rollup lag), then COPYs the same rows into a scratch table of analytics_facts' shape and indexes (the
 * floor);</li>
 * <li>measures the campaign dashboard, the all-campaigns summary, liveness and a campaign GET (the floors) with a
 * closed loop of a few connections, after a warm-up, twice; then the executive PDF beside the same report as
 * JSON.</li>
 * </ol>
 *
 * Arguments: baseUrl jdbcUrl dbUser dbPassword outDir, then settings as name=value (see analytics-bench.sh).
 */
public class AnalyticsBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String[] CHANNELS = {"FACEBOOK", "INSTAGRAM", "LINKEDIN", "TWITTER", "TIKTOK", "YOUTUBE", "SEARCH_ADS",
            "BLOG"};
    static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
    static final String[] METRICS = {"IMPRESSIONS", "REACH", "CLICKS", "CONVERSIONS", "ENGAGEMENT", "SPEND", "REVENUE"};
    static final int OBJECTS_PER_CHANNEL = 2;
    /** Facts of one campaign on one day: 2 channels x 2 ads x 7 metrics. */
    static final int FACTS_PER_CAMPAIGN_DAY = 2 * OBJECTS_PER_CHANNEL * METRICS.length;
    static final String SOURCE = "bench-ads";

    static String baseUrl;
    static String key;
    static String jdbcUrl;
    static String dbUser;
    static String dbPassword;
    static UUID tenant;
    static UUID[] campaigns;
    static LocalDate firstDay;
    static int days;
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
        double scale = Double.parseDouble(settings.getOrDefault("scale", "1"));
        int campaignCount = Math.max(2, (int) Math.round(2000 * scale));
        days = Integer.parseInt(settings.getOrDefault("days", "180"));
        int apiDays = Integer.parseInt(settings.getOrDefault("apiDays", "18"));
        int clients = Integer.parseInt(settings.getOrDefault("clients", "4"));
        int perRequest = Integer.parseInt(settings.getOrDefault("perRequest", "10000"));
        int connections = Integer.parseInt(settings.getOrDefault("connections", "4"));
        int warmup = Integer.parseInt(settings.getOrDefault("warmupSeconds", "30"));
        int seconds = Integer.parseInt(settings.getOrDefault("latencySeconds", "30"));
        int rounds = Integer.parseInt(settings.getOrDefault("rounds", "2"));
        int pdfs = Integer.parseInt(settings.getOrDefault("reports", "20"));
        long totalFacts = (long) campaignCount * days * FACTS_PER_CAMPAIGN_DAY;
        long apiFacts = (long) campaignCount * apiDays * FACTS_PER_CAMPAIGN_DAY;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        firstDay = today.minusDays(days - 1);
        int firstApiDay = days - apiDays;

        report.append(String.format(Locale.ROOT, """
                ## Analytics benchmark: %,d facts over %,d campaigns, %d days (%s to %s), PostgreSQL

                Facts: %d channels x %d ads x %d metrics per campaign and day (money in %s; every tenth campaign \
                spends on its second channel in another currency). The oldest %d days (%,d facts) COPYed into \
                analytics_facts with their rollups made in SQL; the newest %d days (%,d facts) through the bulk API.

                """, totalFacts, campaignCount, days, firstDay, today, 2, OBJECTS_PER_CHANNEL, METRICS.length,
                String.join("/", CURRENCIES), firstApiDay, totalFacts - apiFacts, apiDays, apiFacts));

        // ---- 1. workspace, key, campaigns ----
        log("signing up, making an API key and " + campaignCount + " campaigns; load " + load());
        String email = "bench-analytics-" + System.currentTimeMillis() + "@example.com";
        String token = field(send("POST", "/api/v1/auth/signup", """
                {"workspaceName":"Analytics benchmark","displayName":"Bench Owner","email":"%s",\
                "password":"bench-password-1","timeZone":"UTC"}""".formatted(email), "Bearer none", 201), "accessToken");
        key = field(send("POST", "/api/v1/api-keys", "{\"name\":\"analytics-bench\",\"roleCeiling\":\"OWNER\"}",
                "Bearer " + token, 201), "secret");
        campaigns = new UUID[campaignCount];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> made = new ArrayList<>();
        for (int c = 0; c < campaignCount; c++) {
            int i = c;
            made.add(pool.submit(() -> {
                campaigns[i] = UUID.fromString(field(post("/api/v1/campaigns",
                        "{\"name\":\"Analytics bench %04d\",\"type\":\"OTHER\"}".formatted(i), 201), "id"));
                return null;
            }));
        }
        for (Future<?> f : made) {
            f.get();
        }
        pool.shutdown();
        try (Connection db = db()) {
            tenant = UUID.fromString(one(db, "select tenant_id::text from campaigns where id = '" + campaigns[0] + "'"));
        }

        // ---- 2. the older days by COPY, their rollups in SQL ----
        log("COPY of " + String.format(Locale.ROOT, "%,d", totalFacts - apiFacts) + " facts (days 0-" + (firstApiDay - 1)
                + ") into analytics_facts; load " + load());
        long t0 = System.nanoTime();
        copy("analytics_facts", 0, firstApiDay);
        double bulkCopy = secondsSince(t0);
        log(String.format(Locale.ROOT, "COPY took %.1f s (%,.0f facts/s); making the rollups in SQL", bulkCopy,
                (totalFacts - apiFacts) / bulkCopy));
        t0 = System.nanoTime();
        try (Connection db = db(); Statement s = db.createStatement()) {
            s.execute("set work_mem = '256MB'");
            s.execute("""
                    insert into analytics_rollups (tenant_id, campaign_id, granularity, period_start, channel, metric,
                                                   currency, rollup_value, updated_at)
                    select tenant_id, campaign_id, 'DAY', (period_start at time zone 'UTC')::date, coalesce(channel, ''),
                           metric, coalesce(currency, ''), sum(fact_value), now()
                    from analytics_facts where tenant_id = '%s' and campaign_id is not null
                    group by tenant_id, campaign_id, (period_start at time zone 'UTC')::date, coalesce(channel, ''),
                             metric, coalesce(currency, '')""".formatted(tenant));
            s.execute("""
                    insert into analytics_rollups (tenant_id, campaign_id, granularity, period_start, channel, metric,
                                                   currency, rollup_value, updated_at)
                    select tenant_id, campaign_id, 'WEEK', date_trunc('week', period_start)::date, channel, metric,
                           currency, sum(rollup_value), now()
                    from analytics_rollups where tenant_id = '%s' and granularity = 'DAY'
                    group by tenant_id, campaign_id, date_trunc('week', period_start)::date, channel, metric, currency"""
                    .formatted(tenant));
            // the running totals as the rollups job keeps them: dense from each key's first day to its campaign's last
            s.execute("""
                    insert into analytics_running_totals (tenant_id, campaign_id, total_day, metric, currency,
                                                          running_value, running_rows)
                    with daily as (
                        select campaign_id, metric, currency, period_start, sum(rollup_value) as v, count(*) as n
                        from analytics_rollups where tenant_id = '%1$s' and granularity = 'DAY'
                        group by campaign_id, metric, currency, period_start),
                    keys as (select campaign_id, metric, currency, min(period_start) as first_day from daily
                             group by campaign_id, metric, currency),
                    ends as (select campaign_id, max(period_start) as last_day from daily group by campaign_id)
                    select '%1$s', k.campaign_id, g.d::date, k.metric, k.currency,
                           sum(coalesce(daily.v, 0)) over w, sum(coalesce(daily.n, 0)) over w
                    from keys k join ends e on e.campaign_id = k.campaign_id
                    cross join lateral generate_series(k.first_day, e.last_day, interval '1 day') as g (d)
                    left join daily on daily.campaign_id = k.campaign_id and daily.metric = k.metric
                                   and daily.currency = k.currency and daily.period_start = g.d::date
                    window w as (partition by k.campaign_id, k.metric, k.currency order by g.d)""".formatted(tenant));
            s.execute("insert into analytics_folds (tenant_id, campaign_id, folds, folded_at, totals_through) select"
                    + " tenant_id, campaign_id, 1, now(), max(total_day) from analytics_running_totals where tenant_id = '"
                    + tenant + "' group by tenant_id, campaign_id");
            s.execute("vacuum analyze analytics_facts");
            s.execute("vacuum analyze analytics_rollups");
            s.execute("vacuum analyze analytics_running_totals");
            s.execute("vacuum analyze analytics_folds");
        }
        double rollupSql = secondsSince(t0);
        log(String.format(Locale.ROOT, "rollups made and tables analysed in %.1f s", rollupSql));

        // ---- 3. the newest days through the API, the rollup lag, then COPY of the same rows ----
        Sampler sampler = new Sampler();
        activity = sampler;
        sampler.start();
        Ingest ingest = ingest(firstApiDay, days, clients, perRequest);
        sampler.interrupt();
        sampler.join();
        Files.writeString(out.resolve("activity.txt"), sampler.counts());
        log("waiting for the rollups to settle, then COPY of the same rows into a scratch table");
        try (Connection db = db(); Statement s = db.createStatement()) {
            s.execute("drop table if exists bench_facts_copy");
            s.execute("create table bench_facts_copy (like analytics_facts including all)");
            Thread.sleep(2000);
        }
        String loadCopy = load();
        t0 = System.nanoTime();
        copy("bench_facts_copy", firstApiDay, days);
        double copySeconds = secondsSince(t0);
        try (Connection db = db(); Statement s = db.createStatement()) {
            long copied = Long.parseLong(one(db, "select count(*) from bench_facts_copy"));
            if (copied != apiFacts) {
                throw new IllegalStateException("COPY wrote " + copied + " rows, not " + apiFacts);
            }
            s.execute("drop table bench_facts_copy");
        }
        double copyRate = apiFacts / copySeconds;
        log(String.format(Locale.ROOT, "COPY of the same %,d rows: %.1f s, %,.0f rows/s", apiFacts, copySeconds, copyRate));
        Lag idle = idleLag(Math.min(5, campaignCount));
        check(totalFacts);
        // a second floor: the same rows COPYed into analytics_facts as it stands (its other days and its indexes), the
        // table the API writes to; they are taken out first, so the rows after are the ones the API wrote
        log("the same rows out of analytics_facts (delete, vacuum), then COPYed back in");
        try (Connection db = db(); Statement s = db.createStatement()) {
            s.execute("delete from analytics_facts where tenant_id = '" + tenant + "' and period_start >= '"
                    + firstDay.plusDays(firstApiDay) + "T00:00:00Z'");
            s.execute("vacuum analyze analytics_facts");
        }
        String loadCopyInto = load();
        t0 = System.nanoTime();
        copy("analytics_facts", firstApiDay, days);
        double copyIntoSeconds = secondsSince(t0);
        double copyIntoRate = apiFacts / copyIntoSeconds;
        log(String.format(Locale.ROOT, "COPY of the same %,d rows into analytics_facts: %.1f s, %,.0f rows/s", apiFacts,
                copyIntoSeconds, copyIntoRate));
        try (Connection db = db(); Statement s = db.createStatement()) {
            s.execute("delete from analytics_changes where tenant_id = '" + tenant + "'");
            s.execute("vacuum analyze analytics_facts");
        }
        check(totalFacts);

        // ---- 4. dashboard, summary and their floors ----
        try (Connection db = db(); Statement s = db.createStatement()) {
            s.execute("vacuum analyze analytics_rollups");
            s.execute("vacuum analyze analytics_changes");
        }
        Map<String, IntFunction<HttpRequest>> endpoints = new java.util.LinkedHashMap<>();
        endpoints.put("liveness (floor)", i -> get("/actuator/health/liveness"));
        endpoints.put("campaign GET, API key (floor)", i -> get("/api/v1/campaigns/" + campaigns[i % campaignCount]));
        endpoints.put("campaign dashboard", i -> get("/api/v1/analytics/campaigns/" + campaigns[i % campaignCount]
                + "/dashboard"));
        endpoints.put("all-campaigns summary", i -> get("/api/v1/analytics/campaigns/all/summary"));
        String dash = body(endpoints.get("campaign dashboard").apply(0), 200);
        String sum = body(endpoints.get("all-campaigns summary").apply(0), 200);
        if (!dash.contains("\"totals\"") || !sum.contains("\"total\":" + campaignCount)) {
            throw new IllegalStateException("unexpected answers: " + dash.substring(0, Math.min(300, dash.length()))
                    + " / " + sum.substring(0, Math.min(300, sum.length())));
        }
        Files.writeString(out.resolve("dashboard.json"), dash);
        Files.writeString(out.resolve("summary.json"), sum);
        log("warm-up: " + warmup + " s of all four, " + connections + " connections; load " + load());
        List<IntFunction<HttpRequest>> all = new ArrayList<>(endpoints.values());
        loop(i -> all.get(i % all.size()).apply(i / all.size()), connections, warmup);
        List<String> latencyRows = new ArrayList<>();
        Map<String, List<Stats>> byName = new java.util.LinkedHashMap<>();
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
                        e.getKey(), st.count, st.rate, st.rate / live.rate, st.p(50), st.p(95), st.p(99), st.p(95) / live.p(95),
                        st.p(95) / cget.p(95), st.errors, loadNow));
            }
        }

        // ---- 5. the executive PDF beside the same report as JSON ----
        log("executive report: " + pdfs + " PDFs and " + pdfs + " JSONs, one at a time, after 3 of each; load " + load());
        IntFunction<HttpRequest> pdf = i -> report(campaigns[(i * 7) % campaignCount], "PDF");
        IntFunction<HttpRequest> json = i -> report(campaigns[(i * 7) % campaignCount], "JSON");
        HttpResponse<byte[]> first = HTTP.send(pdf.apply(0), HttpResponse.BodyHandlers.ofByteArray());
        if (first.statusCode() != 200 || !new String(first.body(), 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF")) {
            throw new IOException("the executive PDF: " + first.statusCode() + " " + new String(first.body(),
                    StandardCharsets.UTF_8));
        }
        Files.write(out.resolve("executive.pdf"), first.body());
        for (int i = 1; i <= 3; i++) {
            body(pdf.apply(i), 200);
            body(json.apply(i), 200);
        }
        Stats pdfStats = sequential(pdf, pdfs);
        Stats jsonStats = sequential(json, pdfs);
        log("executive PDF: " + pdfStats + " (" + first.body().length / 1024 + " kB); as JSON: " + jsonStats);

        // ---- 6. the plans behind the figures ----
        explain(out.resolve("explain.txt"));

        double[] dash95 = byName.get("campaign dashboard").stream().mapToDouble(st -> st.p(95)).toArray();
        double[] sum95 = byName.get("all-campaigns summary").stream().mapToDouble(st -> st.p(95)).toArray();
        double[] live95 = byName.get("liveness (floor)").stream().mapToDouble(st -> st.p(95)).toArray();
        String roundNames = String.join(" / ", java.util.stream.IntStream.rangeClosed(1, rounds)
                .mapToObj(Integer::toString).toList());
        report.append(String.format(Locale.ROOT, """
                ### The figures and their aims

                | figure | measured | aim | floor in the same run | ratio to the floor |
                | --- | --- | --- | --- | --- |
                | campaign dashboard p95 (%d connections; rounds %s) | %s ms | < 150 ms (seed 002: < 1 s) | liveness p95 %s ms | %s x |
                | all-campaigns summary p95 (%d connections; rounds %s) | %s ms | < 300 ms | liveness p95 %s ms | %s x |
                | ingestion through the bulk API (%d clients, %,d facts a request) | %,.0f facts/s | > 100,000 facts/s | COPY of the same rows %,.0f rows/s into an empty table, %,.0f rows/s into analytics_facts | %.2f / %.2f of COPY |
                | rollup lag under that load, p95 / max | %.1f s / %.1f s | < 60 s | one change alone (idle), p50 %.1f s / max %.1f s; the job runs every 5 s | %.1f x |
                | executive PDF p50 / p95 (%d, one at a time) | %.0f ms / %.0f ms | < 2 s | the same report as JSON p50 %.0f ms | %.1f x |

                Dashboard and summary: %d round(s) of %d s each per endpoint, closed loop, after %d s of warm-up; \
                each round's p95 and its ratio to liveness p95 in the same round (same connections).

                """, connections, roundNames, each(dash95), each(live95), ratios(dash95, live95),
                connections, roundNames, each(sum95), each(live95), ratios(sum95, live95), clients, perRequest, ingest.rate, copyRate,
                copyIntoRate, ingest.rate / copyRate, ingest.rate / copyIntoRate, ingest.lag.p(95) / 1000, ingest.lag.max() / 1000, idle.p(50) / 1000,
                idle.max() / 1000, ingest.lag.p(95) / Math.max(1, idle.p(50)), pdfs, pdfStats.p(50), pdfStats.p(95),
                jsonStats.p(50), pdfStats.p(50) / jsonStats.p(50), rounds, seconds, warmup));
        report.append(String.format(Locale.ROOT, """
                ### Ingestion

                | what | facts | seconds | facts/s | vs COPY | load average at start |
                | --- | --- | --- | --- | --- | --- |
                | PostgreSQL COPY of the same rows into a scratch table of analytics_facts' shape and indexes (floor) | %,d | %.1f | %,.0f | 1.00 | %s |
                | PostgreSQL COPY of the same rows into analytics_facts itself, its other days in place (second floor) | %,d | %.1f | %,.0f | %.2f | %s |
                | bulk API, %d clients, %,d requests of up to %,d facts (MERGE on the key, change log, campaign checks) | %,d | %.1f | %,.0f | %.2f | %s |
                | (setup) COPY of the older days into analytics_facts itself | %,d | %.1f | %,.0f | | |

                API requests: p50 %.0f ms, p95 %.0f ms, max %.0f ms each. Rollup lag: %,d probes (campaign-days of \
                answered requests, polled every %d ms, from the answer to the day's rollup holding the sum): p50 \
                %.1f s, p95 %.1f s, max %.1f s; every change folded %.1f s after the last answer. The rollups of the \
                COPYed days were made in SQL in %.1f s (with VACUUM ANALYZE).

                ### Latency (closed loop, %d connections, %d s per endpoint per round)

                | round | endpoint | requests | req/s | req/s vs liveness | p50 ms | p95 ms | p99 ms | p95 vs liveness | p95 vs campaign GET | errors | load average |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                %s

                ### Executive report (one at a time, %d each after 3 of each)

                | what | p50 ms | p95 ms | max ms | vs JSON p50 |
                | --- | --- | --- | --- | --- |
                | the same report as JSON (floor) | %.0f | %.0f | %.0f | 1.00 |
                | executive PDF (%d kB) | %.0f | %.0f | %.0f | %.1f |

                Load average at the end: %s. Query plans of the dashboard's and the summary's reads: explain.txt; what the \
                database was busy with during the ingestion and the fold: activity.txt.
                """, apiFacts, copySeconds, copyRate, loadCopy, apiFacts, copyIntoSeconds, copyIntoRate,
                copyIntoRate / copyRate, loadCopyInto, clients, ingest.requests, perRequest, apiFacts,
                ingest.seconds, ingest.rate, ingest.rate / copyRate, ingest.load, totalFacts - apiFacts, bulkCopy,
                (totalFacts - apiFacts) / bulkCopy, ingest.requestTimes.p(50), ingest.requestTimes.p(95),
                ingest.requestTimes.max(), ingest.lag.count, POLL_MS, ingest.lag.p(50) / 1000, ingest.lag.p(95) / 1000,
                ingest.lag.max() / 1000, ingest.drained, rollupSql, connections, seconds, String.join("\n", latencyRows),
                pdfs, jsonStats.p(50), jsonStats.p(95), jsonStats.max(), first.body().length / 1024, pdfStats.p(50),
                pdfStats.p(95), pdfStats.max(), pdfStats.p(50) / jsonStats.p(50), load()));
        Files.writeString(out.resolve("summary.md"), report);
        System.out.println();
        System.out.println(report);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the facts

    static String channel(int c, int slot) {
        return slot == 0 ? CHANNELS[c % 8] : CHANNELS[(c % 8 + 1 + (c / 8) % 7) % 8];
    }

    static String currency(int c, int slot) {
        return CURRENCIES[(c + (slot == 1 && c % 10 == 0 ? 1 : 0)) % 3];
    }

    static long hash(int c, int d, int slot, int o) {
        long h = c * 0x9E3779B97F4A7C15L + d * 0xC2B2AE3D27D4EB4FL + slot * 31L + o * 7L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (h ^ (h >>> 32)) & Long.MAX_VALUE;
    }

    /** The value of metric {@code m} for campaign c, day d, channel slot, ad o, as the text both COPY and JSON send. */
    static String value(int c, int d, int slot, int o, int m) {
        long impressions = 500 + hash(c, d, slot, o) % 5000;
        long clicks = impressions / 25 + hash(c, d, slot, o) % 7;
        long conversions = clicks / 12;
        return switch (m) {
            case 0 -> Long.toString(impressions);
            case 1 -> Long.toString(impressions * 7 / 10);
            case 2 -> Long.toString(clicks);
            case 3 -> Long.toString(conversions);
            case 4 -> Long.toString(clicks * 2 + 3);
            case 5 -> (clicks * 43 / 100) + "." + String.format(Locale.ROOT, "%02d", clicks * 43 % 100);
            default -> (conversions * 18) + ".50";
        };
    }

    static long impressions(int c, int d) {
        long sum = 0;
        for (int slot = 0; slot < 2; slot++) {
            for (int o = 0; o < OBJECTS_PER_CHANNEL; o++) {
                sum += Long.parseLong(value(c, d, slot, o, 0));
            }
        }
        return sum;
    }

    /** COPY of the facts of days [fromDay, toDay), day by day, every campaign, into {@code table}. */
    static void copy(String table, int fromDay, int toDay) throws Exception {
        try (Connection db = db()) {
            CopyIn in = db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (tenant_id, source,"
                    + " object_type, object_id, metric, granularity, period_start, campaign_id, channel, fact_value,"
                    + " currency, updated_at) from stdin with (format csv)");
            String now = java.time.Instant.now().toString();
            StringBuilder b = new StringBuilder(1 << 20);
            for (int d = fromDay; d < toDay; d++) {
                String period = firstDay.plusDays(d) + "T00:00:00Z";
                for (int c = 0; c < campaigns.length; c++) {
                    for (int slot = 0; slot < 2; slot++) {
                        String ch = channel(c, slot);
                        for (int o = 0; o < OBJECTS_PER_CHANNEL; o++) {
                            for (int m = 0; m < METRICS.length; m++) {
                                b.append(tenant).append(',').append(SOURCE).append(",ad,c").append(c).append('-')
                                        .append(ch).append('-').append(o).append(',').append(METRICS[m])
                                        .append(",DAY,").append(period).append(',').append(campaigns[c]).append(',')
                                        .append(ch).append(',').append(value(c, d, slot, o, m)).append(',')
                                        .append(m >= 5 ? currency(c, slot) : "").append(',').append(now).append('\n');
                            }
                        }
                    }
                    if (b.length() > (1 << 20) - 4096) {
                        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                        in.writeToCopy(bytes, 0, bytes.length);
                        b.setLength(0);
                    }
                }
            }
            byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        }
    }

    /** One request's body: the facts of the campaign-days {@code cds} (day * campaigns + campaign). */
    static String json(int[] cds) {
        StringBuilder b = new StringBuilder(cds.length * FACTS_PER_CAMPAIGN_DAY * 240);
        b.append("{\"facts\":[");
        boolean firstFact = true;
        for (int cd : cds) {
            int d = cd / campaigns.length;
            int c = cd % campaigns.length;
            String period = firstDay.plusDays(d) + "T00:00:00Z";
            for (int slot = 0; slot < 2; slot++) {
                String ch = channel(c, slot);
                for (int o = 0; o < OBJECTS_PER_CHANNEL; o++) {
                    for (int m = 0; m < METRICS.length; m++) {
                        b.append(firstFact ? "" : ",").append("{\"source\":\"").append(SOURCE)
                                .append("\",\"objectType\":\"ad\",\"objectId\":\"c").append(c).append('-').append(ch)
                                .append('-').append(o).append("\",\"campaignId\":\"").append(campaigns[c])
                                .append("\",\"channel\":\"").append(ch).append("\",\"metric\":\"").append(METRICS[m])
                                .append("\",\"granularity\":\"DAY\",\"periodStart\":\"").append(period)
                                .append("\",\"value\":").append(value(c, d, slot, o, m));
                        if (m >= 5) {
                            b.append(",\"currency\":\"").append(currency(c, slot)).append('"');
                        }
                        b.append('}');
                        firstFact = false;
                    }
                }
            }
        }
        return b.append("]}").toString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // ingestion and the rollup lag

    static final int POLL_MS = 250;

    record Probe(UUID campaign, LocalDate day, long expected, long answeredAt) {
    }

    record Ingest(long requests, double seconds, double rate, Stats requestTimes, Stats lag, double drained,
            String load) {
    }

    static Ingest ingest(int fromDay, int toDay, int clients, int perRequest) throws Exception {
        int perReq = Math.max(1, perRequest / FACTS_PER_CAMPAIGN_DAY);
        List<int[]> requests = new ArrayList<>();
        int total = (toDay - fromDay) * campaigns.length;
        for (int start = 0; start < total; start += perReq) {
            int[] cds = new int[Math.min(perReq, total - start)];
            for (int i = 0; i < cds.length; i++) {
                cds[i] = fromDay * campaigns.length + start + i;
            }
            requests.add(cds);
        }
        long facts = (long) total * FACTS_PER_CAMPAIGN_DAY;
        String loadAtStart = load();
        log(String.format(Locale.ROOT, "bulk API: %,d facts in %,d requests, %d clients, polling the rollups every %d ms;"
                + " load %s", facts, requests.size(), clients, POLL_MS, loadAtStart));
        ConcurrentLinkedQueue<Probe> pending = new ConcurrentLinkedQueue<>();
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        List<Double> requestMs = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Thread poller = new Thread(() -> poll(pending, lags, requests.size(), done), "rollup-poller");
        long t0 = System.nanoTime();
        poller.start();
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            futures.add(pool.submit(() -> {
                for (int r = next.getAndIncrement(); r < requests.size(); r = next.getAndIncrement()) {
                    int[] cds = requests.get(r);
                    String body = json(cds);
                    long sent = System.nanoTime();
                    String answer = post("/api/v1/analytics/facts", body, 200);
                    long answered = System.nanoTime();
                    requestMs.add((answered - sent) / 1e6);
                    if (!answer.contains("\"written\":" + cds.length * FACTS_PER_CAMPAIGN_DAY)) {
                        throw new IOException("unexpected answer: " + answer);
                    }
                    lastAnswer.accumulateAndGet(answered, Math::max);
                    for (int i : java.util.stream.IntStream.of(0, cds.length / 3, 2 * cds.length / 3, cds.length - 1)
                            .distinct().toArray()) {
                        int d = cds[i] / campaigns.length;
                        int c = cds[i] % campaigns.length;
                        pending.add(new Probe(campaigns[c], firstDay.plusDays(d), impressions(c, d), answered));
                    }
                    int n = done.incrementAndGet();
                    if (n % Math.max(1, requests.size() / 10) == 0) {
                        log(String.format(Locale.ROOT, "bulk API: %d of %d requests answered, %,.0f facts/s so far;"
                                + " %d probes waiting", n, requests.size(),
                                (long) n * perReq * FACTS_PER_CAMPAIGN_DAY / secondsSince(t0), pending.size()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        if (activity != null) {
            activity.ingesting = false;
        }
        double seconds = (lastAnswer.get() - t0) / 1e9;
        double rate = facts / seconds;
        log(String.format(Locale.ROOT, "bulk API: %,d facts in %.1f s, %,.0f facts/s; waiting for the rollups", facts,
                seconds, rate));
        poller.join(Duration.ofMinutes(20).toMillis());
        double drained;
        try (Connection db = db()) {
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (Long.parseLong(one(db, "select count(*) from analytics_changes")) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the rollups did not catch up within 20 minutes");
                }
                Thread.sleep(POLL_MS);
            }
            drained = (System.nanoTime() - lastAnswer.get()) / 1e9;
        }
        Stats lag = new Stats(lags);
        log(String.format(Locale.ROOT, "rollup lag: %d probes, p50 %.1f s, p95 %.1f s, max %.1f s; all folded %.1f s "
                + "after the last answer; load %s", lag.count, lag.p(50) / 1000, lag.p(95) / 1000, lag.max() / 1000,
                drained, load()));
        return new Ingest(requests.size(), seconds, rate, new Stats(requestMs), lag, drained, loadAtStart);
    }

    /** Polls the rollups for the pending probes until every request's are seen: lag = seen - the request's answer. */
    static void poll(ConcurrentLinkedQueue<Probe> pending, List<Double> lags, int requests, AtomicInteger done) {
        List<Probe> waiting = new ArrayList<>();
        try (Connection db = db("bench-poller"); PreparedStatement ps = db.prepareStatement("""
                select r.campaign_id::text, r.period_start::text, sum(r.rollup_value)
                from analytics_rollups r join (select distinct * from unnest(cast(? as uuid[]), cast(? as date[]))) as k (campaign_id, day)
                  on r.campaign_id = k.campaign_id and r.period_start = k.day
                where r.tenant_id = ? and r.granularity = 'DAY' and r.metric = 'IMPRESSIONS'
                group by r.campaign_id, r.period_start""")) {
            while (true) {
                for (Probe p; (p = pending.poll()) != null; ) {
                    waiting.add(p);
                }
                if (waiting.isEmpty() && done.get() >= requests) {
                    return;
                }
                if (!waiting.isEmpty()) {
                    // arrays as text: the same on every driver version and transfer mode
                    ps.setString(1, "{" + String.join(",", waiting.stream().map(p -> p.campaign().toString()).toList())
                            + "}");
                    ps.setString(2, "{" + String.join(",", waiting.stream().map(p -> p.day().toString()).toList())
                            + "}");
                    ps.setObject(3, tenant);
                    Map<String, Long> seen = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seen.put(rs.getString(1) + rs.getString(2), rs.getBigDecimal(3).longValue());
                        }
                    }
                    long at = System.nanoTime();
                    waiting.removeIf(p -> {
                        Long v = seen.get(p.campaign().toString() + p.day());
                        if (v != null && v == p.expected()) {
                            lags.add((at - p.answeredAt()) / 1e6);
                            return true;
                        }
                        return false;
                    });
                }
                Thread.sleep(POLL_MS);
            }
        } catch (Exception e) {
            log("the poller stopped: " + e);
        }
    }

    /**
     * What the database is busy with while the facts come in and the rollups fold them: the app's active statements,
     * sampled from pg_stat_activity every 200 ms, counted by their first 60 characters, the ingestion (until the last
     * answer) and the fold after it apart.
     */
    static final class Sampler extends Thread {
        final Map<String, Integer> during = new java.util.TreeMap<>();
        final Map<String, Integer> after = new java.util.TreeMap<>();
        volatile boolean ingesting = true;

        Sampler() {
            super("activity-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            try (Connection db = db(); PreparedStatement ps = db.prepareStatement("select left(regexp_replace(query,"
                    + " '\\s+', ' ', 'g'), 60) from pg_stat_activity where datname = current_database()"
                    + " and state = 'active' and pid <> pg_backend_pid() and application_name not like 'bench%'")) {
                while (!isInterrupted()) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            (ingesting ? during : after).merge(rs.getString(1), 1, Integer::sum);
                        }
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                // done
            } catch (Exception e) {
                log("the activity sampler stopped: " + e);
            }
        }

        String counts() {
            StringBuilder b = new StringBuilder("Active statements of the database, sampled every 200 ms\n");
            for (var part : List.of(Map.entry("while the bulk API was answering", during),
                    Map.entry("after the last answer, until every change was folded", after))) {
                b.append("\n").append(part.getKey()).append(":\n");
                part.getValue().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .forEach(e -> b.append(String.format(Locale.ROOT, "%6d  %s%n", e.getValue(), e.getKey())));
            }
            return b.toString();
        }
    }

    static volatile Sampler activity;

    /** The lag of single changes with nothing else going on: one campaign-day at a time, on a day before the first. */
    static Lag idleLag(int n) throws Exception {
        List<Double> lags = new ArrayList<>();
        LocalDate saved = firstDay;
        try (Connection db = db()) {
            for (int i = 0; i < n; i++) {
                // a day of its own, before the others, so its rollup is new
                firstDay = saved.minusDays(i + 1L);
                String body = json(new int[] {i});
                long expected = impressions(i, 0);
                LocalDate day = firstDay;
                firstDay = saved;
                Thread.sleep(ThreadLocalRandom.current().nextInt(1000, 3000));
                post("/api/v1/analytics/facts", body, 200);
                long answered = System.nanoTime();
                while (true) {
                    String v = one(db, "select coalesce(sum(rollup_value), -1) from analytics_rollups where tenant_id = '"
                            + tenant + "' and campaign_id = '" + campaigns[i] + "' and granularity = 'DAY'"
                            + " and period_start = '" + day + "' and metric = 'IMPRESSIONS'");
                    if (new java.math.BigDecimal(v).longValue() == expected) {
                        break;
                    }
                    Thread.sleep(50);
                }
                lags.add((System.nanoTime() - answered) / 1e6);
            }
        } finally {
            firstDay = saved;
        }
        Lag lag = new Lag(lags);
        log(String.format(Locale.ROOT, "rollup lag of one change alone: %s ms", lags));
        return lag;
    }

    static final class Lag extends Stats {
        Lag(List<Double> values) {
            super(values);
        }
    }

    /** The rollups hold every fact: day sums against the facts, week sums against the days. */
    static void check(long totalFacts) throws Exception {
        try (Connection db = db()) {
            String facts = one(db, "select count(*) || ' ' || coalesce(sum(fact_value) filter (where metric = 'IMPRESSIONS'), 0)"
                    + " from analytics_facts where tenant_id = '" + tenant + "'");
            String dayRollups = one(db, "select sum(rollup_value) from analytics_rollups where tenant_id = '" + tenant
                    + "' and granularity = 'DAY' and metric = 'IMPRESSIONS'");
            String weekRollups = one(db, "select sum(rollup_value) from analytics_rollups where tenant_id = '" + tenant
                    + "' and granularity = 'WEEK' and metric = 'IMPRESSIONS'");
            String[] f = facts.split(" ");
            long extra = Math.min(5, campaigns.length) * (long) FACTS_PER_CAMPAIGN_DAY;
            if (Long.parseLong(f[0]) != totalFacts + extra || new java.math.BigDecimal(f[1]).compareTo(
                    new java.math.BigDecimal(dayRollups)) != 0 || new java.math.BigDecimal(dayRollups).compareTo(
                    new java.math.BigDecimal(weekRollups)) != 0) {
                throw new IllegalStateException("the rollups do not hold the facts: facts " + facts + ", day rollups "
                        + dayRollups + ", week rollups " + weekRollups);
            }
            log(String.format(Locale.ROOT, "checked: %s facts (%,d and %d of the idle lag), impressions %s in the "
                    + "facts, the day rollups and the week rollups; rollup rows %s", f[0], totalFacts, extra, f[1],
                    one(db, "select count(*) from analytics_rollups")));
        }
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

    static Stats sequential(IntFunction<HttpRequest> request, int n) throws Exception {
        List<Double> times = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long sent = System.nanoTime();
            body(request.apply(i + 10), 200);
            times.add((System.nanoTime() - sent) / 1e6);
        }
        Stats s = new Stats(times);
        s.rate = n / secondsSince(t0);
        return s;
    }

    static HttpRequest report(UUID campaign, String format) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/analytics/campaigns/" + campaign + "/report"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"EXECUTIVE\",\"format\":\"" + format + "\"}"))
                .build();
    }

    /** EXPLAIN ANALYZE of the dashboard's and the summary's reads, as the app sends them (default ranges). */
    static void explain(Path file) throws Exception {
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = to.minusDays(29);
        LocalDate previousFrom = from.minusDays(30);
        StringBuilder b = new StringBuilder();
        try (Connection db = db(); Statement s = db.createStatement()) {
            String[] queries = {
                    "select period_start, channel, metric, currency, rollup_value from analytics_rollups where tenant_id = '"
                            + tenant + "' and campaign_id = '" + campaigns[0] + "' and granularity = 'DAY' and period_start"
                            + " >= '" + previousFrom + "' and period_start <= '" + to + "'",
                    "select min(changed_at) from analytics_changes where tenant_id = '" + tenant + "' and campaign_id = '"
                            + campaigns[0] + "'",
                    summaryQuery(previousFrom.minusDays(1), from.minusDays(1), to)};
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

    /** The summary's read as WorkspaceSummaries sends it: running totals at three days, and at ended campaigns' last. */
    static String summaryQuery(LocalDate beforeStart, LocalDate nowStart, LocalDate to) {
        return "select campaign_id, metric, currency, total_day, running_value, running_rows, 0 from"
                + " analytics_running_totals where tenant_id = '" + tenant + "' and total_day in ('" + to + "', '"
                + nowStart + "', '" + beforeStart + "') union all select t.campaign_id, t.metric, t.currency,"
                + " t.total_day, t.running_value, t.running_rows, 1 from analytics_folds f join analytics_running_totals t"
                + " on t.tenant_id = f.tenant_id and t.campaign_id = f.campaign_id and t.total_day = f.totals_through"
                + " where f.tenant_id = '" + tenant + "' and f.totals_through > '" + beforeStart + "' and"
                + " f.totals_through < '" + to + "'";
    }

    // ------------------------------------------------------------------------------------------------------------
    // plumbing

    static Connection db() throws Exception {
        return db("bench");
    }

    static Connection db(String name) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", dbUser);
        p.setProperty("password", dbPassword);
        p.setProperty("ApplicationName", name);
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
        return send("POST", path, body, "Bearer " + key, expected);
    }

    static String send(String method, String path, String body, String auth, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type",
                "application/json").timeout(Duration.ofMinutes(5))
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
        System.err.printf("[AnalyticsBenchmark %s] %s%n", java.time.LocalTime.now().withNano(0), message);
    }
}
