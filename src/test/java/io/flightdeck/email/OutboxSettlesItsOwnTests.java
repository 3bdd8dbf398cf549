package io.flightdeck.email;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.mail.MailSettings;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seen: the outbox (the offline default) could say whether a message's file was written, but sending never asked it,
 * so a crash left its recipients unconfirmed for a person to guess about. Now a send's next run settles what a dead
 * run left: a message whose file is there is sent; one whose file is not was never written, and goes again. The
 * rows are left as a crash leaves them (EmailSendCrashTests makes them so over SMTP, which cannot tell).
 */
@FlightdeckTest
class OutboxSettlesItsOwnTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailSettings mail;

    @Test
    void aSendsNextRunSettlesTheUnconfirmedFromTheOutboxsFiles() throws Exception {
        Member owner = workspaces.withoutApprovals("Outbox settles");
        assertThat(api.as(owner).put("/api/v1/campaign-settings", "{\"readinessThreshold\":0}")).hasStatusOk();
        String campaign = campaigns.create(owner, "Outbox news");
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/plan", "{}")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/mark-ready")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/launch", "{\"confirm\":true}")).hasStatusOk();
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Outbox Co", "fromAddress",
                "news@outbox.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        String kept = TestWorkspaces.uniqueEmail("kept");
        String lost = TestWorkspaces.uniqueEmail("lost");
        List<String> contacts = List.of(contact(owner, kept), contact(owner, lost));
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Outbox")), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds", contacts)))
                .hasStatusOk();
        String email = Json.read(api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "News", "subject", "News", "html", "<p>Hello there.</p>", "listIds", List.of(list))), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(owner, email)));

        // the process died as both left: both handed over and unconfirmed, and the outbox never wrote one of them
        UUID keptRow = row(owner, email, kept);
        UUID lostRow = row(owner, email, lost);
        Path lostFile = mail.outbox().resolve(owner.workspaceId().toString()).resolve(lostRow + ".eml");
        assertThat(lostFile).exists();
        Files.delete(lostFile);
        jdbc.sql("update email_recipients set state = 'HANDED_OVER', sent_at = null where id in (?, ?)")
                .params(keptRow, lostRow).update();
        jdbc.sql("update email_campaigns set status = 'PAUSED' where id = ?").param(UUID.fromString(email)).update();
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.progress.handedOver"))
                .isEqualTo(2);

        // the next run asks the outbox: the file that is there is sent, the one that is not goes again, once
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/resume")).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(owner, email))
                && (Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.progress.handedOver")
                == 0);
        MvcTestResult rows = api.as(owner).get("/api/v1/email/campaigns/" + email + "/recipients");
        assertThat(Json.<List<String>>read(rows, "$.items[*].state")).containsOnly("SENT");
        assertThat(Json.<List<Integer>>read(rows, "$.items[?(@.id == '" + keptRow + "')].attempts"))
                .as("the kept one was not sent again").containsExactly(1);
        assertThat(Json.<List<Integer>>read(rows, "$.items[?(@.id == '" + lostRow + "')].attempts"))
                .as("the lost one went again").containsExactly(2);
        assertThat(lostFile).exists();
    }

    private String contact(Member owner, String address) {
        MvcTestResult made = api.as(owner).post("/api/v1/email/contacts", Map.of("email", address, "name", "Reader",
                "consent", Map.of("source", "FORM", "evidence", "Signed up on the test form")));
        assertThat(made).hasStatus(201);
        return Json.read(made, "$.id");
    }

    private String status(Member owner, String email) {
        return Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.status");
    }

    private UUID row(Member owner, String email, String address) {
        List<String> ids = Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email + "/recipients"),
                "$.items[?(@.address == '" + address + "')].id");
        return UUID.fromString(ids.get(0));
    }
}
