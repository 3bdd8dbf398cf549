import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The social scheduler's benchmark (issue 15), run by perf/publish-bench.sh against Flightdeck on PostgreSQL with the
 * minimum gap set to zero (so that thousands of posts of one campaign may share a minute).
 *
 * Set-up through the API: a workspace without approval scopes, a launched campaign, a sandbox account, and 2×POSTS
 * posts scheduled two days ahead (CSV batches of 1,000). Then, moving the posts' times and their executions in one
 * transaction each, exactly as the scheduler writes them:
 *   1. lateness: POSTS posts due within the same 60 seconds, spread evenly; each post's lateness is its attempt's
 *      start minus its time: p50/p95/p99/max; then every post is checked published once on the sandbox;
 *   2. throughput: POSTS posts due at one instant, timed to the last published: posts/s.
 * The script then runs db-scheduler's no-op floor on the same database (RenderBenchmark's floor mode).
 *
 * Arguments: baseUrl jdbcUrl user password outDir posts
 */
public class PublishBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String baseUrl;
    static String token;

    public static void main(String[] args) throws Exception {
        baseUrl = args[0];
        String jdbcUrl = args[1];
        Path out = Path.of(args[4]);
        int posts = Integer.parseInt(args[5]);
        String email = "bench-publish-" + System.currentTimeMillis() + "@example.com";
        token = field(send("POST", "/api/v1/auth/signup", "application/json", """
                {"workspaceName":"Publish benchmark","displayName":"Bench Owner","email":"%s","password":"bench-password-1",
                 "timeZone":"UTC"}""".formatted(email), 201), "accessToken");
        String workspace = field(send("GET", "/api/v1/me", null, null, 200), "workspaceId");
        for (String scope : List.of("strategy", "content", "schedule", "ads")) {
            send("PUT", "/api/v1/approval-scopes/" + scope, "application/json", "{\"enabled\":false}", 200);
        }
        String campaign = field(send("POST", "/api/v1/campaigns", "application/json", """
                {"name":"Bench launch","description":"Ten thousand posts on the sandbox network","type":"PRODUCT_LAUNCH","priority":"HIGH",
                 "channels":["TWITTER"],"startDate":"2030-03-01","endDate":"2030-04-30",
                 "budget":{"amount":100.00,"currency":"EUR"}}""", 201), "id");
        send("POST", "/api/v1/campaigns/" + campaign + "/plan", "application/json", "{}", 200);
        send("POST", "/api/v1/campaigns/" + campaign + "/mark-ready", "application/json", "{}", 200);
        send("POST", "/api/v1/campaigns/" + campaign + "/launch", "application/json", "{\"confirm\":true}", 200);
        send("POST", "/api/v1/channels/sandbox", "application/json",
                "{\"displayName\":\"Bench sandbox\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}", 201);

        log("scheduling " + 2 * posts + " posts through the API (CSV batches of 1,000)");
        Instant t = Instant.now();
        String later = Instant.now().plus(Duration.ofDays(2)).toString();
        for (int done = 0; done < 2 * posts; done += 1_000) {
            StringBuilder csv = new StringBuilder("account,at,text\n");
            for (int i = done; i < Math.min(2 * posts, done + 1_000); i++) {
                csv.append("Bench sandbox,").append(later).append(",Bench post ").append(i).append('\n');
            }
            send("POST", "/api/v1/social/batch?campaignId=" + campaign, "text/csv", csv.toString(), 201);
        }
        log(String.format("scheduled in %.1f s (%.0f posts/s through the API)", secs(t), 2 * posts / secs(t)));

        try (Connection db = DriverManager.getConnection(jdbcUrl, args[2], args[3])) {
            List<String> ids = new ArrayList<>();
            try (ResultSet r = db.createStatement().executeQuery("select id from channel_posts where tenant_id = '"
                    + workspace + "' order by created_at, id")) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            List<String> first = ids.subList(0, posts);
            List<String> second = ids.subList(posts, 2 * posts);

            Instant window = Instant.now().plusSeconds(5);
            log("lateness: " + posts + " posts due within the 60 s from " + window);
            move(db, first, window, Duration.ofSeconds(60));
            awaitPublished(db, first, Duration.ofMinutes(20));
            List<Long> lateness = new ArrayList<>();
            Array firstIds = uuids(db, first);
            try (PreparedStatement q = db.prepareStatement("select extract(epoch from (attempt_started_at - scheduled_at)) "
                    + "* 1000000 from channel_posts where id = any(?)")) {
                q.setArray(1, firstIds);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        lateness.add(r.getLong(1));
                    }
                }
            }
            long onSandbox = count(db, "select count(*) from sandbox_posts s join channel_posts c on s.idempotency_key "
                    + "= c.attempt_key where c.id = any(?)", firstIds);
            long retried = count(db, "select count(*) from channel_posts where attempt > 1 and id = any(?)", firstIds);
            String late = String.format("lateness, %d posts due within 60 s: %s; on the sandbox: %d (retried: %d)",
                    posts, percentiles(lateness), onSandbox, retried);
            log(late);

            Instant instant = Instant.now().plusSeconds(3);
            log("throughput: " + posts + " posts due at " + instant);
            move(db, second, instant, Duration.ZERO);
            Instant done = awaitPublished(db, second, Duration.ofMinutes(30));
            double seconds = Duration.between(instant, done).toNanos() / 1e9;
            long onSandbox2 = count(db, "select count(*) from sandbox_posts s join channel_posts c on s.idempotency_key "
                    + "= c.attempt_key where c.id = any(?)", uuids(db, second));
            String rate = String.format("throughput: %d posts due at once published in %.2f s = %.0f posts/s; on the "
                    + "sandbox: %d", posts, seconds, posts / seconds, onSandbox2);
            log(rate);
            Files.writeString(out.resolve("app.txt"), late + "\n" + rate + "\n");
        }
    }

    /** New times and execution times for the posts, in one transaction: spread over {@code span} from {@code start}. */
    static void move(Connection db, List<String> ids, Instant start, Duration span) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement post = db.prepareStatement(
                "update channel_posts set scheduled_at = ? where id = ?::uuid");
             PreparedStatement task = db.prepareStatement(
                     "update scheduled_tasks set execution_time = ? where task_name = 'channel-post' and task_instance = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                Timestamp at = Timestamp.from(start.plusNanos(span.toNanos() / ids.size() * i));
                post.setTimestamp(1, at);
                post.setString(2, ids.get(i));
                post.addBatch();
                task.setTimestamp(1, at);
                task.setString(2, ids.get(i));
                task.addBatch();
            }
            post.executeBatch();
            task.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    static Instant awaitPublished(Connection db, List<String> ids, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (PreparedStatement q = db.prepareStatement("select count(*), max(published_at), count(*) filter "
                + "(where status in ('FAILED','IN_DOUBT','MISSED')) from channel_posts where status in "
                + "('PUBLISHED','FAILED','IN_DOUBT','MISSED') and id = any(?)")) {
            q.setArray(1, uuids(db, ids));
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(3) > 0) {
                        throw new IllegalStateException(r.getInt(3) + " posts need a person; see the app's log");
                    }
                    if (r.getInt(1) == ids.size()) {
                        return r.getTimestamp(2).toInstant();
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("not all posts were published within " + timeout);
    }

    static Array uuids(Connection db, List<String> ids) throws Exception {
        return db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
    }

    static long count(Connection db, String sql, Array ids) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, ids);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

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

    static String send(String method, String path, String type, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(300));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
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
