package io.flightdeck.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.FlightdeckApplication;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.PostPublished;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification benchmark (issue 27), run by perf/notify-bench.sh: Flightdeck started in this JVM on PostgreSQL,
 * sending its email over SMTP to a local sink, and fed {@link PostPublished} events exactly as the publishing module
 * publishes them (one transaction each, through Spring Modulith's publication registry). The notifications module
 * hears them as it does in production: its listener finds the campaign's owner and followers, their preferences, and
 * writes the notifications and the email ledger rows.
 *
 * Set-up: a workspace of 200 members (the owner signed up through the API, 199 more written in SQL), 50 campaigns
 * created through the API, each owned by one member and followed by 19 others, so every event concerns 20 members.
 * Preferences are mixed: for publishing news a tenth of the members add email, a tenth switch the app off and keep
 * email, a tenth switch both off, the rest keep the defaults (in the app only).
 *   1. throughput: EVENTS events published at once from 4 threads; notifications created per second, from the first
 *      publish to the last notification written; then emails handed to the sink per second, from the first email
 *      queued to the last one sent;
 *   2. lateness: EVENTS more at a fixed RATE per second; each notification's lateness is its creation minus the commit
 *      of its event: p50/p95/p99/max.
 *
 * Arguments: jdbcUrl user password outDir events rate smtpPort httpPort
 */
public final class NotificationLoad {

    private static final int MEMBERS = 200;
    private static final int CAMPAIGNS = 50;
    private static final int FOLLOWERS = 19;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext app;
    private final JdbcTemplate sql;
    private final TransactionTemplate tx;
    private final String baseUrl;
    private final UUID workspace;
    private final List<UUID> campaigns = new ArrayList<>();
    /** Per campaign: notifications and emails one event of it makes, worked out from the seeded preferences. */
    private final int[][] expected = new int[CAMPAIGNS][2];

    private NotificationLoad(ConfigurableApplicationContext app, String baseUrl) throws Exception {
        this.app = app;
        this.sql = app.getBean(JdbcTemplate.class);
        this.tx = app.getBean(TransactionTemplate.class);
        this.baseUrl = baseUrl;
        String email = "bench-notify-" + System.currentTimeMillis() + "@example.com";
        String token = field(send("POST", "/api/v1/auth/signup", null, """
                {"workspaceName":"Notification benchmark","displayName":"Bench Owner","email":"%s",
                 "password":"bench-password-1","timeZone":"UTC"}""".formatted(email)), "accessToken");
        this.workspace = UUID.fromString(field(send("GET", "/api/v1/me", token, null), "workspaceId"));
        for (int c = 0; c < CAMPAIGNS; c++) {
            campaigns.add(UUID.fromString(field(send("POST", "/api/v1/campaigns", token, """
                    {"name":"Bench campaign %d","description":"Notification load","type":"PRODUCT_LAUNCH",
                     "priority":"HIGH","channels":["TWITTER"],"startDate":"2030-03-01","endDate":"2030-04-30",
                     "budget":{"amount":100.00,"currency":"EUR"}}""".formatted(c)), "id")));
        }
        seed(email);
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        Path out = Path.of(args[3]);
        int events = Integer.parseInt(args[4]);
        int rate = Integer.parseInt(args[5]);
        int httpPort = Integer.parseInt(args[7]);
        ConfigurableApplicationContext app = new SpringApplication(FlightdeckApplication.class).run(
                "--server.port=" + httpPort, "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + args[1], "--spring.datasource.password=" + args[2],
                "--flightdeck.demo.enabled=false", "--flightdeck.data-dir=" + out.resolve("app-data"),
                "--flightdeck.mail.transport=smtp", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + args[6],
                "--logging.level.io.flightdeck.requests=warn");
        try {
            NotificationLoad load = new NotificationLoad(app, "http://localhost:" + httpPort);
            String throughput = load.throughput(events);
            String lateness = load.lateness(events, rate);
            Files.writeString(out.resolve("app.txt"), throughput + "\n" + lateness + "\n");
        } finally {
            app.close();
        }
        System.exit(0); // threads the app leaves behind (its live-signal listener) would keep the JVM up
    }

    /** 199 members beside the owner, the campaigns' owners and followers, and the mixed preferences. */
    private void seed(String ownerEmail) {
        UUID owner = sql.queryForObject("select id from users where email = ?", UUID.class, ownerEmail);
        String hash = sql.queryForObject("select password_hash from users where id = ?", String.class, owner);
        Timestamp now = Timestamp.from(Instant.now());
        List<UUID> members = new ArrayList<>(List.of(owner));
        List<Object[]> users = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        for (int i = 1; i < MEMBERS; i++) {
            UUID id = UUID.randomUUID();
            members.add(id);
            users.add(new Object[] {id, "member-" + i + "-" + id + "@example.com", "Member " + i, hash, "UTC", workspace,
                    now, now});
            memberships.add(new Object[] {UUID.randomUUID(), workspace, id, i % 4 == 0 ? "VIEWER" : "CONTRIBUTOR", now});
        }
        sql.batchUpdate("insert into users (id, email, display_name, password_hash, time_zone, last_workspace_id, "
                + "created_at, password_changed_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)", users);
        sql.batchUpdate("insert into memberships (id, tenant_id, user_id, role, created_at, version) "
                + "values (?, ?, ?, ?, ?, 0)", memberships);

        List<Object[]> preferences = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            switch (i % 10) {
                case 0 -> preferences.add(preference(members.get(i), "EMAIL", "IMMEDIATE", now));
                case 1 -> {
                    preferences.add(preference(members.get(i), "IN_APP", "OFF", now));
                    preferences.add(preference(members.get(i), "EMAIL", "IMMEDIATE", now));
                }
                case 2 -> preferences.add(preference(members.get(i), "IN_APP", "OFF", now));
                default -> { }
            }
        }
        sql.batchUpdate("insert into notification_preferences (id, tenant_id, member_id, category, channel, mode, "
                + "updated_at, version) values (?, ?, ?, 'PUBLISHING', ?, ?, ?, 0)", preferences);

        Random random = new Random(27);
        List<Object[]> follows = new ArrayList<>();
        for (int c = 0; c < CAMPAIGNS; c++) {
            int ownerIndex = (c * 4) % MEMBERS;
            sql.update("update campaigns set owner_id = ? where id = ?", members.get(ownerIndex), campaigns.get(c));
            List<Integer> concerned = new ArrayList<>(List.of(ownerIndex));
            while (concerned.size() < FOLLOWERS + 1) {
                int m = random.nextInt(MEMBERS);
                if (!concerned.contains(m)) {
                    concerned.add(m);
                    follows.add(new Object[] {UUID.randomUUID(), workspace, campaigns.get(c), members.get(m), now});
                }
            }
            for (int m : concerned) {
                expected[c][0] += m % 10 == 2 ? 0 : 1;
                expected[c][1] += m % 10 <= 1 ? 1 : 0;
            }
        }
        sql.batchUpdate("insert into campaign_follows (id, tenant_id, campaign_id, member_id, created_at) "
                + "values (?, ?, ?, ?, ?)", follows);
        log(String.format("seeded: %d members, %d campaigns with an owner and %d followers each", MEMBERS, CAMPAIGNS,
                FOLLOWERS));
    }

    private Object[] preference(UUID member, String channel, String mode, Timestamp at) {
        return new Object[] {UUID.randomUUID(), workspace, member, channel, mode, at};
    }

    private String throughput(int events) throws Exception {
        Map<UUID, Instant> published = new ConcurrentHashMap<>();
        int[] totals = totals(0, events);
        log(String.format("throughput: %d events at once from 4 threads, expecting %d notifications and %d emails",
                events, totals[0], totals[1]));
        Instant t0 = Instant.now();
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < events; i++) {
            int n = i;
            publishers.execute(() -> publish(n, published));
        }
        publishers.shutdown();
        publishers.awaitTermination(10, TimeUnit.MINUTES);
        double publishing = seconds(t0, Instant.now());
        Instant created = await("select count(*), max(created_at) from notifications where tenant_id = ?", totals[0]);
        double createdSeconds = seconds(t0, created);
        Instant sent = await("select count(*), max(sent_at) from notification_deliveries where tenant_id = ? "
                + "and status = 'SENT'", totals[1]);
        Instant firstQueued = sql.queryForObject("select min(created_at) from notification_deliveries "
                + "where tenant_id = ?", Timestamp.class, workspace).toInstant();
        double sendSeconds = seconds(firstQueued, sent);
        String summary = String.format("throughput: %d events published in %.2f s (%.0f/s); %d notifications created "
                + "in %.2f s = %.0f/s; %d emails handed to the SMTP sink in %.2f s = %.0f/s%s", events, publishing,
                events / publishing, totals[0], createdSeconds, totals[0] / createdSeconds, totals[1], sendSeconds,
                totals[1] / sendSeconds, unsettled());
        log(summary);
        return summary;
    }

    private String lateness(int events, int rate) throws Exception {
        Map<UUID, Instant> published = new ConcurrentHashMap<>();
        int[] before = totals(0, events);
        int[] totals = totals(events, events);
        log(String.format("lateness: %d events at %d/s, expecting %d notifications", events, rate, totals[0]));
        Instant start = Instant.now().plusSeconds(1);
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < events; i++) {
            Instant at = start.plusNanos(1_000_000_000L / rate * i);
            long wait = Duration.between(Instant.now(), at).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            int n = events + i;
            publishers.execute(() -> publish(n, published));
        }
        publishers.shutdown();
        publishers.awaitTermination(10, TimeUnit.MINUTES);
        await("select count(*), max(created_at) from notifications where tenant_id = ?", before[0] + totals[0]);
        List<Long> micros = new ArrayList<>();
        sql.query("select subject_id, created_at from notifications where tenant_id = ? and created_at >= ?", row -> {
            Instant at = published.get(row.getObject(1, UUID.class));
            if (at != null) {
                micros.add(Duration.between(at, row.getTimestamp(2).toInstant()).toNanos() / 1000);
            }
        }, workspace, Timestamp.from(start));
        await("select count(*), max(sent_at) from notification_deliveries where tenant_id = ? and status = 'SENT'",
                before[1] + totals[1]);
        String summary = String.format("lateness at %d events/s (%d notifications/s), event committed to notification "
                + "written, over %d: %s%s", rate, rate * totals[0] / events, micros.size(), percentiles(micros),
                unsettled());
        log(summary);
        return summary;
    }

    /** Event number n, for campaign n mod 50, in its own transaction; its commit time kept by its post's id. */
    private void publish(int n, Map<UUID, Instant> published) {
        UUID channelPost = UUID.randomUUID();
        UUID campaign = campaigns.get(n % CAMPAIGNS);
        tx.executeWithoutResult(status -> app.publishEvent(new PostPublished(workspace, UUID.randomUUID(), channelPost,
                campaign, null, Channel.TWITTER, "sandbox", "bench-" + n, "https://example.com/bench/" + n,
                Instant.now())));
        published.put(channelPost, Instant.now());
    }

    private int[] totals(int from, int count) {
        int[] sum = new int[2];
        for (int n = from; n < from + count; n++) {
            sum[0] += expected[n % CAMPAIGNS][0];
            sum[1] += expected[n % CAMPAIGNS][1];
        }
        return sum;
    }

    /** Polls {@code select count, max(at)} until the count is reached; answers the max. */
    private Instant await(String query, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> row = sql.queryForMap(query, workspace);
            if (((Number) row.get("count")).intValue() >= count) {
                return ((Timestamp) row.get("max")).toInstant();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not reached within 10 minutes: " + count + " for " + query);
    }

    /** Deliveries that did not end sent, named, so a run that lost or failed mail says so in its summary. */
    private String unsettled() {
        Integer other = sql.queryForObject("select count(*) from notification_deliveries where tenant_id = ? "
                + "and status <> 'SENT'", Integer.class, workspace);
        return other == 0 ? "" : "; NOT SENT: " + other;
    }

    private static String percentiles(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private String send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static void log(String message) {
        System.out.println("[notify-bench " + Instant.now() + "] " + message);
    }
}
