package io.flightdeck.email;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An email's report through the API, every figure worked out by hand: a send to five people (one refused) in a
 * workspace on Kolkata time (UTC+5:30, so its hours start at half past in UTC), then opens and clicks by people and by
 * machines at chosen moments on the moved clock, on both sides of an hour's boundary and of the 48th hour, over twelve
 * links; a delivery, a bounce and a complaint as SendGrid reports them; an unsubscribe. An A/B test's variants with
 * their samples; an email never sent has an empty report; viewers read it, another workspace finds nothing, and a
 * wrong Accept is refused.
 */
class EmailReportTests extends EmailSendingContext {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final String SCANNER = "Mozilla/5.0 (compatible; Barracuda Sentinel)";

    @Test
    void everyFigureOfASentEmailAsWorkedOutByHand() throws Exception {
        Member owner = workspaces.withoutApprovals("Report");
        assertThat(api.as(owner).put("/api/v1/workspace", Map.of("name", "Report", "timeZone", "Asia/Kolkata",
                "locale", "en"))).hasStatusOk();
        String campaign = launched(owner);
        List<String> people = new ArrayList<>();
        for (String name : List.of("ana", "bo", "cy", "di", "refused")) {
            people.add(contact(owner, name + "@report.example", name));
        }
        String email = twelveLinks(owner, campaign, list(owner, "Report people", people));
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(get(owner, email), "$.status")));
        Instant started = Instant.parse(Json.read(get(owner, email), "$.startedAt"));
        // hour 0 starts at the start of the send's hour in Kolkata, which is half past an hour in UTC
        Instant base = started.atZone(KOLKATA).truncatedTo(ChronoUnit.HOURS).toInstant();
        assertThat(base.atZone(java.time.ZoneOffset.UTC).getMinute()).isEqualTo(30);

        at(base.plus(Duration.ofMinutes(70)));
        open("ana", BROWSER);                                     // hour 1: a person's open
        at(base.plus(Duration.ofMinutes(80)));
        click("ana", 1, BROWSER);                                 // hour 1: a person's click on p01
        at(base.plus(Duration.ofHours(2)).minusSeconds(1));
        open("bo", BROWSER);                                      // hour 1, a second before its end
        at(base.plus(Duration.ofHours(2)));
        open("cy", BROWSER);                                      // hour 2, as it begins
        at(base.plus(Duration.ofMinutes(125)));
        open("di", "Mozilla/5.0");                                // Apple Mail Privacy Protection: a machine
        at(base.plus(Duration.ofMinutes(126)));
        click("di", 2, SCANNER);                                  // a link scanner: a machine
        for (int link = 1; link <= 12; link++) {                  // hour 3: ana clicks every link, 2 minutes apart
            at(base.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(2L * link)));
            click("ana", link, BROWSER);
        }
        at(base.plus(Duration.ofHours(47)).plus(Duration.ofMinutes(30)));
        open("ana", BROWSER);                                     // hour 47, the last hourly bucket
        at(base.plus(Duration.ofHours(48)).plus(Duration.ofMinutes(10)));
        click("bo", 2, BROWSER);                                  // the first day, which starts at the 48th hour
        LocalDate firstDay = base.plus(Duration.ofHours(48)).atZone(KOLKATA).toLocalDate();
        at(firstDay.plusDays(1).atStartOfDay(KOLKATA).plusHours(1).toInstant());
        click("ana", 2, BROWSER);                                 // 01:00 the next day in Kolkata: the second day

        SigningKey key = new SigningKey();
        assertThat(api.as(owner).put("/api/v1/email/delivery-settings", Map.of("provider", "SENDGRID",
                "sendgridApiKey", "SG.reportKeyId00000000000.reportSecret0000000000000000000000",
                "sendgridVerificationKey", key.publicKey()))).hasStatusOk();
        String events = Json.read(api.as(owner).get("/api/v1/email/delivery-settings"), "$.sendgridEventUrl");
        long now = clock.instant().getEpochSecond();
        String body = "[" + sendGridEvent("delivered", ledgerKey(owner, email, "ana"), now, null) + ","
                + sendGridEvent("bounce", ledgerKey(owner, email, "di"), now, "bounce") + ","
                + sendGridEvent("spamreport", ledgerKey(owner, email, "cy"), now, null) + "]";
        MvcTestResult reported = api.anonymous().header("X-Twilio-Email-Event-Webhook-Signature",
                key.sign(String.valueOf(now), body)).header("X-Twilio-Email-Event-Webhook-Timestamp", String.valueOf(now))
                .raw(HttpMethod.POST, events.replaceFirst("^https?://[^/]+", ""), "application/json",
                        body.getBytes(StandardCharsets.UTF_8));
        assertThat((Integer) Json.read(reported, "$.applied")).isEqualTo(3);
        String unsubscribe = message("bo@report.example").getHeader("List-Unsubscribe", null);
        assertThat(api.anonymous().raw(HttpMethod.POST, unsubscribe.substring(unsubscribe.indexOf("/t/u/"),
                unsubscribe.length() - 1), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8))).hasStatusOk();

        MvcTestResult report = api.as(owner).get("/api/v1/email/campaigns/" + email + "/report");
        assertThat(report).hasStatusOk();
        assertThat((String) Json.read(report, "$.timeZone")).isEqualTo("Asia/Kolkata");
        assertThat((String) Json.read(report, "$.startedAt")).isNotNull();
        // five recipients, four sent (refused@ got a 5xx), as the ledger and SendGrid say
        assertThat(figures(report, "recipients", "sent", "failed", "delivered", "bounced", "complained", "unsubscribed",
                "waiting")).containsExactly(5L, 4L, 1L, 1L, 1L, 1L, 1L, 0L);
        assertThat((Boolean) Json.read(report, "$.totals.deliveryReported")).isTrue();
        // opens by people: ana twice, bo, cy; clicks by people: ana 1 + 12 + 1, bo 1; di's are machines'
        assertThat(figures(report, "humanOpens", "peopleWhoOpened", "humanClicks", "peopleWhoClicked", "machineOpens",
                "machineClicks")).containsExactly(4L, 3L, 15L, 2L, 1L, 1L);
        assertThat((Double) Json.read(report, "$.totals.openRate")).isEqualTo(75.0);   // 3 of 4 sent
        assertThat((Double) Json.read(report, "$.totals.clickRate")).isEqualTo(50.0);  // 2 of 4

        List<Map<String, Object>> buckets = Json.read(report, "$.timeline.buckets");
        assertThat(buckets).hasSize(50);                          // 48 hours and two days so far
        assertThat(buckets.subList(0, 48)).allMatch(b -> "HOUR".equals(b.get("unit")));
        assertThat(buckets.subList(48, 50)).allMatch(b -> "DAY".equals(b.get("unit")));
        assertThat(Instant.parse((String) buckets.get(0).get("start"))).isEqualTo(base);
        assertThat(Instant.parse((String) buckets.get(48).get("start"))).isEqualTo(base.plus(Duration.ofHours(48)));
        assertThat(Instant.parse((String) buckets.get(49).get("start")))
                .isEqualTo(firstDay.plusDays(1).atStartOfDay(KOLKATA).toInstant());
        assertThat(counts(buckets, 0)).containsExactly(0L, 0L);
        assertThat(counts(buckets, 1)).containsExactly(2L, 1L);
        assertThat(counts(buckets, 2)).containsExactly(1L, 0L);
        assertThat(counts(buckets, 3)).containsExactly(0L, 12L);
        assertThat(counts(buckets, 47)).containsExactly(1L, 0L);
        assertThat(counts(buckets, 48)).containsExactly(0L, 1L);
        assertThat(counts(buckets, 49)).containsExactly(0L, 1L);
        assertThat(figures(report, "timeline", "opens", "clicks")).containsExactly(4L, 15L);

        // p02: ana twice and bo (2 people, 3 clicks; di's scanner left out); p01: ana twice; then p03 to p10 once each
        assertThat((List<String>) Json.read(report, "$.links.top[*].url")).containsExactly(link(2), link(1), link(3),
                link(4), link(5), link(6), link(7), link(8), link(9), link(10));
        assertThat((List<Integer>) Json.read(report, "$.links.top[*].people")).containsExactly(2, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat((List<Integer>) Json.read(report, "$.links.top[*].clicks")).containsExactly(3, 2, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat((String) Json.read(report, "$.links.rest.url")).isEqualTo("2 other links");
        assertThat(figures(report, "links.rest", "people", "clicks")).containsExactly(1L, 2L);
        assertThat(((Number) Json.read(report, "$.links.linkCount")).longValue()).isEqualTo(12);
        assertThat((Object) Json.read(report, "$.abTest")).isNull();

        // the metrics endpoint agrees on what both show
        MvcTestResult metrics = api.as(owner).get("/api/v1/email/campaigns/" + email + "/metrics");
        assertThat((Integer) Json.read(metrics, "$.peopleWhoOpened")).isEqualTo(3);
        assertThat((Double) Json.read(metrics, "$.clickRate")).isEqualTo(50.0);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).get("/api/v1/email/campaigns/" + email + "/report")).hasStatusOk();
        Member stranger = workspaces.withoutApprovals("Report stranger");
        MvcTestResult foreign = api.as(stranger).get("/api/v1/email/campaigns/" + email + "/report");
        assertThat(foreign).hasStatus(404);
        assertThat(foreign.getResponse().getContentType()).contains("problem+json");
        assertThat(api.as(owner).header("Accept", "text/csv").get("/api/v1/email/campaigns/" + email + "/report"))
                .hasStatus(406);
        assertThat(api.as(owner).get("/api/v1/email/campaigns/not-an-id/report")).hasStatus(400);
        assertThat(api.anonymous().get("/api/v1/email/campaigns/" + email + "/report")).hasStatus(401);
    }

    @Test
    void anEmailNeverSentHasAnEmptyReportAndAnAbTestShowsEachVariantsSample() throws Exception {
        Member owner = workspaces.withoutApprovals("Report A/B");
        String campaign = launched(owner);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(contact(owner, "ab" + i + "@report-ab.example", "Person " + i));
        }
        String email = email(owner, campaign, list(owner, "Report A/B people", people));
        assertThat(api.as(owner).put("/api/v1/email/campaigns/" + email + "/ab-test", Map.of("variants",
                List.of(Map.of("subject", "Variant B here")), "testShare", 50, "decideAfterMinutes", 600)))
                .hasStatusOk();

        MvcTestResult empty = api.as(owner).get("/api/v1/email/campaigns/" + email + "/report");
        assertThat(empty).hasStatusOk();
        assertThat((String) Json.read(empty, "$.status")).isEqualTo("DRAFT");
        assertThat((Object) Json.read(empty, "$.startedAt")).isNull();
        assertThat(figures(empty, "recipients", "sent", "humanOpens", "humanClicks")).containsExactly(0L, 0L, 0L, 0L);
        assertThat((Object) Json.read(empty, "$.totals.openRate")).as("no rate without anything sent").isNull();
        assertThat((Object) Json.read(empty, "$.totals.clickRate")).isNull();
        assertThat((List<Object>) Json.read(empty, "$.timeline.buckets")).isEmpty();
        assertThat((List<Object>) Json.read(empty, "$.links.top")).isEmpty();
        assertThat((Object) Json.read(empty, "$.links.rest")).isNull();
        assertThat((String) Json.read(empty, "$.abTest.status")).isEqualTo("SET_UP");
        assertThat((List<Integer>) Json.read(empty, "$.abTest.variants[*].sample")).containsExactly(0, 0);
        assertThat((List<Object>) Json.read(empty, "$.abTest.variants[*].rate")).containsExactly(null, null);

        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        // queued none and none in the middle of its hand-over: the test group's mail is in the SMTP server
        await().atMost(Duration.ofSeconds(30)).until(() -> settled(get(owner, email), 2));
        clock.advance(Duration.ofMinutes(5));
        for (MimeMessage m : SMTP.messages()) {
            if (m.getHeader("To", null).contains("@report-ab.example") && m.getSubject().equals("Variant B here")) {
                assertThat(api.anonymous().header("User-Agent", BROWSER).get(links(m).get(0))).hasStatus(302);
            }
        }
        MvcTestResult testing = api.as(owner).get("/api/v1/email/campaigns/" + email + "/report");
        assertThat((String) Json.read(testing, "$.abTest.metric")).isEqualTo("CLICKS");
        assertThat((String) Json.read(testing, "$.abTest.rateName")).isEqualTo("click rate");
        assertThat((String) Json.read(testing, "$.abTest.status")).isEqualTo("TESTING");
        assertThat((List<String>) Json.read(testing, "$.abTest.variants[*].key")).containsExactly("A", "B");
        assertThat((List<Integer>) Json.read(testing, "$.abTest.variants[*].sample")).containsExactly(1, 1);
        assertThat((List<Integer>) Json.read(testing, "$.abTest.variants[*].successes")).containsExactly(0, 1);
        assertThat((List<Double>) Json.read(testing, "$.abTest.variants[*].rate")).containsExactly(0.0, 100.0);
        // two in the test group sent, two waiting for the winner: rates divide by the two sent
        assertThat(figures(testing, "sent", "waiting", "peopleWhoClicked")).containsExactly(2L, 2L, 1L);
        assertThat((Double) Json.read(testing, "$.totals.clickRate")).isEqualTo(50.0);
    }

    // ---------- the steps, on the moved clock ----------

    /** Moves the clock on to {@code moment}, which must still be ahead. */
    private void at(Instant moment) {
        Duration ahead = Duration.between(clock.instant(), moment);
        assertThat(ahead).as("the clock is already past %s", moment).isPositive();
        clock.advance(ahead);
    }

    private void open(String person, String userAgent) throws Exception {
        Matcher pixel = Pattern.compile("src=\"https?://[^/]+(/t/o/[^\"]+)\"").matcher(html(message(person
                + "@report.example")));
        assertThat(pixel.find()).isTrue();
        assertThat(api.anonymous().header("User-Agent", userAgent).get(pixel.group(1))).hasStatusOk();
    }

    private void click(String person, int link, String userAgent) throws Exception {
        MvcTestResult clicked = api.anonymous().header("User-Agent", userAgent).get(links(message(person
                + "@report.example")).get(link - 1));
        assertThat(clicked).hasStatus(302);
        assertThat(clicked.getResponse().getHeader("Location")).isEqualTo(link(link));
    }

    private static String link(int n) {
        return String.format("https://shop.example/p%02d", n);
    }

    /** An email whose body links to p01 to p12, in that order, ready to send. */
    private String twelveLinks(Member owner, String campaign, String list) {
        StringBuilder html = new StringBuilder("<p>Twelve things:</p>");
        for (int n = 1; n <= 12; n++) {
            html.append("<p><a href=\"").append(link(n)).append("\">Thing ").append(n).append("</a></p>");
        }
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "Twelve things", "subject", "Twelve things", "html", html.toString(), "listIds", List.of(list)));
        assertThat(made).hasStatus(201);
        String id = Json.read(made, "$.id");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + id + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
        return id;
    }

    private static List<String> links(MimeMessage m) throws Exception {
        Matcher click = Pattern.compile("href=\"https?://[^/]+(/t/c/[^\"]+)\"").matcher(html(m));
        List<String> paths = new ArrayList<>();
        while (click.find()) {
            paths.add(click.group(1));
        }
        return paths;
    }

    private static String html(MimeMessage m) throws Exception {
        return (String) ((Multipart) m.getContent()).getBodyPart(1).getContent();
    }

    private Map<String, Object> ledgerKey(Member owner, String email, String person) {
        List<Map<String, Object>> rows = Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email
                + "/recipients?size=100"), "$.items");
        return rows.stream().filter(r -> (person + "@report.example").equals(r.get("address"))).findFirst().orElseThrow();
    }

    private static List<Long> figures(MvcTestResult report, String... names) {
        String object = names[0].contains(".") || names[0].equals("timeline") ? names[0] : "totals";
        int from = object.equals("totals") ? 0 : 1;
        List<Long> values = new ArrayList<>();
        for (int i = from; i < names.length; i++) {
            values.add(((Number) Json.read(report, "$." + object + "." + names[i])).longValue());
        }
        return values;
    }

    private static List<Long> counts(List<Map<String, Object>> buckets, int index) {
        Map<String, Object> bucket = buckets.get(index);
        return List.of(((Number) bucket.get("opens")).longValue(), ((Number) bucket.get("clicks")).longValue());
    }

    /** An event as SendGrid posts it, the ledger key among its custom arguments. */
    private static String sendGridEvent(String type, Map<String, Object> row, long at, String kind) {
        return "{\"email\":\"someone@report.example\",\"timestamp\":" + at + ",\"event\":\"" + type + "\","
                + (kind == null ? "" : "\"type\":\"" + kind + "\",\"reason\":\"550 5.1.1 unknown\",")
                + "\"sg_event_id\":\"report-" + type + "-" + row.get("id") + "\",\"sg_message_id\":\"report."
                + "filter0001.1-0\",\"flightdeck_ledger_key\":\"" + row.get("id") + "\"}";
    }

    /** A P-256 key pair: the public half as SendGrid shows it, the private half to sign deliveries with. */
    private static final class SigningKey {

        private final KeyPair pair;

        SigningKey() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            pair = generator.generateKeyPair();
        }

        String publicKey() {
            return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        }

        String sign(String timestamp, String body) throws Exception {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(pair.getPrivate());
            ecdsa.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ecdsa.sign());
        }
    }
}
