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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Publishing through kills (issue 26), run by perf/publish-kill-bench.sh, which owns the app's process: it starts the
 * jar on the settings the product ships with, kills it with SIGKILL while the posts fall due and restarts it.
 *
 * setup baseUrl jdbcUrl user password outDir posts aheadSeconds spanSeconds: a workspace without approval scopes, a
 * launched campaign, a sandbox account, and the posts scheduled through the API (CSV) a day ahead; then their times
 * and executions moved in one transaction so that they fall due evenly over the span from aheadSeconds on.
 * Writes outDir/window.env (WORKSPACE, WINDOW_START_MS, WINDOW_END_MS: the first and the last post's time).
 *
 * settle jdbcUrl user password outDir workspace readyMs windowEndMs unsettledAtReady: after the last restart (ready at
 * readyMs, when the script counted unsettledAtReady posts still scheduled or publishing), waits
 * until no post is scheduled or publishing any more (at most ten minutes), then prints the table. It reads the
 * posts each dead node had picked from outDir/picked-N.txt (first line: the kill's epoch ms; then id,status).
 */
public class PublishKillBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Duration PATIENCE = Duration.ofMinutes(10);
    static String baseUrl;
    static String token;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("setup")) {
            setup(args[1], args[2], args[3], args[4], Path.of(args[5]), Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]), Integer.parseInt(args[8]));
        } else {
            try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
                settle(db, Path.of(args[4]), args[5], Long.parseLong(args[6]), Long.parseLong(args[7]),
                        Long.parseLong(args[8]));
            }
        }
    }

    static void setup(String url, String jdbcUrl, String user, String password, Path out, int posts, int ahead,
            int span) throws Exception {
        baseUrl = url;
        String email = "bench-kill-" + System.currentTimeMillis() + "@example.com";
        token = field(send("POST", "/api/v1/auth/signup", "application/json", """
                {"workspaceName":"Publish kill benchmark","displayName":"Bench Owner","email":"%s",
                 "password":"bench-password-1","timeZone":"UTC"}""".formatted(email), 201), "accessToken");
        String workspace = field(send("GET", "/api/v1/me", null, null, 200), "workspaceId");
        for (String scope : List.of("strategy", "content", "schedule", "ads")) {
            send("PUT", "/api/v1/approval-scopes/" + scope, "application/json", "{\"enabled\":false}", 200);
        }
        String campaign = field(send("POST", "/api/v1/campaigns", "application/json", """
                {"name":"Kill bench launch","description":"Posts falling due while the node dies","type":"PRODUCT_LAUNCH",
                 "priority":"HIGH","channels":["TWITTER"],"startDate":"2030-03-01","endDate":"2030-04-30",
                 "budget":{"amount":100.00,"currency":"EUR"}}""", 201), "id");
        send("POST", "/api/v1/campaigns/" + campaign + "/plan", "application/json", "{}", 200);
        send("POST", "/api/v1/campaigns/" + campaign + "/mark-ready", "application/json", "{}", 200);
        send("POST", "/api/v1/campaigns/" + campaign + "/launch", "application/json", "{\"confirm\":true}", 200);
        send("POST", "/api/v1/channels/sandbox", "application/json",
                "{\"displayName\":\"Bench sandbox\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}", 201);

        // through the API a day ahead, already spaced as they will fall due; then moved into the window in one
        // transaction, as perf/PublishBenchmark.java does: on a loaded machine the API may take minutes to take
        // 1,500 posts, longer than any lead time one could pick
        Instant later = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        long stepNanos = Duration.ofSeconds(span).toNanos() / posts;
        log("scheduling " + posts + " posts through the API (CSV batches of 500), a day ahead");
        Instant t = Instant.now();
        for (int done = 0; done < posts; done += 500) {
            StringBuilder csv = new StringBuilder("account,at,text\n");
            for (int i = done; i < Math.min(posts, done + 500); i++) {
                csv.append("Bench sandbox,").append(later.plusNanos(stepNanos * i).truncatedTo(ChronoUnit.MILLIS))
                        .append(",Kill bench post ").append(i).append('\n');
            }
            send("POST", "/api/v1/social/batch?campaignId=" + campaign, "text/csv", csv.toString(), 201);
        }
        double took = Duration.between(t, Instant.now()).toMillis() / 1000.0;
        log(String.format("scheduled in %.1f s (%.0f posts/s through the API)", took, posts / took));
        Instant start = Instant.now().plusSeconds(ahead).truncatedTo(ChronoUnit.SECONDS);
        long shiftMs = Duration.between(start, later).toMillis();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            db.setAutoCommit(false);
            try (PreparedStatement post = db.prepareStatement("update channel_posts set scheduled_at = scheduled_at "
                    + "- ? * interval '1 millisecond' where tenant_id = ?::uuid");
                 PreparedStatement task = db.prepareStatement("update scheduled_tasks t set execution_time = "
                         + "c.scheduled_at from channel_posts c where t.task_name = 'channel-post' and t.task_instance "
                         + "= c.id::text and c.tenant_id = ?::uuid")) {
                post.setLong(1, shiftMs);
                post.setString(2, workspace);
                int moved = post.executeUpdate();
                task.setString(1, workspace);
                int executions = task.executeUpdate();
                if (moved != posts || executions != posts) {
                    throw new IllegalStateException(moved + " posts and " + executions + " executions moved, not " + posts);
                }
            }
            db.commit();
        }
        log("moved into the window: due evenly over " + span + " s from " + start);
        Instant end = start.plusNanos(stepNanos * (posts - 1));
        Files.writeString(out.resolve("window.env"), "WORKSPACE=%s\nWINDOW_START_MS=%d\nWINDOW_END_MS=%d\n"
                .formatted(workspace, start.toEpochMilli(), end.toEpochMilli()));
    }

    static void settle(Connection db, Path out, String workspace, long readyMs, long windowEndMs, long atReady)
            throws Exception {
        String unsettledSql = "select count(*) from channel_posts where tenant_id = ?::uuid and status in "
                + "('SCHEDULED','PUBLISHING')";
        Long atOneMinute = null, atTenMinutes = null, settledMs = null;
        try (PreparedStatement q = db.prepareStatement(unsettledSql)) {
            q.setString(1, workspace);
            while (true) {
                long now = System.currentTimeMillis();
                long unsettled;
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    unsettled = r.getLong(1);
                }
                if (atOneMinute == null && now - readyMs >= 60_000) {
                    atOneMinute = unsettled;
                    log("unsettled 1 min after the last restart: " + unsettled);
                }
                if (unsettled == 0) {
                    settledMs = now;
                    break;
                }
                if (now - readyMs >= PATIENCE.toMillis()) {
                    atTenMinutes = unsettled;
                    log("unsettled 10 min after the last restart: " + unsettled);
                    break;
                }
                Thread.sleep(250);
            }
        }
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("last restart ready", String.format("%+.1f s after the last post's time",
                (readyMs - windowEndMs) / 1000.0));
        rows.put("unsettled at ready / after 1 min / after 10 min", atReady + " / "
                + (atOneMinute == null ? "0" : atOneMinute) + " / " + (atTenMinutes == null ? "0" : atTenMinutes));
        rows.put("**ready → last post settled**", settledMs == null ? "**not within 10 min**"
                : String.format("**%.1f s**", (settledMs - readyMs) / 1000.0));
        Map<String, Long> statuses = statuses(db, workspace, "true");
        rows.put("published / in doubt / failed / missed / cancelled / unsettled", String.join(" / ",
                Stream.of("PUBLISHED", "IN_DOUBT", "FAILED", "MISSED", "CANCELLED")
                        .map(s -> String.valueOf(statuses.getOrDefault(s, 0L))).toList())
                + " / " + (statuses.getOrDefault("SCHEDULED", 0L) + statuses.getOrDefault("PUBLISHING", 0L)));

        Map<String, Held> held = held(out);
        long heldMissed = 0;
        for (String atKill : List.of("SCHEDULED", "PUBLISHING")) {
            List<String> ids = held.values().stream().filter(h -> h.statusAtKill.equals(atKill)).map(Held::id).toList();
            Map<String, Long> ended = ids.isEmpty() ? Map.of() : statuses(db, workspace, in(ids));
            heldMissed += ended.getOrDefault("MISSED", 0L);
            rows.put((atKill.equals("SCHEDULED") ? "held by a dead node, picked but never attempted"
                    : "held by a dead node mid-attempt") + " (" + ids.size() + "): published / in doubt / failed / "
                    + "**missed**", String.join(" / ", Stream.of("PUBLISHED", "IN_DOUBT", "FAILED", "MISSED")
                    .map(st -> String.valueOf(ended.getOrDefault(st, 0L))).toList()));
        }
        rows.put("missed without any node having picked them", String.valueOf(statuses.getOrDefault("MISSED", 0L)
                - heldMissed));
        rows.put("found on the sandbox after a kill / looked up, not there, sent again", count(db, workspace,
                "log::text like '%Found the interrupted attempt%'") + " / " + count(db, workspace,
                "log::text like '%never received attempt%'"));
        List<Long> late = new ArrayList<>();
        try (ResultSet r = db.createStatement().executeQuery("select extract(epoch from (published_at - scheduled_at)) "
                + "* 1000 from channel_posts where status = 'PUBLISHED' and tenant_id = '" + workspace + "' order by 1")) {
            while (r.next()) {
                late.add(r.getLong(1));
            }
        }
        if (!late.isEmpty()) {
            rows.put("published after its time: p50 / p99 / max", String.format("%.1f / %.1f / %.1f s",
                    at(late, 0.50) / 1000.0, at(late, 0.99) / 1000.0, late.get(late.size() - 1) / 1000.0));
        }
        rows.put("on the sandbox: posts / **posts held twice** / published but not there", sandbox(db, workspace));

        StringBuilder table = new StringBuilder("| | |\n| --- | --- |\n");
        rows.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.print(table);
        Files.writeString(out.resolve("results.md"), table.toString());
    }

    record Held(String id, String statusAtKill) {
    }

    /**
     * Each post some dead node had picked while it was still unsettled (scheduled or publishing), as the first kill
     * that found it so saw it. A post already recorded as published whose execution was still picked is left out: the
     * node had done its work.
     */
    static Map<String, Held> held(Path out) throws Exception {
        Map<String, Held> first = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(p -> p.getFileName().toString().matches("picked-\\d+\\.txt"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString()
                            .replaceAll("\\D", "")))).toList();
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (String line : lines.subList(1, lines.size())) {
                String[] idAndStatus = line.split(",");
                if (idAndStatus.length == 2 && List.of("SCHEDULED", "PUBLISHING").contains(idAndStatus[1].trim())) {
                    String id = idAndStatus[0].trim();
                    first.putIfAbsent(id, new Held(id, idAndStatus[1].trim()));
                }
            }
        }
        return first;
    }

    /** The ids come from the database itself (picked-N.txt), never from outside. */
    static String in(java.util.Collection<String> ids) {
        return "id::text in ('" + String.join("','", ids) + "')";
    }

    static Map<String, Long> statuses(Connection db, String workspace, String condition) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("select status, count(*) from channel_posts where tenant_id = "
                + "?::uuid and " + condition + " group by status")) {
            q.setString(1, workspace);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return counts;
    }

    static long count(Connection db, String workspace, String condition) throws Exception {
        return statuses(db, workspace, condition).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each post's text is its own, so a text held twice is a post the network received twice. */
    static String sandbox(Connection db, String workspace) throws Exception {
        try (PreparedStatement q = db.prepareStatement("select count(*), count(*) - count(distinct text), "
                + "(select count(*) from channel_posts c where c.tenant_id = ?::uuid and c.status = 'PUBLISHED' and "
                + "not exists (select 1 from sandbox_posts s where s.tenant_id = c.tenant_id and s.text = c.text)) "
                + "from sandbox_posts where tenant_id = ?::uuid")) {
            q.setString(1, workspace);
            q.setString(2, workspace);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1) + " / **" + r.getLong(2) + "** / " + r.getLong(3);
            }
        }
    }

    static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
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
