import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

/**
 * The asset import benchmark (issue 12): 1,000,000 performance rows (1,000 assets x 1,000 days, seed columns) imported
 * through the API into a running Flightdeck on PostgreSQL, then the same file again (every row replaces one), beside
 * PostgreSQL's COPY of the same rows into the same table as the floor. Run by perf/import-bench.sh, which starts the app
 * with a GC log; this program reads the log for the heap during each import.
 *
 * Arguments: baseUrl jdbcUrl dbUser dbPassword outDir gcLog rows assets
 */
public class ImportBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String baseUrl;
    static String token;

    public static void main(String[] args) throws Exception {
        baseUrl = args[0];
        String jdbcUrl = args[1];
        String dbUser = args[2];
        String dbPassword = args[3];
        Path out = Path.of(args[4]);
        Path gcLog = Path.of(args[5]);
        int rows = Integer.parseInt(args[6]);
        int assets = Integer.parseInt(args[7]);
        int days = rows / assets;

        log("signing up, creating a campaign, a space and " + assets + " assets");
        String email = "bench-import-" + System.currentTimeMillis() + "@example.com";
        token = field(post("/api/v1/auth/signup", """
                {"workspaceName":"Import benchmark","displayName":"Bench Owner","email":"%s","password":"bench-password-1",
                 "timeZone":"UTC"}""".formatted(email), 201), "accessToken");
        String campaign = field(post("/api/v1/campaigns", "{\"name\":\"Import benchmark\",\"type\":\"OTHER\"}", 201), "id");
        String space = field(post("/api/v1/campaign-spaces", """
                {"campaignId":"%s","name":"Import benchmark – Meta","platform":"META","budget":{"amount":1000,"currency":"USD"}}"""
                .formatted(campaign), 201), "id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> created = new ArrayList<>();
        for (int a = 0; a < assets; a++) {
            String body = """
                    {"spaceId":"%s","name":"Ad %05d","type":"HEADLINE","headline":"Headline %05d","externalAssetId":"ad-%05d"}"""
                    .formatted(space, a, a, a);
            created.add(pool.submit(() -> field(post("/api/v1/campaign-assets", body, 201), "id")));
        }
        for (Future<String> f : created) {
            f.get();
        }
        pool.shutdown();

        Path file = out.resolve("performance-" + rows + ".csv");
        long[] expected = new long[2];
        log("writing " + rows + " rows to " + file);
        LocalDate first = LocalDate.of(2027, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("external_asset_id,date,impressions,clicks,conversions,spend,revenue\n");
            for (int d = 0; d < days; d++) {
                String day = first.plusDays(d).toString();
                for (int a = 0; a < assets; a++) {
                    long impressions = 1000 + (a * 31L + d * 17L) % 5000;
                    long clicks = impressions / 20;
                    long conversions = clicks / 10;
                    expected[0] += impressions;
                    expected[1] += clicks;
                    w.write("ad-%05d,%s,%d,%d,%d,%d.%02d,%d.50\n".formatted(a, day, impressions, clicks, conversions,
                            clicks * 37 / 100, clicks * 37 % 100, conversions * 12));
                }
            }
        }
        long size = Files.size(file);
        log("file: " + size / (1024 * 1024) + " MB; expected impressions " + expected[0] + ", clicks " + expected[1]);

        Measured fresh = importFile(space, file, rows, gcLog, "first import (every row new)");
        check(space, expected);
        Measured again = importFile(space, file, rows, gcLog, "the same file again (every row replaces)");
        check(space, expected);

        log("floor: COPY of the same rows into asset_performance_days");
        double copySeconds = copyFloor(jdbcUrl, dbUser, dbPassword, space, out, first, days, assets);

        String summary = """
                ## Asset import benchmark: %,d rows (%d assets x %d days), %d MB file

                | what | rows/s | seconds | vs COPY | peak heap before GC | largest heap after GC | upload |
                | --- | --- | --- | --- | --- | --- | --- |
                | PostgreSQL COPY of the same rows (floor) | %,.0f | %.1f | 1.00 | | | |
                | import, every row new | %,.0f | %.1f | %.2f | %d MB | %d MB | %.1f s |
                | import of the same file again, every row replaces | %,.0f | %.1f | %.2f | %d MB | %d MB | %.1f s |

                Seconds are the job's own (startedAt to finishedAt: reading the stored file, checking each row, MERGE
                batches, recounting the totals); the upload (multipart POST, stored in the blob store, header checked)
                is apart. Totals checked after each import: impressions %,d, clicks %,d.
                """.formatted(rows, assets, days, size / (1024 * 1024),
                rows / copySeconds, copySeconds,
                rows / fresh.seconds, fresh.seconds, copySeconds / fresh.seconds, fresh.peakBeforeGc, fresh.peakAfterGc, fresh.uploadSeconds,
                rows / again.seconds, again.seconds, copySeconds / again.seconds, again.peakBeforeGc, again.peakAfterGc, again.uploadSeconds,
                expected[0], expected[1]);
        Files.writeString(out.resolve("summary.md"), summary);
        System.out.println();
        System.out.println(summary);
    }

    record Measured(double seconds, double uploadSeconds, long peakBeforeGc, long peakAfterGc) {
    }

    static Measured importFile(String space, Path file, int rows, Path gcLog, String what) throws Exception {
        log(what + ": uploading");
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nPERFORMANCE\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nSKIP_BAD_ROWS\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/campaign-assets/campaign-spaces/" + space
                        + "/assets/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .timeout(Duration.ofMinutes(10)).build();
        long sent = System.nanoTime();
        HttpResponse<String> started = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        double upload = (System.nanoTime() - sent) / 1e9;
        if (started.statusCode() != 202) {
            throw new IOException("import refused: " + started.statusCode() + " " + started.body());
        }
        String id = field(started.body(), "id");
        log(what + ": accepted after " + String.format(Locale.ROOT, "%.1f", upload) + " s, import " + id);
        String body;
        int lastPercent = -1;
        while (true) {
            body = get("/api/v1/campaign-assets/imports/" + id);
            String status = field(body, "status");
            int percent = Integer.parseInt(field(body, "progressPercent"));
            if (percent / 10 != lastPercent / 10) {
                log(what + ": " + status + " " + percent + " %, " + field(body, "rowsImported") + " rows imported");
                lastPercent = percent;
            }
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("PARTLY")) {
                break;
            }
            Thread.sleep(250);
        }
        if (!field(body, "status").equals("SUCCEEDED") || Long.parseLong(field(body, "rowsImported")) != rows) {
            throw new IOException("import did not succeed: " + body);
        }
        Instant startedAt = Instant.parse(field(body, "startedAt"));
        Instant finishedAt = Instant.parse(field(body, "finishedAt"));
        double seconds = Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        long[] heap = heap(gcLog, startedAt, finishedAt);
        log(String.format(Locale.ROOT, "%s: %.1f s, %,.0f rows/s, heap up to %d MB before GC, %d MB after", what, seconds,
                rows / seconds, heap[0], heap[1]));
        return new Measured(seconds, upload, heap[0], heap[1]);
    }

    /** The largest heap before and after a collection during the window, from the app's -Xlog:gc log. */
    static long[] heap(Path gcLog, Instant from, Instant to) throws IOException {
        Pattern line = Pattern.compile("^\\[([^\\]]+)\\].*Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        long before = 0;
        long after = 0;
        for (String l : Files.readAllLines(gcLog)) {
            Matcher m = line.matcher(l);
            if (m.find()) {
                Instant at = OffsetDateTime.parse(m.group(1), time).toInstant();
                if (!at.isBefore(from) && !at.isAfter(to)) {
                    before = Math.max(before, Long.parseLong(m.group(2)));
                    after = Math.max(after, Long.parseLong(m.group(3)));
                }
            }
        }
        return new long[] {before, after};
    }

    static void check(String space, long[] expected) throws Exception {
        String stats = get("/api/v1/campaign-spaces/" + space + "/stats");
        if (Long.parseLong(field(stats, "impressions")) != expected[0] || Long.parseLong(field(stats, "clicks")) != expected[1]) {
            throw new IllegalStateException("space totals are wrong: " + stats);
        }
    }

    /** COPY of the same rows, already resolved to the table's columns, into the same table (source FLOOR), then removed. */
    static double copyFloor(String jdbcUrl, String user, String password, String space, Path out, LocalDate first,
            int days, int assets) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            Map<String, UUID> uses = new HashMap<>();
            UUID tenant = null;
            try (PreparedStatement p = c.prepareStatement("""
                    select a.external_asset_id, u.id, u.tenant_id from asset_uses u join assets a on a.id = u.asset_id
                    where u.space_id = ?""")) {
                p.setObject(1, UUID.fromString(space));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        uses.put(rs.getString(1), rs.getObject(2, UUID.class));
                        tenant = rs.getObject(3, UUID.class);
                    }
                }
            }
            Path floor = out.resolve("floor.csv");
            UUID importId = UUID.randomUUID();
            try (BufferedWriter w = Files.newBufferedWriter(floor)) {
                for (int d = 0; d < days; d++) {
                    String day = first.plusDays(d).toString();
                    for (int a = 0; a < assets; a++) {
                        long impressions = 1000 + (a * 31L + d * 17L) % 5000;
                        long clicks = impressions / 20;
                        long conversions = clicks / 10;
                        w.write("%s,%s,%s,FLOOR,%d,%d,%d,%d.%02d,%d.50,%s\n".formatted(tenant,
                                uses.get("ad-%05d".formatted(a)), day, impressions, clicks, conversions,
                                clicks * 37 / 100, clicks * 37 % 100, conversions * 12, importId));
                    }
                }
            }
            long started = System.nanoTime();
            long copied;
            try (Reader reader = Files.newBufferedReader(floor)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy asset_performance_days (tenant_id, use_id, report_date, source, impressions, clicks,
                             conversions, spend, revenue, import_id) from stdin with (format csv)""", reader);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            log(String.format(Locale.ROOT, "COPY: %,d rows in %.1f s, %,.0f rows/s", copied, seconds, copied / seconds));
            try (var s = c.createStatement()) {
                s.executeUpdate("delete from asset_performance_days where source = 'FLOOR' and import_id = '" + importId + "'");
                s.execute("vacuum analyze asset_performance_days");
            }
            return seconds;
        }
    }

    static String post(String path, String json, int expect) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** A top-level field of a JSON answer, as text (enough for ids, numbers, enums and instants). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|([-0-9.eE]+|null|true|false))").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static void log(String message) {
        System.out.printf("[import-bench %s] %s%n", java.time.LocalTime.now().withNano(0), message);
    }
}
