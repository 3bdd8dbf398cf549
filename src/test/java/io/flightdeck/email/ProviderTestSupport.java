package io.flightdeck.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.email.providers.FakeMailjet;
import io.flightdeck.email.providers.FakeSendGrid;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the provider tests share: Mailjet's and SendGrid's fakes, which the shared test context knows as the providers'
 * addresses ({@link EmailProviderFakes}), and the steps they repeat.
 */
abstract class ProviderTestSupport {

    static final FakeMailjet MAILJET = EmailProviderFakes.MAILJET;
    static final FakeSendGrid SENDGRID = EmailProviderFakes.SENDGRID;
    static final String REPLY_TO = "help@provider.example";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    /** A workspace that sends through Mailjet with the fake account's keys. */
    Member mailjetWorkspace(String name) {
        Member owner = workspaces.withoutApprovals(name);
        assertThat(api.as(owner).put("/api/v1/email/delivery-settings", Map.of("provider", "MAILJET",
                "mailjetApiKey", FakeMailjet.API_KEY, "mailjetSecretKey", FakeMailjet.SECRET_KEY))).hasStatusOk();
        return owner;
    }

    /** A workspace that sends through SendGrid, its events verified with {@code verificationKey}. */
    Member sendGridWorkspace(String name, String verificationKey) {
        Member owner = workspaces.withoutApprovals(name);
        assertThat(api.as(owner).put("/api/v1/email/delivery-settings", Map.of("provider", "SENDGRID",
                "sendgridApiKey", FakeSendGrid.API_KEY, "sendgridVerificationKey", verificationKey))).hasStatusOk();
        return owner;
    }

    /** An email to these addresses, sent and done: its id. */
    String sent(Member owner, String... addresses) {
        String email = email(owner, addresses);
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(Json.read(
                api.as(owner).get("/api/v1/email/campaigns/" + email), "$.status")));
        return email;
    }

    String email(Member owner, String... addresses) {
        assertThat(api.as(owner).put("/api/v1/campaign-settings", "{\"readinessThreshold\":0}")).hasStatusOk();
        String campaign = campaigns.create(owner, "Provider email " + System.nanoTime());
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/plan", "{}")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/mark-ready")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/launch", "{\"confirm\":true}")).hasStatusOk();
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Provider Co", "fromAddress",
                FakeMailjet.SENDER, "replyTo", REPLY_TO, "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        List<String> contacts = new ArrayList<>();
        for (String address : addresses) {
            MvcTestResult made = api.as(owner).post("/api/v1/email/contacts", Map.of("email", address, "name",
                    "Pat Person", "consent", Map.of("source", "FORM", "evidence", "Signed up on the test form")));
            assertThat(made).hasStatus(201);
            contacts.add(Json.read(made, "$.id"));
        }
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "All " + System.nanoTime())),
                "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds", contacts)))
                .hasStatusOk();
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "News", "subject", "News for {{first_name | \"you\"}}",
                "html", "<p>Hello {{first_name | \"there\"}}, see <a href=\"https://shop.example/sale\">the sale</a>.</p>",
                "listIds", List.of(list)));
        assertThat(made).hasStatus(201);
        String id = Json.read(made, "$.id");
        // readiness asks for a test of the content as it is
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + id + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
        return id;
    }

    /** The email's ledger rows, by address. */
    List<Map<String, Object>> recipients(Member owner, String email) {
        return Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email + "/recipients?size=100"), "$.items");
    }

    Map<String, Object> row(Member owner, String email, String address) {
        return recipients(owner, email).stream().filter(r -> address.equals(r.get("address"))).findFirst()
                .orElseThrow();
    }

    String contactStatus(Member owner, String address) {
        return Json.read(api.as(owner).get("/api/v1/email/contacts?q=" + address), "$.items[0].status");
    }
}
