package io.flightdeck.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.notifications.slack.FakeSlackApi;
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

import static io.flightdeck.notifications.SlackSetup.SLACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events routed to Slack channels by the installed app's bot: an endpoint in the SLACK_CHANNEL format names a channel
 * by the link Slack gives for it, and each event it takes is posted there with chat.postMessage, naming its webhook-id
 * in Slack's metadata, through the endpoint's ledger and log.
 */
@FlightdeckTest
class SlackChannelRoutingTests {

    private static final String LINK = "https://flightdeck-test.slack.com/archives/" + FakeSlackApi.CHANNEL;

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
    void aChannelEndpointPostsEachEventThroughTheAppsBot() {
        Member owner = workspaces.workspace("Slack channel routes");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(create(owner, "not a channel")).as("validation before the install is asked for").hasStatus(400);
        MvcTestResult noApp = create(owner, LINK);
        assertThat(noApp).hasStatus(409);
        assertThat((String) Json.read(noApp, "$.detail")).contains("Install the Slack app");

        new SlackSetup(mvc, api, web).install(owner);
        assertThat(create(owner, "slack://channel?team=T0OTHERTEAM&id=" + FakeSlackApi.CHANNEL)).as("another Slack")
                .hasStatus(400);
        MvcTestResult made = create(owner, LINK);
        assertThat(made).hasStatus(201);
        assertThat((String) Json.read(made, "$.endpoint.url"))
                .isEqualTo("slack://channel?team=" + FakeSlackApi.TEAM_ID + "&id=" + FakeSlackApi.CHANNEL);
        String endpoint = Json.read(made, "$.endpoint.id");
        int before = SLACK.messagesIn(FakeSlackApi.CHANNEL).size();

        assign(owner, campaigns.create(owner, "Channel routed campaign"), ann, "Cut the channel teaser");

        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.messagesIn(FakeSlackApi.CHANNEL).stream()
                .anyMatch(m -> String.valueOf(m.text()).contains("Cut the channel teaser")));
        FakeSlackApi.Message posted = SLACK.messagesIn(FakeSlackApi.CHANNEL).stream()
                .filter(m -> String.valueOf(m.text()).contains("Cut the channel teaser")).findFirst().orElseThrow();
        assertThat(SLACK.messagesIn(FakeSlackApi.CHANNEL)).hasSizeGreaterThan(before);
        assertThat(posted.blocks().toString()).contains("Open in Flightdeck", "task.assigned");
        assertThat(posted.metadata().path("event_type").asString()).isEqualTo("flightdeck_webhook");
        String webhookId = posted.metadata().path("event_payload").path("webhook_id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(api.as(owner)
                .get("/api/v1/webhook-endpoints/" + endpoint + "/messages"), "$.items[0].status")));
        MvcTestResult log = api.as(owner).get("/api/v1/webhook-endpoints/" + endpoint + "/messages");
        assertThat((String) Json.read(log, "$.items[0].messageId")).isEqualTo(webhookId);
        assertThat((Boolean) Json.read(log, "$.items[0].possibleDuplicate")).isFalse();
        assertThat(SLACK.calls("chat.postMessage").stream().filter(c -> c.json().path("channel").asString()
                .equals(FakeSlackApi.CHANNEL)).reduce((a, b) -> b).orElseThrow().header("Authorization"))
                .isEqualTo("Bearer " + SLACK.lastIssuedToken());
        assertThat(web.page(web.signIn(owner), "/settings/webhooks")).contains("Slack channel, through the installed app");
    }

    @Test
    void aChannelTheAppIsNotInFailsWithWhatToDoInTheLog() {
        Member owner = workspaces.workspace("Slack channel outside");
        new SlackSetup(mvc, api, web).install(owner);
        MvcTestResult made = create(owner, FakeSlackApi.OUTSIDE_CHANNEL.toLowerCase());
        assertThat(made).hasStatus(201);
        String endpoint = Json.read(made, "$.endpoint.id");

        assertThat(api.as(owner).post("/api/v1/webhook-endpoints/" + endpoint + "/test")).hasStatus(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(Json.read(api.as(owner)
                .get("/api/v1/webhook-endpoints/" + endpoint + "/messages"), "$.items[0].status")));
        assertThat((String) Json.read(api.as(owner).get("/api/v1/webhook-endpoints/" + endpoint + "/messages"),
                "$.items[0].lastError")).contains("/invite @Flightdeck");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(create(viewer, LINK)).hasStatus(403);
    }

    private MvcTestResult create(Member admin, String address) {
        return api.as(admin).post("/api/v1/webhook-endpoints", Map.of("url", address, "format", "SLACK_CHANNEL",
                "eventTypes", List.of("task.assigned"), "description", "#marketing by the app"));
    }

    private void assign(Member owner, String campaign, Member to, String title) {
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title)),
                "$.id");
        assertThat(api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", to.userId())))
                .hasStatusOk();
    }
}
