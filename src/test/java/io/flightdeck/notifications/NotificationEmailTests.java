package io.flightdeck.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification email through the default transport, the outbox: a task assigned to Ann is mailed to her address with
 * a text and an HTML part that say what, why and how to stop it, under the delivery's key as Message-ID; the
 * delivery is sent in her feed; admins read the workspace's outbox and nobody else's.
 */
@FlightdeckTest
class NotificationEmailTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    private Member owner;
    private Member ann;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Mail");
        ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
    }

    @Test
    void anAssignedTaskIsMailedWithWhatWhyAndHowToStopIt() {
        String campaign = campaigns.create(owner, "Mailed campaign");
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks",
                Map.of("title", "Write <the> brief")), "$.id");
        api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", ann.userId()));

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(firstDeliveryStatus()));
        MvcTestResult feed = api.as(ann).get("/api/v1/notifications");
        String notification = Json.read(feed, "$.items[0].id");
        String delivery = Json.read(feed, "$.items[0].deliveries[0].id");
        assertThat((Integer) Json.read(feed, "$.items[0].deliveries[0].attempts")).isEqualTo(1);
        assertThat((String) Json.read(feed, "$.items[0].deliveries[0].transport")).isEqualTo("outbox");

        List<String> keys = Json.read(api.as(owner).get("/api/v1/mail-outbox"), "$.items[*].key");
        assertThat(keys).containsExactly("notification-" + delivery);
        MvcTestResult mail = api.as(owner).get("/api/v1/mail-outbox/" + keys.get(0));
        assertThat(mail).hasStatusOk();
        assertThat((String) Json.read(mail, "$.to")).isEqualTo(ann.email());
        assertThat((String) Json.read(mail, "$.subject")).isEqualTo("Task for you: Write <the> brief");
        assertThat((String) Json.read(mail, "$.messageId")).isEqualTo("<notification-" + delivery + "@flightdeck>");
        String text = Json.read(mail, "$.text");
        assertThat(text).contains("Write <the> brief", "You were assigned this task",
                "/notifications/" + notification + "/open", "Tasks reach you by email because of Flightdeck's default.",
                "/notifications/" + notification + "/stop?channel=EMAIL");
        String html = Json.read(mail, "$.html");
        assertThat(html).contains("Write &lt;the&gt; brief").doesNotContain("<the>")
                .contains("href=\"http://localhost:").contains("Stop these emails");

        MvcTestResult raw = api.as(owner).get("/api/v1/mail-outbox/" + keys.get(0) + "/raw");
        assertThat(raw).hasStatusOk().hasContentType("message/rfc822");
        assertThat(raw.getResponse().getContentAsByteArray().length).isGreaterThan(500);
    }

    @Test
    void theOutboxIsForTheWorkspacesAdminsAlone() {
        MvcTestResult test = api.as(owner).post("/api/v1/notifications/test");
        assertThat(test).hasStatus(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> keys(owner).size() == 1);
        String key = keys(owner).get(0);

        assertThat(api.as(ann).get("/api/v1/mail-outbox")).hasStatus(403);
        assertThat(api.as(ann).get("/api/v1/mail-outbox/" + key)).hasStatus(403);
        Member outsider = workspaces.workspace("Other mail");
        assertThat(keys(outsider)).isEmpty();
        assertThat(api.as(outsider).get("/api/v1/mail-outbox/" + key)).hasStatus(404);
        assertThat(api.as(owner).get("/api/v1/mail-outbox/no_such_mail")).hasStatus(404);
        assertThat(api.as(owner).get("/api/v1/mail-outbox/not-there")).hasStatus(404);

        MvcTestResult backlog = api.as(owner).get("/api/v1/notification-deliveries/backlog");
        assertThat(backlog).hasStatusOk();
        assertThat((Integer) Json.read(backlog, "$[0].counts.SENT")).isEqualTo(1);
        assertThat(api.as(ann).get("/api/v1/notification-deliveries/backlog")).hasStatus(403);
        assertThat((List<?>) Json.read(api.as(owner).get("/api/v1/notification-deliveries"), "$.items")).isEmpty();
    }

    private String firstDeliveryStatus() {
        List<String> statuses = Json.read(api.as(ann).get("/api/v1/notifications"), "$.items[0].deliveries[*].status");
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private List<String> keys(Member admin) {
        return Json.read(api.as(admin).get("/api/v1/mail-outbox"), "$.items[*].key");
    }
}
