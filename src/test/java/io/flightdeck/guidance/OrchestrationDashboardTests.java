package io.flightdeck.guidance;

import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002's orchestration dashboard through the API and its page: a campaign whose Facebook earns a sixth of the
 * workspace's click rate shows that channel's figures and the recommendation to rework it, the prediction ("not enough
 * history" in a new workspace) and the empty track record; a dismissal takes the recommendation off both the card and
 * the dashboard; a viewer reads it; another workspace gets 404.
 */
@FlightdeckTest
class OrchestrationDashboardTests {

    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebSessions web;

    @Test
    void theDashboardGathersTheCampaignsGuidanceAndFollowsAReaction() {
        Member owner = workspaces.withoutApprovals("Orchestration dashboard");
        String campaign = new WeakChannels(api, mvc, jdbc).activeCampaign(owner, "Spring launch", 50);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String path = "/api/v1/orchestrator/campaigns/" + campaign + "/dashboard";

        MvcTestResult dashboard = api.as(viewer).get(path);

        assertThat(dashboard).hasStatusOk();
        assertThat(Json.<String>read(dashboard, "$.name")).isEqualTo("Spring launch");
        assertThat(Json.<String>read(dashboard, "$.status")).isEqualTo("ACTIVE");
        assertThat(Json.<List<String>>read(dashboard, "$.channels[*].ruleId")).containsExactly("underperforming-channel");
        assertThat(Json.<List<?>>read(dashboard, "$.failureRecovery")).isEmpty();
        assertThat(Json.<List<?>>read(dashboard, "$.budget")).isEmpty();
        Map<String, Object> facebook = Json.<List<Map<String, Object>>>read(dashboard,
                "$.channelPerformance[?(@.channel == 'FACEBOOK')]").get(0);
        assertThat(facebook).containsEntry("clicks", 50).containsEntry("impressions", 10000)
                .containsEntry("clickRate", 0.5).containsEntry("workspaceClickRate", 3.0);
        assertThat(Json.<String>read(dashboard, "$.prediction.prediction.method")).isEqualTo("NOT_ENOUGH_HISTORY");
        assertThat((Integer) Json.read(dashboard, "$.trackRecord.record.scored")).isZero();
        assertThat((Integer) Json.read(dashboard, "$.readiness.score")).isBetween(0, 100);
        assertThat(Json.<String>read(dashboard, "$.hidden")).isEmpty();

        String page = web.page(web.signIn(viewer), "/campaigns/" + campaign + "/orchestration");
        assertThat(page).contains("<h1>Orchestration</h1>").contains("Channel performance").contains("Facebook")
                .contains("click rate 0.5 %; the workspace&#39;s 3.0 %").contains("data-rule=\"underperforming-channel\"")
                .contains("Not enough history").contains("None of this campaign");

        // A dismissal hides it on the dashboard as on the card, and says so.
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/prompting/record-response", Map.of(
                "ruleId", "underperforming-channel", "targetType", "channel", "targetId", "FACEBOOK",
                "response", "DISMISSED", "reason", "Facebook is there for reach"))).hasStatus(201);
        MvcTestResult after = api.as(viewer).get(path);
        assertThat(Json.<List<?>>read(after, "$.channels")).isEmpty();
        assertThat(Json.<String>read(after, "$.hidden")).isEqualTo("1 dismissed");
        assertThat(web.page(web.signIn(viewer), "/campaigns/" + campaign + "/orchestration"))
                .contains("Hidden by reactions: 1 dismissed").doesNotContain("data-rule=\"underperforming-channel\"");

        Member stranger = workspaces.workspace("Elsewhere");
        assertThat(api.as(stranger).get(path)).hasStatus(404);
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/orchestration").session(web.signIn(stranger)).exchange())
                .hasStatus(404);
    }
}
