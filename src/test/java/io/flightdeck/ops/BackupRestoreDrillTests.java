package io.flightdeck.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.assets.AssetSamples;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestDatabase;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backup and restore drill of docs/scaling.md, as an operator runs it: an installation on PostgreSQL with a
 * campaign, an uploaded asset and a sent test email is backed up while it runs ({@code pg_dump -Fc} of its schema, then
 * a copy of its data folder), the node is lost ({@code kill -9}), and the dump is restored with {@code pg_restore}
 * into an empty database beside the copied files. A new node on them starts and serves everything: the member signs in
 * with the same password, the campaign and the asset's bytes are there, and every table holds the rows it held.
 * <p>
 * Two forked JVMs (a node lost and a node restored are the point of the drill; no Spring context in this JVM), on
 * schemas of their own: the suite's database for the source, and the database of the same name with
 * {@code _restore} appended (which {@code .ci/run} creates) as the empty installation. PostgreSQL only: on H2 the
 * backup is a copy of its file.
 */
class BackupRestoreDrillTests {

    /** Rows a starting node writes or clears by itself: not part of what a backup must bring back. */
    private static final Set<String> CHANGED_BY_A_START = Set.of("scheduled_tasks", "spring_session",
            "spring_session_attributes", "rate_limit_buckets", "event_publication", "event_publication_archive");

    @Test
    void aDumpAndACopyOfTheFilesRestoreIntoAnEmptyInstallationThatServesEverything() throws Exception {
        String url = TestDatabase.postgresUrl();
        Assumptions.assumeTrue(url != null, "the drill is PostgreSQL's (pg_dump, pg_restore)");
        String user = System.getenv().getOrDefault("FLIGHTDECK_TEST_POSTGRES_USER", "flightdeck");
        String password = System.getenv().getOrDefault("FLIGHTDECK_TEST_POSTGRES_PASSWORD", "flightdeck");
        String restoreUrl = url.replaceFirst("(/[^/?]+)(\\?|$)", "$1_restore$2");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String schema = "drill_" + run;
        Path dir = Files.createDirectories(Path.of("target", "forked-apps", "drill-" + run)).toAbsolutePath();
        Path sourceData = dir.resolve("source-data");
        Path restoredData = dir.resolve("restored-data");
        Path dump = dir.resolve("flightdeck.dump");
        String email = "drill-" + run + "@example.com";
        byte[] poster = AssetSamples.png(11, 640, 480);
        String campaign;
        String asset;
        Map<String, Long> before;
        try {
            try (ForkedApp source = ForkedApp.start(ForkedApp.FAST_START, inSchema(url, schema), user, password,
                    dir.resolve("source"), "spring.flyway.schemas=" + schema, "flightdeck.data-dir=" + sourceData,
                    "db-scheduler.polling-interval=200ms")) {
                String token = JsonPath.read(ok(source.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Drill","displayName":"Dee Drill","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                campaign = JsonPath.read(ok(source.send("POST", "/api/v1/campaigns", token,
                        "{\"name\":\"Harbour festival\",\"type\":\"EVENT\"}"), 201), "$.id");
                asset = JsonPath.read(ok(source.send("POST", "/api/v1/campaign-assets/assets?name=poster.png", token,
                        "application/octet-stream", poster), 201), "$.asset.id");
                String mail = JsonPath.read(ok(source.send("POST", "/api/v1/email/campaigns", token, """
                        {"campaignId":"%s","name":"Festival news","subject":"Festival news","html":"<p>Come.</p>"}"""
                        .formatted(campaign)), 201), "$.id");
                ok(source.send("POST", "/api/v1/email/campaigns/" + mail + "/test-send", token,
                        "{\"to\":\"%s\"}".formatted(email)), 201);
                try (Connection db = connect(url, user, password)) {
                    await().atMost(Duration.ofSeconds(60)).until(() ->
                            count(db, schema, "email_test_sends where state = 'SENT'") == 1);
                }
                // the backup, while the node runs: the database first, then the files (which only grow)
                run(List.of("pg_dump", "-Fc", "-n", schema, "-f", dump.toString(), "-d", libpq(url)), password);
                FileSystemUtils.copyRecursively(sourceData, restoredData);
                try (Connection db = connect(url, user, password)) {
                    before = rowCounts(db, schema);
                }
                source.kill();
            }
            assertThat(before).containsEntry("campaigns", 1L).containsEntry("email_test_sends", 1L);

            try (Connection empty = connect(restoreUrl, user, password); Statement statement = empty.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
            run(List.of("pg_restore", "--no-owner", "-d", libpq(restoreUrl), dump.toString()), password);

            try (ForkedApp restored = ForkedApp.start(ForkedApp.FAST_START, inSchema(restoreUrl, schema), user,
                    password, dir.resolve("restored"), "spring.flyway.schemas=" + schema,
                    "flightdeck.data-dir=" + restoredData)) {
                // counted before anyone signs in (a sign-in is recorded)
                Map<String, Long> after;
                try (Connection db = connect(restoreUrl, user, password)) {
                    after = rowCounts(db, schema);
                }
                Map<String, Long> expected = new TreeMap<>(before);
                CHANGED_BY_A_START.forEach(expected::remove);
                CHANGED_BY_A_START.forEach(after::remove);
                assertThat(after).as("every table holds the rows it held").isEqualTo(expected);
                String token = JsonPath.read(ok(restored.send("POST", "/api/v1/auth/token", null, """
                        {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200),
                        "$.accessToken");
                assertThat((String) JsonPath.read(ok(restored.send("GET", "/api/v1/campaigns/" + campaign, token, null),
                        200), "$.name")).isEqualTo("Harbour festival");
                HttpResponse<byte[]> content = restored.download("/api/v1/campaign-assets/" + asset + "/content", token);
                assertThat(content.statusCode()).isEqualTo(200);
                assertThat(content.body()).as("the asset's bytes, from the copied files").isEqualTo(poster);
            }
        } finally {
            for (String each : List.of(url, restoreUrl)) {
                try (Connection db = connect(each, user, password); Statement statement = db.createStatement()) {
                    statement.execute("drop schema if exists " + schema + " cascade");
                }
            }
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private static String inSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The JDBC URL as a libpq connection URI for pg_dump and pg_restore ({@code postgresql://host:port/db}). */
    private static String libpq(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "postgresql://" + System.getenv().getOrDefault("FLIGHTDECK_TEST_POSTGRES_USER", "flightdeck") + "@"
                + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath();
    }

    private static Connection connect(String url, String user, String password) throws Exception {
        return DriverManager.getConnection(url, user, password);
    }

    private static long count(Connection db, String schema, String tableAndCondition) throws Exception {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + schema + "." + tableAndCondition)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, Long> rowCounts(Connection db, String schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = db.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, count(db, schema, table));
        }
        return counts;
    }

    private static void run(List<String> command, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static String ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }
}
