package io.flightdeck.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.IllegalMoves;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.OwnDatabase;
import io.flightdeck.support.ScriptedSmtpServer;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.shared.security.Role;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Campaign email over a real SMTP conversation with a server that answers each recipient as scripted: a 4xx answer
 * puts the person back in the queue and the next attempt reaches them; a 5xx answer fails them with the server's
 * words, and they are listed as not reached. Every message carries List-Unsubscribe (and RFC 8058's one-click field
 * only over https, which this http installation is not); the link's GET only asks, and only a one-click POST
 * unsubscribes, without a session. A send is refused before anything is
 * written while its gate is shut.
 */
class EmailSendingTests extends EmailSendingContext {

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    io.flightdeck.support.WebSessions web;

    @Test
    void aTemporaryRefusalIsRetriedAPermanentOneFailsAndEveryMessageCanBeLeftInOneClick() throws Exception {
        Member owner = workspaces.withoutApprovals("Sending");
        String campaign = launched(owner);
        String ana = contact(owner, "ana@send.example", "Ana Lima");
        contact(owner, "later@send.example", "Lee Later");
        contact(owner, "refused@send.example", "Rui Refused");
        String list = list(owner, "Everyone", List.of(ana, id(owner, "later@send.example"), id(owner, "refused@send.example")));
        String email = email(owner, campaign, list);

        MvcTestResult preview = api.as(owner).get("/api/v1/email/campaigns/" + email + "/preview?contactId=" + ana);
        assertThat((String) Json.read(preview, "$.subject")).isEqualTo("News for Ana");
        assertThat((String) Json.read(preview, "$.text")).contains("Hello Ana");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(get(owner, email), "$.status")));

        MvcTestResult done = get(owner, email);
        assertThat((Integer) Json.read(done, "$.progress.total")).isEqualTo(3);
        assertThat((Integer) Json.read(done, "$.progress.sent")).isEqualTo(2);
        assertThat((Integer) Json.read(done, "$.progress.failed")).isEqualTo(1);
        assertThat(SMTP.offered("later@send.example")).as("offered again after 451: %s",
                Json.body(api.as(owner).get("/api/v1/email/campaigns/" + email + "/recipients"))).isEqualTo(2);
        MvcTestResult notReached = api.as(owner).get("/api/v1/email/campaigns/" + email + "/recipients?notReached=true");
        assertThat((List<String>) Json.read(notReached, "$.items[*].address")).containsExactly("refused@send.example");
        assertThat((String) Json.read(notReached, "$.items[0].error")).contains("550");
        assertThat((Boolean) Json.read(notReached, "$.items[0].permanent")).isTrue();

        // every message the server got was answered: nobody is unconfirmed, so there is nobody to send again to
        MvcTestResult again = api.as(owner).post("/api/v1/email/campaigns/" + email + "/send-to-unconfirmed");
        assertThat(again).hasStatus(409);
        assertThat((String) Json.read(again, "$.type")).endsWith("/nobody-unconfirmed");

        MvcTestResult everyone = api.as(owner).get("/api/v1/email/campaigns/" + email + "/recipients");
        // an attempt is counted at its hand-over, just before the end of the message's data
        assertThat((List<Integer>) Json.read(everyone, "$.items[?(@.address == 'ana@send.example')].attempts")).containsExactly(1);
        assertThat((List<Integer>) Json.read(everyone, "$.items[?(@.address == 'later@send.example')].attempts")).containsExactly(2);

        MimeMessage toAna = message("ana@send.example");
        assertThat(toAna.getSubject()).isEqualTo("News for Ana");
        // the base URL is http here: one-click unsubscribe needs https (RFC 8058), the unsubscribe link does not
        assertThat(toAna.getHeader("List-Unsubscribe-Post", null)).isNull();
        String unsubscribe = toAna.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).startsWith("<http").contains("/t/u/").endsWith(">");
        assertThat(toAna.getMessageID()).endsWith("@flightdeck>");
        assertThat(toAna.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) toAna.getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");

        String html = (String) parts.getBodyPart(1).getContent();
        java.util.regex.Matcher click = java.util.regex.Pattern.compile("href=\"https?://[^/]+(/t/c/[^\"]+)\"").matcher(html);
        assertThat(click.find()).as("a tracked link in %s", html).isTrue();
        java.util.regex.Matcher pixel = java.util.regex.Pattern.compile("src=\"https?://[^/]+(/t/o/[^\"]+)\"").matcher(html);
        assertThat(pixel.find()).as("an open pixel in %s", html).isTrue();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("/t/c/");
        clock.advance(Duration.ofMinutes(5)); // read later than a prefetch at delivery
        MvcTestResult person = api.anonymous().header("User-Agent", BROWSER).get(click.group(1));
        assertThat(person).hasStatus(302);
        assertThat(person.getResponse().getHeader("Location")).isEqualTo("https://shop.example/sale?a=1&b=2");
        assertThat(api.anonymous().header("User-Agent", "Mozilla/5.0 (compatible; Barracuda Sentinel)").get(click.group(1)))
                .hasStatus(302);
        String forgedClick = click.group(1).substring(0, click.group(1).length() - 2) + "xx";
        assertThat(api.anonymous().get(forgedClick)).hasStatus(404);
        MvcTestResult opened = api.anonymous().header("User-Agent", BROWSER).get(pixel.group(1));
        assertThat(opened).hasStatusOk();
        assertThat(opened.getResponse().getContentType()).isEqualTo("image/gif");
        MvcTestResult metrics = api.as(owner).get("/api/v1/email/campaigns/" + email + "/metrics");
        assertThat((Integer) Json.read(metrics, "$.reached")).isEqualTo(2);
        assertThat((Integer) Json.read(metrics, "$.humanClicks")).isEqualTo(1);
        assertThat((Integer) Json.read(metrics, "$.machineClicks")).isEqualTo(1);
        assertThat((Integer) Json.read(metrics, "$.peopleWhoClicked")).isEqualTo(1);
        assertThat((Double) Json.read(metrics, "$.clickRate")).isEqualTo(50.0);
        assertThat((String) Json.read(metrics, "$.links[0].url")).isEqualTo("https://shop.example/sale?a=1&b=2");

        String path = unsubscribe.substring(unsubscribe.indexOf("/t/u/"), unsubscribe.length() - 1);
        MvcTestResult asked = api.anonymous().get(path);
        assertThat(asked).hasStatusOk();
        assertThat(asked.getResponse().getContentAsString()).contains("Unsubscribe from these emails?", "a•••@send.example");
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + ana), "$.status")).isEqualTo("SUBSCRIBED");
        MvcTestResult bare = api.anonymous().raw(HttpMethod.POST, path, "application/x-www-form-urlencoded", new byte[0]);
        assertThat(bare).hasStatus(400);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + ana), "$.status")).isEqualTo("SUBSCRIBED");
        for (int i = 0; i < 2; i++) {
            MvcTestResult clicked = api.anonymous().raw(HttpMethod.POST, path, "application/x-www-form-urlencoded",
                    "List-Unsubscribe=One-Click".getBytes());
            assertThat(clicked).hasStatusOk();
            assertThat(clicked.getResponse().getContentAsString()).contains("You are unsubscribed");
        }
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + ana), "$.status")).isEqualTo("UNSUBSCRIBED");
        String forged = path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(api.anonymous().raw(HttpMethod.POST, forged, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes())).hasStatus(404);
    }

    /**
     * Seen: after a crash the recipients left "handed over, unconfirmed" counted as sent in the report and metrics,
     * missing from the "not reached" list, and after "send again" their rows read plain "sent". A crash leaves such
     * rows (EmailSendCrashTests); here two are made so by hand, as one leaves them.
     */
    @Test
    void unconfirmedMessagesAreCountedApartEverywhereAndASecondCopyIsRecordedOnItsRow() throws Exception {
        Member owner = workspaces.withoutApprovals("Sending unconfirmed");
        String campaign = launched(owner);
        List<String> people = new ArrayList<>();
        for (String who : List.of("una", "uri", "ugo", "ute")) {
            people.add(contact(owner, who + "@unconfirmed.example", who));
        }
        String email = email(owner, campaign, list(owner, "Unconfirmed", people));
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(get(owner, email), "$.status")));
        // the app stopped as two of them left: handed over an hour ago, no answer recorded
        assertThat(jdbc.sql("update email_recipients set state = 'HANDED_OVER', sent_at = null, handed_over_at = ?"
                + " where email_campaign_id = ? and address in ('uri@unconfirmed.example', 'ute@unconfirmed.example')")
                .params(java.sql.Timestamp.from(clock.instant().minus(Duration.ofHours(1))),
                        java.util.UUID.fromString(email)).update()).isEqualTo(2);

        MvcTestResult metrics = api.as(owner).get("/api/v1/email/campaigns/" + email + "/metrics");
        assertThat((Integer) Json.read(metrics, "$.reached")).isEqualTo(2);
        assertThat((Integer) Json.read(metrics, "$.unconfirmed")).isEqualTo(2);
        MvcTestResult report = api.as(owner).get("/api/v1/email/campaigns/" + email + "/report");
        assertThat((Integer) Json.read(report, "$.totals.sent")).isEqualTo(2);
        assertThat((Integer) Json.read(report, "$.totals.unconfirmed")).isEqualTo(2);
        MvcTestResult notReached = api.as(owner).get("/api/v1/email/campaigns/" + email + "/recipients?notReached=true");
        assertThat((List<String>) Json.read(notReached, "$.items[*].address"))
                .containsExactly("uri@unconfirmed.example", "ute@unconfirmed.example");
        assertThat((List<String>) Json.read(notReached, "$.items[*].state")).containsOnly("HANDED_OVER");
        org.springframework.mock.web.MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/email/campaigns/" + email)).contains("2 unconfirmed",
                "Not reached or unconfirmed", "uri@unconfirmed.example", "it may or may not have it");
        assertThat(web.page(session, "/email/campaigns/" + email + "/report")).contains("Unconfirmed",
                "not counted as sent");

        // sent again on request: they may have it twice, and their rows say so after the second copy is sent
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send-to-unconfirmed")).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(get(owner, email), "$.status"))
                && (Integer) Json.read(get(owner, email), "$.progress.handedOver") == 0);
        MvcTestResult everyone = api.as(owner).get("/api/v1/email/campaigns/" + email + "/recipients");
        assertThat((List<String>) Json.read(everyone, "$.items[?(@.resentAt != null)].address"))
                .containsExactly("uri@unconfirmed.example", "ute@unconfirmed.example");
        assertThat((List<String>) Json.read(everyone, "$.items[?(@.resentAt != null)].state")).containsOnly("SENT");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email + "/report"),
                "$.totals.resent")).isEqualTo(2);
    }

    @Test
    void aSendIsRefusedBeforeAnythingIsWrittenWhileItsCampaignIsNotActive() throws Exception {
        Member owner = workspaces.withoutApprovals("Sending gate");
        String campaign = campaigns.create(owner, "Not launched");
        String list = list(owner, "Few", List.of(contact(owner, "gate@send.example", "Gail Gate")));
        String email = email(owner, campaign, list);

        MvcTestResult refused = api.as(owner).post("/api/v1/email/campaigns/" + email + "/send");
        assertThat(refused).hasStatus(409);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/email-blocked");
        assertThat(refused.getResponse().getContentAsString()).contains("not active");
        MvcTestResult after = get(owner, email);
        assertThat((String) Json.read(after, "$.status")).isEqualTo("DRAFT");
        assertThat((Integer) Json.read(after, "$.progress.total")).isZero();
    }

    @Test
    void theSendingDomainsRecordsAreLookedUpAndAMissingOneBlocksTheSend() throws Exception {
        Member owner = workspaces.withoutApprovals("Sending DNS");
        String campaign = launched(owner);
        String email = email(owner, campaign, list(owner, "DNS", List.of(contact(owner, "dns@send.example", "Di Dns"))));
        String path = "/api/v1/email/campaigns/" + email + "/readiness";
        MvcTestResult found = api.as(owner).get(path);
        assertThat((Boolean) Json.read(found, "$.ready")).isTrue();
        assertThat(EmailReadinessTests.detail(found, "spf")).isEqualTo("Found at send.example.");
        assertThat(EmailReadinessTests.detail(found, "dkim")).isEqualTo("Found at relay._domainkey.send.example.");
        assertThat(EmailReadinessTests.detail(found, "dmarc")).isEqualTo("Found at _dmarc.send.example.");

        FakeDns.MISSING.add("_dmarc.send.example");
        FakeDns.FAILING.add("relay._domainkey.send.example");
        try {
            MvcTestResult missing = api.as(owner).get(path);
            assertThat(EmailReadinessTests.state(missing, "spf")).isEqualTo("DONE");
            assertThat(EmailReadinessTests.state(missing, "dmarc")).isEqualTo("BLOCKED");
            assertThat(EmailReadinessTests.detail(missing, "dmarc")).isEqualTo("No DMARC record found for send.example: "
                    + "publish a TXT record starting v=DMARC1 at _dmarc.send.example.");
            assertThat(EmailReadinessTests.detail(missing, "dkim")).contains("could not be looked up (timed out)");
            MvcTestResult refused = api.as(owner).post("/api/v1/email/campaigns/" + email + "/send");
            assertThat(refused).hasStatus(409);
            assertThat((List<String>) Json.read(refused, "$.blockers")).hasSize(2);
        } finally {
            FakeDns.MISSING.clear();
            FakeDns.FAILING.clear();
        }
        assertThat((Boolean) Json.read(api.as(owner).get(path), "$.ready")).isTrue();
        assertThat((String) Json.read(get(owner, email), "$.status")).isEqualTo("DRAFT");
    }

    @Test
    void anotherWorkspaceSeesNothingAndAViewerCannotSend() {
        Member owner = workspaces.withoutApprovals("Sending tenancy");
        String campaign = launched(owner);
        String list = list(owner, "Mine", List.of(contact(owner, "mine@send.example", "Mia Mine")));
        String email = email(owner, campaign, list);
        Member stranger = workspaces.workspace("Sending stranger");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);

        assertThat(api.as(stranger).get("/api/v1/email/campaigns/" + email)).hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/email/campaigns/" + email + "/recipients")).hasStatus(404);
        assertThat((Integer) Json.read(api.as(stranger).get("/api/v1/email/campaigns"), "$.total")).isZero();
        assertThat(api.as(stranger).post("/api/v1/email/campaigns", Map.of("campaignId", campaign, "name", "Theirs",
                "subject", "Hi", "html", "<p>Hi</p>"))).hasStatus(404);
        assertThat(api.as(viewer).get("/api/v1/email/campaigns/" + email)).hasStatusOk();
        assertThat(api.as(viewer).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(403);
        assertThat(api.as(stranger).post("/api/v1/email/campaigns/" + email + "/send-to-unconfirmed")).hasStatus(404);
        assertThat(api.as(viewer).post("/api/v1/email/campaigns/" + email + "/send-to-unconfirmed")).hasStatus(403);
        MvcTestResult draft = api.as(owner).post("/api/v1/email/campaigns/" + email + "/send-to-unconfirmed");
        IllegalMoves.assertRefused(draft, "DRAFT", "send-to-unconfirmed",
                List.of("edit", "request-approval", "schedule", "send", "cancel", "delete"));
        assertThat((String) Json.read(get(owner, email), "$.status")).isEqualTo("DRAFT");
    }
}
