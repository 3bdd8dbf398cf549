package io.flightdeck.notifications;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;

import static io.flightdeck.notifications.SlackSetup.SLACK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/slack} keeps each workspace's Slack to itself (connection, install, links) and refuses bad input to
 * the browserless install with a problem, before Slack is asked anything.
 */
@FlightdeckTest
class SlackTenancyTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    @Test
    void anotherWorkspaceSeesNeitherTheConnectionNorTheLinksAndCannotTouchThem() {
        Member ours = workspaces.workspace("Slack ours");
        Member ana = workspaces.addMember(ours, Role.CONTRIBUTOR);
        SlackSetup slack = new SlackSetup(mvc, api, web);
        slack.install(ours);
        slack.link(ana, "U0TEN00001", "Ana Tenant");
        Member theirs = workspaces.workspace("Slack theirs");
        Member bob = workspaces.addMember(theirs, Role.CONTRIBUTOR);

        assertThat((Boolean) Json.read(api.as(theirs).get("/api/v1/slack"), "$.connected")).isFalse();
        assertThat(api.as(theirs).delete("/api/v1/slack")).hasStatus(204);
        assertThat((String) Json.read(api.as(ours).get("/api/v1/slack"), "$.mode")).as("ours still installed")
                .isEqualTo("app");

        assertThat((String) Json.read(api.as(bob).get("/api/v1/slack/link"), "$.status")).isNotEqualTo("linked");
        assertThat(api.as(bob).post("/api/v1/slack/link")).as("their workspace has no Slack").hasStatus(409);
        assertThat(api.as(bob).post("/api/v1/slack/link/confirm")).hasStatus(409);
        assertThat((String) Json.read(api.as(ana).get("/api/v1/slack/link"), "$.status")).isEqualTo("linked");
    }

    @Test
    void ourInstallStateCompletesNothingInAnotherWorkspace() {
        Member ours = workspaces.workspace("Slack state ours");
        Member theirs = workspaces.workspace("Slack state theirs");
        URI authorize = URI.create(Json.read(api.as(ours).post("/api/v1/slack/install"), "$.authorizeUrl"));
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build(true).getQueryParams()
                .toSingleValueMap();
        String state = URLDecoder.decode(query.get("state"), StandardCharsets.UTF_8);
        int exchanges = SLACK.calls("oauth.v2.access").size();

        MvcTestResult refused = api.as(theirs).post("/api/v1/slack/install/complete",
                Map.of("state", state, "code", SLACK.newCode()));

        assertThat(refused).hasStatus(409).hasContentType("application/problem+json");
        assertThat(SLACK.calls("oauth.v2.access")).as("Slack not asked").hasSize(exchanges);
        assertThat((Boolean) Json.read(api.as(theirs).get("/api/v1/slack"), "$.connected")).isFalse();
        assertThat((Boolean) Json.read(api.as(ours).get("/api/v1/slack"), "$.connected")).isFalse();
    }

    @Test
    void badInputToTheBrowserlessInstallIsAProblemAndAsksSlackNothing() {
        Member admin = workspaces.workspace("Slack bad input");
        Member viewer = workspaces.addMember(admin, Role.VIEWER);
        int exchanges = SLACK.calls("oauth.v2.access").size();

        assertThat(api.as(viewer).post("/api/v1/slack/install/complete", Map.of("state", "s", "code", "c")))
                .hasStatus(403);
        for (String body : new String[] {"{}", "{\"state\":null,\"code\":\"c\"}", "{\"state\":\"s\",\"code\":\"\"}",
                "{\"state\":[null],\"code\":\"c\"}", "{\"state\":\"" + "s".repeat(1001) + "\",\"code\":\"c\"}",
                "not json"}) {
            MvcTestResult refused = api.as(admin).raw(HttpMethod.POST, "/api/v1/slack/install/complete",
                    "application/json", body.getBytes(StandardCharsets.UTF_8));
            assertThat(refused).as(body.length() > 40 ? body.substring(0, 40) : body).hasStatus(400)
                    .hasContentType("application/problem+json");
        }
        assertThat(api.as(admin).post("/api/v1/slack/install/complete", Map.of("state", "forged", "code", "c")))
                .as("a state not signed by us").hasStatus(409);
        assertThat(api.as(admin).raw(HttpMethod.POST, "/api/v1/slack/install/complete", "text/plain",
                "state=s".getBytes(StandardCharsets.UTF_8))).hasStatus(415);
        assertThat(SLACK.calls("oauth.v2.access")).hasSize(exchanges);
    }
}
