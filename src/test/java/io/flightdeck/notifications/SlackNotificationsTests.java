package io.flightdeck.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.notifications.slack.FakeSlackApi;
import io.flightdeck.notifications.slack.FakeSlackServer;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack end to end against a local fake of Slack's Web API: an admin installs the app through OAuth v2 (a forged or
 * someone else's state refused), a member finds themself by their email and confirms, and only then do their
 * notifications arrive as direct messages; a 429 waits for its Retry-After, a revoked token ends the delivery in plain
 * words; an incoming webhook is tried before it is kept. Roles and read-only keys are refused.
 */
@FlightdeckTest
class SlackNotificationsTests {

    /** Every test context talks to it ({@link FakeSlackServer}), so whichever runs a delivery reaches it. */
    private static final FakeSlackApi SLACK = FakeSlackServer.fake();

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;

    @Test
    void anAdminInstallsTheAppAndALinkedMemberGetsDirectMessages() {
        Member owner = workspaces.workspace("Slack install");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member other = workspaces.addMember(owner, Role.ADMIN);
        assertThat(api.as(ann).post("/api/v1/slack/install")).as("admins only").hasStatus(403);

        URI authorize = URI.create(Json.read(api.as(owner).post("/api/v1/slack/install"), "$.authorizeUrl"));
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build(true).getQueryParams().toSingleValueMap();
        assertThat(query).containsKeys("client_id", "scope", "redirect_uri", "state");
        String redirect = java.net.URLDecoder.decode(query.get("redirect_uri"), java.nio.charset.StandardCharsets.UTF_8);
        String state = java.net.URLDecoder.decode(query.get("state"), java.nio.charset.StandardCharsets.UTF_8);
        SLACK.expectRedirect(redirect);

        // a forged state and another admin's state install nothing, and Slack is not even asked
        int exchanges = SLACK.calls("oauth.v2.access").size();
        assertThat(callback(other, state, SLACK.newCode())).contains("does not belong to an install you started");
        assertThat(callback(owner, state + "x", SLACK.newCode())).contains("does not belong");
        assertThat(SLACK.calls("oauth.v2.access")).hasSize(exchanges);
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/slack"), "$.connected")).isFalse();

        assertThat(callback(owner, state, SLACK.newCode())).contains("Slack connected: " + FakeSlackApi.TEAM_NAME);
        MvcTestResult connection = api.as(owner).get("/api/v1/slack");
        assertThat((String) Json.read(connection, "$.mode")).isEqualTo("app");
        assertThat(web.page(web.signIn(owner), "/settings/slack")).contains("The Flightdeck app, installed",
                FakeSlackApi.TEAM_NAME);

        // found by her email, proposed, and nothing reaches her in Slack until she confirms
        SLACK.addUser(ann.email(), "U0ANN00001", "Ann Example");
        MvcTestResult found = api.as(ann).post("/api/v1/slack/link");
        assertThat((String) Json.read(found, "$.status")).isEqualTo("proposed");
        assertThat((String) Json.read(found, "$.slackName")).isEqualTo("Ann Example");
        String campaign = campaigns.create(owner, "Slack campaign");
        assign(owner, campaign, ann, "Before confirming");
        await().atMost(Duration.ofSeconds(30)).until(() -> !titles(ann).isEmpty());
        assertThat(SLACK.messagesIn("D0ANN00001")).isEmpty();

        assertThat((String) Json.read(api.as(ann).post("/api/v1/slack/link/confirm"), "$.status")).isEqualTo("linked");
        assertThat(web.page(web.signIn(ann), "/notifications/preferences")).contains("Linked to Ann Example");
        assign(owner, campaign, ann, "Write the Slack brief");
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.messagesIn("D0ANN00001").size() == 1);
        FakeSlackApi.Message dm = SLACK.messagesIn("D0ANN00001").get(0);
        assertThat(dm.text()).contains("Write the Slack brief");
        assertThat(dm.blocks().toString()).contains("/open").contains("Open in Flightdeck");
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(ann, "Write the Slack brief").contains("SLACK:SENT"));
        assertThat(web.page(web.signIn(ann), "/notifications")).contains("In Slack");

        // a member Slack does not know is told why; a read-only key links nobody
        Member bob = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MvcTestResult unknown = api.as(bob).post("/api/v1/slack/link");
        assertThat(unknown).hasStatus(409);
        assertThat((String) Json.read(unknown, "$.detail")).contains("Slack has no user with your email address");
        String key = Json.read(api.as(bob).post("/api/v1/api-keys", Map.of("name", "read", "roleCeiling", "VIEWER")),
                "$.secret");
        assertThat(api.as(bob).header("Authorization", "Bearer " + key).post("/api/v1/slack/link")).hasStatus(403);

        // Slack asks to slow down: not again before its Retry-After
        SLACK.throttle("chat.postMessage", "U0ANN00001", 1, 600);
        Instant before = Instant.now();
        assign(owner, campaign, ann, "Throttled task");
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(ann, "Throttled task").contains("SLACK:FAILED"));
        Instant next = Instant.parse(String.valueOf(slackDelivery(ann, "Throttled task").get("nextAttemptAt")));
        assertThat(next).isAfter(before.plusSeconds(590));

        // the app uninstalled in Slack: the delivery stops at once, in plain words
        SLACK.revoke(botToken());
        assign(owner, campaign, ann, "After the revocation");
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(ann, "After the revocation").contains("SLACK:DEAD"));
        assertThat(String.valueOf(slackDelivery(ann, "After the revocation").get("lastError")))
                .startsWith("Slack no longer accepts the workspace's app");
    }

    @Test
    void anIncomingWebhookIsTriedBeforeItIsKept() {
        Member owner = workspaces.workspace("Slack webhook");
        MvcTestResult refused = api.as(owner).put("/api/v1/slack/webhook",
                Map.of("url", SLACK.incomingWebhook().resolve("/services/T0/B0/wrong").toString()));
        assertThat(refused).hasStatus(400);
        assertThat((String) Json.read(refused, "$.detail")).isNotBlank();
        assertThat(api.as(owner).put("/api/v1/slack/webhook", Map.of("url", "not an address"))).hasStatus(400);
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/slack"), "$.connected")).isFalse();

        int before = SLACK.messagesIn(FakeSlackApi.CHANNEL).size();
        MvcTestResult kept = api.as(owner).put("/api/v1/slack/webhook",
                Map.of("url", SLACK.incomingWebhook().toString(), "channel", "#marketing"));
        assertThat(kept).hasStatusOk();
        assertThat((String) Json.read(kept, "$.mode")).isEqualTo("webhook");
        assertThat(SLACK.messagesIn(FakeSlackApi.CHANNEL)).hasSize(before + 1);
        assertThat(web.page(web.signIn(owner), "/settings/slack")).contains("An incoming webhook", "#marketing");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).get("/api/v1/slack")).hasStatus(403);
        assertThat((Boolean) Json.read(api.as(viewer).get("/api/v1/slack/link"), "$.available"))
                .as("no app, nothing to link to").isFalse();
        assertThat(api.as(owner).delete("/api/v1/slack")).hasStatus(204);
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/slack"), "$.connected")).isFalse();
    }

    @Test
    void eventsAreRoutedToASlackChannelThroughAnEndpointInSlacksFormat() {
        Member owner = workspaces.workspace("Slack routes");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MvcTestResult made = api.as(owner).post("/api/v1/webhook-endpoints", Map.of("url",
                SLACK.incomingWebhook().toString(), "eventTypes", List.of("task.assigned"), "format", "SLACK",
                "description", "#marketing"));
        assertThat(made).hasStatus(201);
        assertThat((String) Json.read(made, "$.endpoint.format")).isEqualTo("SLACK");
        int before = SLACK.messagesIn(FakeSlackApi.CHANNEL).size();

        assign(owner, campaigns.create(owner, "Routed campaign"), ann, "Shoot the routed video");
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.messagesIn(FakeSlackApi.CHANNEL).size() == before + 1);
        FakeSlackApi.Message posted = SLACK.messagesIn(FakeSlackApi.CHANNEL).get(before);
        assertThat(posted.text()).contains("Shoot the routed video");
        assertThat(posted.blocks().toString()).contains("Open in Flightdeck").contains("task.assigned");
        assertThat(SLACK.calls("incoming-webhook").get(SLACK.calls("incoming-webhook").size() - 1).header("webhook-signature"))
                .as("Slack takes no signature").isNull();
        assertThat(web.page(web.signIn(owner), "/settings/webhooks")).contains("#marketing");
    }

    private String callback(Member admin, String state, String code) {
        MvcTestResult answer = mvc.get().uri("/settings/slack/callback?state={s}&code={c}", state, code)
                .session(web.signIn(admin)).exchange();
        assertThat(answer).hasStatus3xxRedirection();
        return String.valueOf(answer.getMvcResult().getFlashMap().get("flash"));
    }

    private void assign(Member owner, String campaign, Member to, String title) {
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title)),
                "$.id");
        assertThat(api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", to.userId())))
                .hasStatusOk();
    }

    private List<String> titles(Member member) {
        return Json.read(api.as(member).get("/api/v1/notifications?size=50"), "$.items[*].title");
    }

    private Map<String, Object> item(Member member, String titlePart) {
        List<Map<String, Object>> items = Json.read(api.as(member).get("/api/v1/notifications?size=50"), "$.items");
        return items.stream().filter(i -> String.valueOf(i.get("title")).contains(titlePart)).findFirst().orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> slackDelivery(Member member, String titlePart) {
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) item(member, titlePart)
                .getOrDefault("deliveries", List.of());
        return deliveries.stream().filter(d -> "SLACK".equals(d.get("channel"))).findFirst().orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    private List<String> deliveries(Member member, String titlePart) {
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) item(member, titlePart)
                .getOrDefault("deliveries", List.of());
        return deliveries.stream().map(d -> d.get("channel") + ":" + d.get("status")).toList();
    }

    /** The token the install stored: the one oauth.v2.access handed out last. */
    private String botToken() {
        return SLACK.lastIssuedToken();
    }
}
