package io.flightdeck.guidance;

import java.time.Instant;
import java.util.List;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.TestCampaigns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/campaigns/{id}/prompting/evaluate}: the readiness score the campaign page shows and the same
 * blockers as {@code .../blockers}, from one pass over the checks, stamped with when it was evaluated.
 */
@FlightdeckTest
class GuidanceEvaluateApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    @Test
    void theScoreIsTheCampaignPagesAndTheBlockersAreTheBlockersEndpoints() {
        Member owner = workspaces.workspace("Guidance evaluate");
        String campaign = campaigns.draft("Evaluated").budget("2500", "EUR").createdBy(owner);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);

        MvcTestResult evaluation = api.as(viewer).get("/api/v1/campaigns/" + campaign + "/prompting/evaluate");

        assertThat(evaluation).hasStatusOk();
        MvcTestResult readiness = api.as(owner).get("/api/v1/campaigns/" + campaign + "/readiness");
        assertThat((String) Json.read(evaluation, "$.campaignId")).isEqualTo(campaign);
        assertThat(Instant.parse(Json.read(evaluation, "$.evaluatedAt"))).isNotNull();
        assertThat((Integer) Json.read(evaluation, "$.readiness.score")).isEqualTo(Json.read(readiness, "$.score"));
        assertThat((Integer) Json.read(evaluation, "$.readiness.threshold")).isEqualTo(Json.read(readiness, "$.threshold"));
        assertThat((Integer) Json.read(evaluation, "$.readiness.rawScore")).isEqualTo(Json.read(readiness, "$.rawScore"));
        // the workspace's approval scopes are not started: they block, and the score stays below the threshold
        assertThat((Boolean) Json.read(evaluation, "$.readiness.meetsThreshold")).isFalse();
        List<String> evaluated = Json.read(evaluation, "$.blockers[*].key");
        List<String> listed = Json.read(api.as(owner).get("/api/v1/campaigns/" + campaign + "/prompting/blockers"),
                "$.blockers[*].key");
        assertThat(evaluated).isEqualTo(listed).isNotEmpty().doesNotContain("campaign.budget");
        List<String> open = Json.read(readiness, "$.items[?(@.done == false)].key");
        assertThat(evaluated).containsExactlyInAnyOrderElementsOf(open);
    }
}
