package io.flightdeck.ops;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestDatabase;
import io.flightdeck.support.TestWorkspaces;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static io.flightdeck.support.ForkedApp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 49's two nodes: two nodes of the application on one PostgreSQL schema and one blob store folder are given a
 * workspace's worth of work at once (email campaigns to an SMTP server, channel posts due now on the sandbox network,
 * built-in renders, contact CSV imports), and the first node found holding work of every one of those kinds is killed
 * (SIGKILL). The other takes its executions over once their heartbeats stop and finishes everything: each post on the
 * network once, each person's email at the server at most once (and once unless a person must decide), every render
 * published with its file readable from the shared store, every import complete with every row; within a minute.
 * <p>
 * Two forked JVMs, because two nodes and a kill are the test; no Spring context in this JVM. The nodes work in a
 * schema of their own, so the jobs of a context this test JVM may hold (on the default schema) never see their work.
 * PostgreSQL only: it is the database several nodes share (H2 serves one).
 */
class TwoNodesKillTests {

    private static final Set<String> KINDS = Set.of("email-send", "email-contact-import", "render-job", "channel-post");
    /** Email sends and contact imports, each: a few, so that nearly always one node runs some of both. */
    private static final int EACH = 3;
    private static final int RECIPIENTS = 100;
    private static final int IMPORTED = 10_000;
    private static final int POSTS = 80;
    private static final int RENDERS = 6;
    /** The sending threads of each node: a kill leaves at most two unconfirmed recipients per thread. */
    private static final int SENDING_THREADS = 4;

    @Test
    void aNodeKilledMidWorkLeavesItToTheOtherWhichFinishesEverythingOnceWithinAMinute() throws Exception {
        String url = TestDatabase.postgresUrl();
        Assumptions.assumeTrue(url != null, "several nodes share PostgreSQL; H2 serves one");
        String user = System.getenv().getOrDefault("FLIGHTDECK_TEST_POSTGRES_USER", "flightdeck");
        String password = System.getenv().getOrDefault("FLIGHTDECK_TEST_POSTGRES_PASSWORD", "flightdeck");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String schema = "two_nodes_" + run;
        String jdbc = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Path dir = Files.createDirectories(Path.of("target", "forked-apps", "two-nodes-" + run)).toAbsolutePath();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        List<ForkedApp> nodes = new ArrayList<>();
        boolean passed = false;
        try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
            try (Statement statement = db.createStatement()) {
                statement.execute("create schema " + schema);
            }
            String[] common = {"spring.flyway.schemas=" + schema, "flightdeck.assets.local-root=" + dir.resolve("blobs"),
                    "flightdeck.mail.transport=smtp", "spring.mail.host=127.0.0.1",
                    "spring.mail.port=" + smtp.getSmtp().getPort(), "flightdeck.email.readiness.sender-dns=off",
                    // 300 messages at 25 a second on each node: the kill finds sends under way
                    "flightdeck.email.sending.rate-per-second=25", "flightdeck.email.sending.concurrency=" + SENDING_THREADS,
                    // posts of one campaign on one channel would otherwise go two hours apart
                    "flightdeck.publishing.minimum-gap=PT0S",
                    // the shipped heartbeat, not the test profile's 2 s: the minute is the product's (dead after 4
                    // missed 5 s beats, looked for every 10 s: taken over 20 to 30 s after the kill)
                    "db-scheduler.heartbeat-interval=5s",
                    // a few sends and imports at once would take all of the shipped 4 threads, leaving renders waiting
                    "db-scheduler.threads=8",
                    // room to pick every job given through node A as it is given (immediate execution): at the
                    // shipped 3 per thread A was full of posts and renders when the imports came, B took all three,
                    // and no node held every kind (CI)
                    "db-scheduler.polling-strategy-upper-limit-fraction-of-threads=8"};
            long began = System.nanoTime();
            // both start at once, as nodes do: one migrates the empty schema while the other waits on Flyway's lock
            CompletableFuture<ForkedApp> startA = CompletableFuture.supplyAsync(() -> start(jdbc, user, password, dir,
                    "node-a", common));
            CompletableFuture<ForkedApp> startB = CompletableFuture.supplyAsync(() -> start(jdbc, user, password, dir,
                    "node-b", common));
            CompletableFuture.allOf(startA, startB).handle((done, failed) -> done).join();
            for (CompletableFuture<ForkedApp> started : List.of(startA, startB)) {
                if (!started.isCompletedExceptionally()) {
                    nodes.add(started.join());
                }
            }
            Map<String, ForkedApp> byName = Map.of("node-a", startA.join(), "node-b", startB.join());
            ForkedApp a = byName.get("node-a");
            System.out.printf("two nodes: both up %.1f s after the start%n", (System.nanoTime() - began) / 1e9);

            String email = "two-nodes-" + run + "@example.com";
            String token = JsonPath.read(ok(a.send("POST", "/api/v1/auth/signup", null, """
                    {"workspaceName":"Two nodes","displayName":"Nora Node","email":"%s","password":"%s","timeZone":"UTC"}"""
                    .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
            NodeWorkload work = new NodeWorkload(a, token, run);
            String campaign = work.launchedCampaign();
            String readers = work.list("Readers");
            work.importContacts(readers, "readers.csv", RECIPIENTS, true);
            List<String> mails = new ArrayList<>();
            for (int i = 1; i <= EACH; i++) {
                mails.add(work.emailCampaign(campaign, readers, email, i));
            }
            String sandbox = work.sandboxAccount();
            String creative = work.creative(campaign);

            String imported = work.list("Imported");
            List<NodeWorkload.PreparedImport> prepared = new ArrayList<>();
            for (int i = 1; i <= EACH; i++) {
                prepared.add(work.prepareImport(imported, "imp" + i + ".csv", IMPORTED));
            }

            // the work, all at once through node A; whichever node polls first after a commit runs it, so each kind
            // of which there are a few (sends, imports) lands on both nodes nearly always. Each kind must still be
            // running when the last is given: the 80 posts, slow to make and quick to publish, are due a few seconds
            // after they are made, and the imports' files are uploaded beforehand (in CI runs where everything was
            // due at once, the imports or the renders were over before the posts began, and no node held every kind)
            work.posts(campaign, sandbox, POSTS, Duration.ofSeconds(6));
            List<String> renders = new ArrayList<>();
            for (int i = 0; i < RENDERS; i++) {
                renders.add(work.render(creative, i % 2 == 0));
            }
            for (String mail : mails) {
                ok(a.send("POST", "/api/v1/email/campaigns/" + mail + "/send", token, null), 202);
            }
            List<String> imports = new ArrayList<>();
            for (NodeWorkload.PreparedImport contactImport : prepared) {
                imports.add(work.startImport(contactImport));
            }

            long loaded = System.nanoTime();
            System.out.printf("two nodes: the work given %.1f s after the start%n", (loaded - began) / 1e9);
            String dying = null;
            Map<String, Map<String, Integer>> held = Map.of();
            while (dying == null) {
                assertThat((System.nanoTime() - loaded) / 1e9).as("no node held every kind at once").isLessThan(40);
                Thread.sleep(100);
                Map<String, Map<String, Integer>> now = held(db);
                if (!kinds(now).equals(kinds(held))) {
                    System.out.printf("two nodes: %.1f s after the load, held %s%n", (System.nanoTime() - loaded) / 1e9, now);
                }
                held = now;
                for (String node : byName.keySet()) {
                    if (held.getOrDefault(node, Map.of()).keySet().containsAll(KINDS) && rendering(db, node)) {
                        dying = node;
                    }
                }
            }
            byName.get(dying).kill();
            long killed = System.nanoTime();
            String survivorName = dying.equals("node-a") ? "node-b" : "node-a";
            ForkedApp survivor = byName.get(survivorName);
            Map<String, Integer> left = held(db).getOrDefault(dying, Map.of());
            System.out.println("two nodes: " + dying + " died holding " + left);
            assertThat(left).as("executions %s held when it died", dying).containsKeys(KINDS.toArray(String[]::new));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> finished(db));
            double took = (System.nanoTime() - killed) / 1e9;
            System.out.printf("two nodes: %s finished the work %.1f s after %s was killed%n", survivorName, took, dying);

            assertPostsOnceEach(db);
            assertEmailAtMostOnceEach(db, smtp);
            for (String render : renders) {
                String job = ok(survivor.send("GET", "/api/v1/render-jobs/" + render, token, null), 200);
                assertThat((String) JsonPath.read(job, "$.status")).as("render %s: %s", render, job).isEqualTo("PUBLISHED");
                assertThat((Integer) JsonPath.read(job, "$.attempt")).as("render %s: %s", render, job).isEqualTo(1);
                String primary = JsonPath.read(job, "$.outputs.primary");
                HttpResponse<byte[]> file = survivor.download("/api/v1/campaign-assets/" + primary + "/content", token);
                assertThat(file.statusCode()).as("render %s's file, from the shared store", render).isEqualTo(200);
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())))
                        .isEqualTo((String) JsonPath.read(job, "$.metadata.hash"));
            }
            for (String contactImport : imports) {
                String done = ok(survivor.send("GET", "/api/v1/email/imports/" + contactImport, token, null), 200);
                assertThat((String) JsonPath.read(done, "$.status")).as(done).isEqualTo("SUCCEEDED");
                assertThat(((Number) JsonPath.read(done, "$.added")).intValue()).as(done).isEqualTo(IMPORTED);
            }
            assertThat(((Number) JsonPath.read(ok(survivor.send("GET", "/api/v1/email/lists/" + imported, token, null),
                    200), "$.members")).intValue()).isEqualTo(EACH * IMPORTED);
            passed = true;
        } finally {
            for (ForkedApp node : nodes) {
                node.close();
            }
            smtp.stop();
            try (Connection db = DriverManager.getConnection(url, user, password);
                    Statement statement = db.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
            if (passed) {
                FileSystemUtils.deleteRecursively(dir);
            }
        }
    }

    private static ForkedApp start(String jdbc, String user, String password, Path dir, String name, String[] common) {
        try {
            // a data folder each (its own search index), the blob store shared; a scheduler name each, so the test
            // can tell which node holds an execution
            return ForkedApp.start(ForkedApp.FAST_START, jdbc, user, password, dir.resolve(name), ForkedApp.with(common,
                    "flightdeck.data-dir=" + dir.resolve(name + "-data"), "db-scheduler.scheduler-name=" + name));
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not start", e);
        }
    }

    /** The executions of the four kinds each node has picked, counted by kind. */
    private static Map<String, Map<String, Integer>> held(Connection db) throws SQLException {
        Map<String, Map<String, Integer>> held = new TreeMap<>();
        try (Statement statement = db.createStatement(); ResultSet r = statement.executeQuery("select picked_by,"
                + " task_name, count(*) from scheduled_tasks where picked = true group by picked_by, task_name")) {
            while (r.next()) {
                if (KINDS.contains(r.getString(2))) {
                    held.computeIfAbsent(r.getString(1), node -> new TreeMap<>()).put(r.getString(2), r.getInt(3));
                }
            }
        }
        return held;
    }

    private static Map<String, Set<String>> kinds(Map<String, Map<String, Integer>> held) {
        Map<String, Set<String>> kinds = new TreeMap<>();
        held.forEach((node, counts) -> kinds.put(node, counts.keySet()));
        return kinds;
    }

    /** Whether the node is in the middle of a render (its attempt started, its outputs not yet stored). */
    private static boolean rendering(Connection db, String node) throws SQLException {
        return count(db, "render_jobs j join scheduled_tasks t on t.task_name = 'render-job'"
                + " and t.task_instance = cast(j.id as varchar(255))"
                + " where t.picked_by = '" + node + "' and j.status = 'RUNNING'") > 0;
    }

    /** Every piece of the work has ended and left no execution behind. */
    private static boolean finished(Connection db) throws SQLException {
        return count(db, "scheduled_tasks where task_name in ('email-send', 'email-contact-import', 'render-job',"
                + " 'channel-post')") == 0
                && count(db, "email_campaigns where status <> 'SENT'") == 0
                && count(db, "email_contact_imports where status in ('QUEUED', 'RUNNING')") == 0
                && count(db, "render_jobs where status in ('QUEUED', 'RUNNING')") == 0
                && count(db, "channel_posts where status in ('SCHEDULED', 'PUBLISHING')") == 0;
    }

    /** Each post published, and on the sandbox network once, under the id the post recorded. */
    private static void assertPostsOnceEach(Connection db) throws SQLException {
        Map<String, List<String>> onNetwork = new HashMap<>();
        try (Statement statement = db.createStatement();
                ResultSet r = statement.executeQuery("select idempotency_key, id from sandbox_posts")) {
            while (r.next()) {
                String key = r.getString(1);
                onNetwork.computeIfAbsent(key.substring(0, key.indexOf(':')), k -> new ArrayList<>()).add(r.getString(2));
            }
        }
        int posts = 0;
        try (Statement statement = db.createStatement();
                ResultSet r = statement.executeQuery("select id, status, attempt, external_id from channel_posts")) {
            while (r.next()) {
                posts++;
                String id = r.getString(1);
                assertThat(r.getString(2)).as("post %s", id).isEqualTo("PUBLISHED");
                assertThat(r.getInt(3)).as("attempts of post %s", id).isEqualTo(1);
                assertThat(onNetwork.get(id)).as("post %s on the network", id).containsExactly(r.getString(4));
            }
        }
        assertThat(posts).isEqualTo(POSTS);
        assertThat(onNetwork).as("nothing else on the network").hasSize(POSTS);
    }

    /**
     * No one twice, and everyone once but those left unconfirmed: an SMTP server keeps no record to ask, so a message
     * whose hand-over was committed and whose answer a kill cut off stays for a person to send again or not (at most
     * two per sending thread of the dead node, one of them surely at the server).
     */
    private static void assertEmailAtMostOnceEach(Connection db, GreenMail smtp) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            copies.merge(message.getSubject() + " to " + ((InternetAddress) message.getAllRecipients()[0]).getAddress(),
                    1, Integer::sum);
        }
        Map<String, String> states = new HashMap<>();
        try (Statement statement = db.createStatement(); ResultSet r = statement.executeQuery("select c.subject,"
                + " r.address, r.state from email_recipients r join email_campaigns c on c.id = r.email_campaign_id")) {
            while (r.next()) {
                states.put(r.getString(1) + " to " + r.getString(2), r.getString(3));
            }
        }
        assertThat(states).hasSize(EACH * RECIPIENTS);
        long unconfirmed = states.values().stream().filter("HANDED_OVER"::equals).count();
        System.out.println("two nodes: " + unconfirmed + " recipients left unconfirmed for a person");
        assertThat(unconfirmed).as("unconfirmed: two per sending thread at most").isLessThanOrEqualTo(2 * SENDING_THREADS);
        states.forEach((message, state) -> {
            int got = copies.getOrDefault(message, 0);
            if (state.equals("HANDED_OVER")) {
                assertThat(got).as("copies of %s, unconfirmed", message).isLessThanOrEqualTo(1);
            } else {
                assertThat(state).as(message).isEqualTo("SENT");
                assertThat(got).as("copies of %s", message).isEqualTo(1);
            }
        });
    }

    private static long count(Connection db, String tableAndCondition) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet r = statement.executeQuery("select count(*) from " + tableAndCondition)) {
            r.next();
            return r.getLong(1);
        }
    }
}
