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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The render orchestration benchmark (issue 14), run by perf/render-bench.sh.
 *
 * app mode (Flightdeck running on PostgreSQL): creates JOBS render jobs through the API without submitting them,
 * with the built-in image renderer at 256×256 so the provider answers at once, then
 *   1. throughput: marks them submitted and queues all their executions at one instant, exactly as the app's own
 *      RenderSchedule would (same table, same JSON), and times them to PUBLISHED: jobs/s;
 *   2. lateness: queues LATE_JOBS more at a fixed rate (half the measured throughput, at most 200/s) and reads
 *      started_at − the time each was scheduled for: p50/p95/p99/max.
 * floor mode (the app stopped): a bare db-scheduler on the same database, same threads and polling, runs a no-op
 * task: the same two measurements.
 *
 * Arguments: app baseUrl jdbcUrl user password outDir jobs lateJobs
 *            floor jdbcUrl user password outDir jobs lateJobs threads
 */
public class RenderBenchmark {

    /** UNIQUE=true: every job renders its own headline, so every output is a new asset with its own thumbnails. */
    static final boolean UNIQUE = Boolean.parseBoolean(System.getenv().getOrDefault("UNIQUE", "false"));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String baseUrl;
    static String token;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("app")) {
            app(args[1], args[2], args[3], args[4], Path.of(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
        } else {
            floor(args[1], args[2], args[3], Path.of(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]));
        }
    }

    // ---- the app ---------------------------------------------------------------------------------------------------

    static void app(String base, String jdbcUrl, String user, String password, Path out, int jobs, int lateJobs)
            throws Exception {
        baseUrl = base;
        String email = "bench-render-" + System.currentTimeMillis() + "@example.com";
        token = field(post("/api/v1/auth/signup", """
                {"workspaceName":"Render benchmark","displayName":"Bench Owner","email":"%s","password":"bench-password-1",
                 "timeZone":"UTC"}""".formatted(email), 201), "accessToken");
        String workspace = field(get("/api/v1/me"), "workspaceId");
        log("creating " + (jobs + lateJobs) + " render jobs (not submitted) through the API");
        Instant t = Instant.now();
        List<String> ids = create(jobs + lateJobs);
        log(String.format("created in %.1f s (%.0f/s through the API)", secs(t), (jobs + lateJobs) / secs(t)));
        List<String> first = ids.subList(0, jobs);
        List<String> second = ids.subList(jobs, ids.size());

        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            log("throughput: " + jobs + " jobs due at one instant");
            Instant t0 = Instant.now();
            queue(db, workspace, first, t0, 0);
            Instant done = awaitPublished(db, first, Duration.ofMinutes(20));
            double seconds = Duration.between(t0, done).toNanos() / 1e9;
            double rate = jobs / seconds;
            log(String.format("%d jobs published in %.2f s: %.0f jobs/s", jobs, seconds, rate));

            log(String.format("the follow-up work (thumbnails of the new assets) drained in %.1f s more",
                    awaitIdle(db, Duration.ofMinutes(60))));
            double arrival = Math.min(200, Math.floor(rate / 2));
            log(String.format("lateness: %d jobs due at %.0f/s", lateJobs, arrival));
            Instant t1 = Instant.now().plusSeconds(2);
            queue(db, workspace, second, t1, arrival);
            awaitPublished(db, second, Duration.ofMinutes(20));
            List<Long> lateness = lateness(db, second, t1, arrival);
            String summary = String.format("app: %d jobs in %.2f s = %.0f jobs/s; lateness at %.0f/s over %d jobs: %s",
                    jobs, seconds, rate, arrival, lateJobs, percentiles(lateness));
            log(summary);
            Files.writeString(out.resolve("app.txt"), summary + "\n");
        }
    }

    static List<String> create(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // the same headline for every job when UNIQUE is unset: the outputs are then identical and stored as one
            // asset, so the library's follow-up work (thumbnails, search index) stays out of the scheduler's way
            String headline = UNIQUE ? "Bench " + i : "Bench";
            futures.add(pool.submit(() -> field(post("/api/v1/render-jobs",
                    "{\"type\":\"IMAGE\",\"submit\":false,\"params\":{\"sizes\":[\"256x256\"],\"template\":\"bold-headline\",\"headline\":\"" + headline + "\",\"cta\":\"Go\"}}",
                    201), "id")));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : futures) {
            ids.add(f.get());
        }
        pool.shutdown();
        return ids;
    }

    /** Marks the jobs submitted and queues their executions, as RenderSchedule does; rate 0 means all at {@code at}. */
    static void queue(Connection db, String workspace, List<String> ids, Instant at, double rate) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement submit = db.prepareStatement(
                "update render_jobs set submit_requested = true where id = ?::uuid and tenant_id = ?::uuid");
             PreparedStatement insert = db.prepareStatement("""
                     insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                     values ('render-job', ?, ?, ?, false, 1)""")) {
            for (int i = 0; i < ids.size(); i++) {
                submit.setString(1, ids.get(i));
                submit.setString(2, workspace);
                submit.addBatch();
                insert.setString(1, ids.get(i));
                insert.setBytes(2, ("{\"workspaceId\":\"" + workspace + "\",\"jobId\":\"" + ids.get(i) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
                insert.setTimestamp(3, Timestamp.from(scheduledAt(at, rate, i)));
                insert.addBatch();
            }
            submit.executeBatch();
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    static Instant scheduledAt(Instant start, double rate, int i) {
        return rate <= 0 ? start : start.plusNanos((long) (i * 1e9 / rate));
    }

    static Instant awaitPublished(Connection db, List<String> ids, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        // by primary key: a cheap query, so that watching does not load the database it measures
        java.sql.Array array = db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
        try (PreparedStatement q = db.prepareStatement("select count(*), max(completed_at), "
                + "count(*) filter (where status = 'FAILED') from render_jobs where status in ('PUBLISHED','FAILED') "
                + "and id = any(?)")) {
            q.setArray(1, array);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(3) > 0) {
                        throw new IllegalStateException(r.getInt(3) + " jobs failed; see the app's log");
                    }
                    if (r.getInt(1) == ids.size()) {
                        return r.getTimestamp(2).toInstant();
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("not all jobs were published within " + timeout);
    }

    /** Waits until no execution is overdue (the thumbnails of the new assets, made after their jobs): seconds taken. */
    static double awaitIdle(Connection db, Duration timeout) throws Exception {
        Instant t = Instant.now();
        Instant deadline = t.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (ResultSet r = db.createStatement().executeQuery(
                    "select count(*) from scheduled_tasks where execution_time < now() - interval '2 seconds'")) {
                r.next();
                if (r.getInt(1) == 0) {
                    return secs(t);
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("executions still overdue after " + timeout);
    }

    static List<Long> lateness(Connection db, List<String> ids, Instant start, double rate) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try (PreparedStatement q = db.prepareStatement("select started_at from render_jobs where id = ?::uuid")) {
                q.setString(1, ids.get(i));
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    micros.add(Duration.between(scheduledAt(start, rate, i), r.getTimestamp(1).toInstant()).toNanos() / 1000);
                }
            }
        }
        return micros;
    }

    // ---- the floor: db-scheduler alone -----------------------------------------------------------------------------

    static void floor(String jdbcUrl, String user, String password, Path out, int jobs, int lateJobs, int threads)
            throws Exception {
        // pooled as the app's is (Hikari, Boot's default size): without a pool every statement opens a connection
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(10);
        HikariDataSource dataSource = new HikariDataSource(pool);
        Map<String, Long> started = new ConcurrentHashMap<>();
        OneTimeTask<Void> noop = Tasks.oneTime("bench-noop").execute((instance, context) ->
                started.put(instance.getId(), System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000));
        // the same settings as the app: its threads, lock-and-fetch with the starter's limits, 1 s polling
        Scheduler scheduler = Scheduler.create(dataSource, noop).threads(threads).pollUsingLockAndFetch(0.5, 3.0)
                .pollingInterval(Duration.ofSeconds(1)).alwaysPersistTimestampInUTC().build();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            first.add(UUID.randomUUID().toString());
        }
        for (int i = 0; i < lateJobs; i++) {
            second.add(UUID.randomUUID().toString());
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            db.createStatement().executeUpdate("delete from scheduled_tasks where task_name = 'bench-noop'");
            scheduler.start();
            Thread.sleep(1500);
            Instant t0 = Instant.now();
            insertNoop(db, first, t0, 0);
            while (started.size() < jobs) {
                Thread.sleep(20);
            }
            awaitEmpty(db);
            double seconds = Duration.between(t0, Instant.now()).toNanos() / 1e9;
            double rate = jobs / seconds;
            log(String.format("floor: %d no-op executions in %.2f s: %.0f/s", jobs, seconds, rate));

            double arrival = Math.min(200, Math.floor(rate / 2));
            started.clear();
            Instant t1 = Instant.now().plusSeconds(2);
            insertNoop(db, second, t1, arrival);
            while (started.size() < lateJobs) {
                Thread.sleep(20);
            }
            List<Long> lateness = new ArrayList<>();
            for (int i = 0; i < second.size(); i++) {
                Instant at = scheduledAt(t1, arrival, i);
                long atMicros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
                lateness.add(started.get(second.get(i)) - atMicros);
            }
            String summary = String.format("floor (db-scheduler no-op, %d threads): %d in %.2f s = %.0f/s; lateness at "
                    + "%.0f/s over %d: %s", threads, jobs, seconds, rate, arrival, lateJobs, percentiles(lateness));
            log(summary);
            Files.writeString(out.resolve("floor.txt"), summary + "\n");
        } finally {
            scheduler.stop();
            dataSource.close();
        }
    }

    static void insertNoop(Connection db, List<String> ids, Instant at, double rate) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                values ('bench-noop', ?, null, ?, false, 1)""")) {
            for (int i = 0; i < ids.size(); i++) {
                insert.setString(1, ids.get(i));
                insert.setTimestamp(2, Timestamp.from(scheduledAt(at, rate, i)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    static void awaitEmpty(Connection db) throws Exception {
        while (true) {
            try (ResultSet r = db.createStatement().executeQuery(
                    "select count(*) from scheduled_tasks where task_name = 'bench-noop'")) {
                r.next();
                if (r.getInt(1) == 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static String percentiles(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }

    static double secs(Instant since) {
        return Duration.between(since, Instant.now()).toNanos() / 1e9;
    }

    static String post(String path, String json, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static void log(String message) {
        System.out.println("[" + Instant.now() + "] " + message);
    }
}
