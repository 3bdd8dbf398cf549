package io.flightdeck.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.flightdeck.FlightdeckApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The email sending benchmark's app side (issue 28), run by perf/email-bench.sh: Flightdeck started in this JVM on
 * PostgreSQL, sending over SMTP with DKIM signing to the local sink (perf/smtp-sink), its settings given by the script
 * as system properties (spring.datasource.*, spring.mail.*, flightdeck.mail.dkim.*, flightdeck.email.sending.*).
 * The app runs in this JVM so that its heap can be sampled from inside while it sends, and so that the script can kill
 * the whole JVM (SIGKILL) in the middle of a send.
 * <p>
 * Modes (the first argument; the last is the run's output folder, where state.properties carries the workspace,
 * its lists and the crash send's id from one JVM to the next):
 * <ul>
 * <li>send LIST LABEL: (the first time, the set-up: an owner signed up through the API, approval scopes off, a
 *     launched campaign, the sender settings, two lists, and the contacts written in SQL) a new email campaign to the
 *     list (everyone or rate), its test send, the send, and the wait until it is SENT, with the heap sampled;</li>
 * <li>crash: the same to everyone, then it waits to be killed;</li>
 * <li>resume: the app started again on the same database, waiting until the crash send is SENT.</li>
 * </ul>
 * Settings (system properties): bench.people (100000, the everyone list), bench.rate-people (6000, the rate list).
 */
public final class EmailSendLoad {

    static final String DOMAIN = "inbox.example";
    private static final String PASSWORD = "bench-password-1";

    private final ConfigurableApplicationContext app;
    private final JdbcTemplate sql;
    private final BenchHttp http;
    private final Path out;
    private final Properties state = new Properties();

    private EmailSendLoad(ConfigurableApplicationContext app, Path out) throws IOException {
        this.app = app;
        this.sql = app.getBean(JdbcTemplate.class);
        this.http = new BenchHttp("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
        this.out = out;
        Path file = out.resolve("state.properties");
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                state.load(r);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path out = Path.of(args[args.length - 1]);
        Instant starting = Instant.now();
        ConfigurableApplicationContext app = new SpringApplication(FlightdeckApplication.class).run(
                "--flightdeck.demo.enabled=false", "--flightdeck.data-dir=" + out.resolve("app-data"),
                "--flightdeck.mail.transport=smtp", "--flightdeck.email.readiness.sender-dns=off",
                "--logging.level.io.flightdeck.requests=warn");
        log(String.format("app ready in %.1f s", seconds(starting, Instant.now())));
        try {
            EmailSendLoad load = new EmailSendLoad(app, out);
            switch (mode) {
                case "send" -> load.send(args[1], args[2]);
                case "crash" -> load.crash();
                case "resume" -> load.resume();
                default -> throw new IllegalArgumentException("mode: send, crash or resume, not " + mode);
            }
        } finally {
            app.close();
        }
        System.exit(0); // threads the app leaves behind would keep the JVM up
    }

    private void send(String list, String label) throws Exception {
        String token = setUp();
        String email = launch(list, "Bench " + label);
        int people = sql.queryForObject("select count(*) from email_list_members where list_id = ?", Integer.class,
                UUID.fromString(state.getProperty(list)));
        Instant clicked = Instant.now();
        http.send("POST", "/api/v1/email/campaigns/" + email + "/send", token, null);
        HeapSampler heap = HeapSampler.start(out.resolve("heap-" + label + ".csv"));
        Instant sent = awaitSent(email, Duration.ofMinutes(60));
        heap.stop();
        log(String.format("%s: %d recipients, send requested to SENT in %.2f s = %.0f/s end to end (ledger rows "
                + "written, sent, recorded); ledger %s; heap %s", label, people, seconds(clicked, sent),
                people / seconds(clicked, sent), states(email), heap.summary()));
        log(String.format("%s: hand-over %s; commit to answer %s", label, timed("commit"), timed("answer")));
    }

    /** One part of the send's hand-over timer (HandOverTimes): its mean and 99th percentile in milliseconds. */
    private String timed(String part) {
        Timer timer = app.getBean(MeterRegistry.class).get("flightdeck.email.hand-over").tag("part", part).timer();
        double p99 = java.util.Arrays.stream(timer.takeSnapshot().percentileValues())
                .filter(p -> p.percentile() == 0.99).mapToDouble(p -> p.value(TimeUnit.MILLISECONDS)).findFirst()
                .orElse(Double.NaN);
        return String.format(Locale.ROOT, "mean %.2f ms p99 %.2f ms over %d", timer.mean(TimeUnit.MILLISECONDS), p99,
                timer.count());
    }

    private void crash() throws Exception {
        setUp();
        String email = launch("everyone", "Bench crash");
        state.setProperty("crash", email);
        save();
        http.send("POST", "/api/v1/email/campaigns/" + email + "/send", token(), null);
        log("crash send " + email + " started; waiting for the SIGKILL");
        while (true) {
            Thread.sleep(1000);
        }
    }

    private void resume() throws Exception {
        Instant ready = Instant.now();
        String email = state.getProperty("crash");
        Instant sent = awaitSent(email, Duration.ofMinutes(30));
        log(String.format("resume: ready to SENT in %.1f s (a dead node's run is taken over after its missed "
                + "heartbeats); ledger %s", seconds(ready, sent), states(email)));
    }

    /** The workspace, its lists and contacts, made the first time; answers an access token. */
    private String setUp() throws Exception {
        if (state.getProperty("owner") != null) {
            return token();
        }
        String owner = "bench-owner-" + System.currentTimeMillis() + "@example.com";
        state.setProperty("owner", owner);
        String token = BenchHttp.field(http.send("POST", "/api/v1/auth/signup", null, """
                {"workspaceName":"Email benchmark","displayName":"Bench Owner","email":"%s","password":"%s",
                 "timeZone":"UTC"}""".formatted(owner, PASSWORD)), "accessToken");
        for (String scope : BenchHttp.all(http.send("GET", "/api/v1/approval-scopes", token, null), "key")) {
            http.send("PUT", "/api/v1/approval-scopes/" + scope, token, "{\"enabled\":false}");
        }
        http.send("PUT", "/api/v1/campaign-settings", token, "{\"readinessThreshold\":0}");
        String campaign = BenchHttp.field(http.send("POST", "/api/v1/campaigns", token, """
                {"name":"Email benchmark","description":"Mail at volume","type":"PRODUCT_LAUNCH",
                 "priority":"HIGH","channels":["EMAIL"],"startDate":"2030-03-01","endDate":"2030-04-30",
                 "budget":{"amount":100.00,"currency":"EUR"}}"""), "id");
        http.send("POST", "/api/v1/campaigns/" + campaign + "/plan", token, "{}");
        http.send("POST", "/api/v1/campaigns/" + campaign + "/mark-ready", token, "{}");
        http.send("POST", "/api/v1/campaigns/" + campaign + "/launch", token, "{\"confirm\":true}");
        state.setProperty("campaign", campaign);
        http.send("PUT", "/api/v1/email/settings", token, """
                {"fromName":"Bench Co","fromAddress":"news@bench.example","postalAddress":"1 Main St, Lisbon"}""");
        state.setProperty("everyone", BenchHttp.field(http.send("POST", "/api/v1/email/lists", token,
                "{\"name\":\"Everyone\"}"), "id"));
        state.setProperty("rate", BenchHttp.field(http.send("POST", "/api/v1/email/lists", token,
                "{\"name\":\"Rate\"}"), "id"));
        UUID workspace = UUID.fromString(BenchHttp.field(http.send("GET", "/api/v1/me", token, null), "workspaceId"));
        state.setProperty("workspace", workspace.toString());
        contacts(workspace, Integer.getInteger("bench.people", 100_000),
                Integer.getInteger("bench.rate-people", 6_000));
        save();
        return token;
    }

    /**
     * The contacts in three SQL statements (generate_series), not the CSV import: subscribed, with an import's consent
     * basis, p1 to pN at the contacts' domain; the first people of them on the everyone list, the first ratePeople on
     * the rate list.
     */
    private void contacts(UUID workspace, int people, int ratePeople) {
        Instant t0 = Instant.now();
        sql.update("insert into email_contacts (id, tenant_id, email, email_key, name, attributes, status, "
                + "status_changed_at, consent_source, consent_evidence, consent_at, created_at, updated_at, version) "
                + "select gen_random_uuid(), ?, 'p' || i || '@" + DOMAIN + "', 'p' || i || '@" + DOMAIN + "', "
                + "'Person ' || i, '{}', 'SUBSCRIBED', now(), 'IMPORT', 'Benchmark form', now(), now(), now(), 0 "
                + "from generate_series(1, ?) i", workspace, Math.max(people, ratePeople));
        for (Map.Entry<String, Integer> list : Map.of("everyone", people, "rate", ratePeople).entrySet()) {
            sql.update("insert into email_list_members (id, tenant_id, list_id, contact_id, added_at) "
                    + "select gen_random_uuid(), c.tenant_id, ?, c.id, now() from email_contacts c "
                    + "where c.tenant_id = ? and cast(substring(c.email_key from 2 for position('@' in c.email_key) "
                    + "- 2) as integer) <= ?", UUID.fromString(state.getProperty(list.getKey())), workspace,
                    list.getValue());
        }
        sql.execute("analyze email_contacts");
        sql.execute("analyze email_list_members");
        log(String.format("seeded in SQL: %d contacts, the first %d on the everyone list, the first %d on the rate "
                + "list, in %.1f s", Math.max(people, ratePeople), people, ratePeople, seconds(t0, Instant.now())));
    }

    /** A new email campaign to the list, with its test send (to the owner, not counted by the sink); its id. */
    private String launch(String list, String name) throws Exception {
        String token = token();
        String email = BenchHttp.field(http.send("POST", "/api/v1/email/campaigns", token, """
                {"campaignId":"%s","name":"%s","subject":"News for {{first_name | \\"you\\"}}","html":"%s",
                 "listIds":["%s"]}""".formatted(state.getProperty("campaign"), name, BenchHttp.escape(html()),
                state.getProperty(list))), "id");
        http.send("POST", "/api/v1/email/campaigns/" + email + "/test-send", token,
                "{\"to\":\"" + state.getProperty("owner") + "\"}");
        return email;
    }

    /** A newsletter of about 3 kB of HTML with two links (each becomes the recipient's signed redirect). */
    private static String html() {
        StringBuilder body = new StringBuilder("<h1>Hello {{first_name | \"there\"}}</h1>");
        for (int i = 0; i < 6; i++) {
            body.append("<p>This is paragraph ").append(i + 1).append(" of the monthly news: what we launched, what ")
                    .append("customers told us, and the dates of the next events near you. Read on for the details ")
                    .append("and the offers of the month, which end on the last day of the month.</p>");
        }
        return body.append("<p><a href=\"https://bench.example/offers\">See the offers</a> or ")
                .append("<a href=\"https://bench.example/events\">the events</a>.</p>").toString();
    }

    private Instant awaitSent(String email, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> row = sql.queryForMap("select status, finished_at from email_campaigns where id = ?",
                    UUID.fromString(email));
            if ("SENT".equals(row.get("status"))) {
                return Instant.now();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("email " + email + " not SENT within " + limit + "; ledger " + states(email));
    }

    private String states(String email) {
        StringBuilder s = new StringBuilder();
        sql.query("select state, count(*) from email_recipients where email_campaign_id = ? group by state order by 1",
                row -> {
                    s.append(s.isEmpty() ? "" : ", ").append(row.getString(1)).append(' ').append(row.getLong(2));
                }, UUID.fromString(email));
        return s.toString();
    }

    private String token() throws Exception {
        return BenchHttp.field(http.send("POST", "/api/v1/auth/token", null, """
                {"email":"%s","password":"%s"}""".formatted(state.getProperty("owner"), PASSWORD)), "accessToken");
    }

    private void save() throws IOException {
        try (Writer w = Files.newBufferedWriter(out.resolve("state.properties"))) {
            state.store(w, "perf/email-bench.sh");
        }
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    static void log(String message) {
        System.out.println("[email-bench " + Instant.now() + "] " + message);
    }
}
