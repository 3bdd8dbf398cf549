package io.flightdeck.content;

import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Strategy drafts through the generation port: drafted from the campaign's facts, edited and adopted as a version. */
@FlightdeckTest
class StrategyDraftsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    @Test
    void aDraftFollowsTheCampaignAndIsAdoptedAsTheNextVersion() {
        Member owner = workspaces.workspace("Strategy drafts");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Spring launch");

        MvcTestResult draft = api.as(owner).post("/api/v1/content/strategy-drafts", "{\"campaignId\":\"" + campaign + "\"}");

        assertThat(draft).hasStatusOk();
        assertThat((List<String>) Json.read(draft, "$.goals")).hasSize(3);
        // four of a product launch's five pillars; which one is left out varies from draft to draft
        assertThat((List<String>) Json.read(draft, "$.contentPillars")).hasSize(4).isSubsetOf("Product features",
                "Behind the scenes", "Customer stories", "How-to and tips", "Launch countdown");
        assertThat((String) Json.read(draft, "$.cadence")).contains("One email a week").contains("four Instagram posts a week");
        // seen: the brief pasted as the audience, the budget split repeated as the channel mix, and no ad objective,
        // which then held readiness; now an audience for the type, two splits of their own, and an objective
        String description = Json.read(api.as(owner).get("/api/v1/campaigns/" + campaign), "$.description");
        assertThat((String) Json.read(draft, "$.targetAudience")).isNotBlank()
                .doesNotContain(description.substring(0, Math.min(20, description.length())));
        Map<String, Integer> mix = Json.read(draft, "$.channelMix");
        Map<String, Integer> split = Json.read(draft, "$.budgetSplit");
        assertThat(mix).containsOnlyKeys("EMAIL", "INSTAGRAM").isNotEqualTo(split);
        assertThat(mix.get("INSTAGRAM")).as("four posts a week against one email").isGreaterThan(mix.get("EMAIL"));
        assertThat(split).as("no history to lean on: the budget evenly").isEqualTo(Map.of("EMAIL", 50, "INSTAGRAM", 50));
        assertThat((String) Json.read(draft, "$.adObjective")).isEqualTo("SALES");
        assertThat((List<String>) Json.read(draft, "$.platforms")).containsExactly("EMAIL", "INSTAGRAM");
        assertThat((Integer) Json.read(draft, "$.basedOnVersion")).isZero();
        assertThat((String) Json.read(draft, "$.provider")).isEqualTo("built-in");

        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/campaigns/" + campaign + "/strategy-draft")).contains("Strategy draft")
                .contains("Save as the next strategy version", "Ad objective", "Content mix: ", "Budget split: ");
        MvcTestResult adopted = mvc.post().uri("/campaigns/" + campaign + "/strategy-draft").session(session).with(csrf())
                .param("goals", "Sell 500 jackets\nGrow the list by 1,000").param("contentPillars", "Craft\nTrails")
                .param("brandTone", "warm").param("cadence", "Weekly").param("platforms", "EMAIL", "INSTAGRAM")
                .param("adObjective", "SALES").param("channelMix", "EMAIL=20,INSTAGRAM=80")
                .param("budgetSplit", "EMAIL=10,INSTAGRAM=90").param("basedOnVersion", "0").exchange();
        assertThat(adopted).hasStatus3xxRedirection();
        MvcTestResult current = api.as(owner).get("/api/v1/campaigns/" + campaign + "/strategies/current");
        assertThat((Integer) Json.read(current, "$.version")).isEqualTo(1);
        // the draft's ads section and mix are saved with it, so readiness does not wait on an empty objective
        assertThat((String) Json.read(current, "$.adsConfig.objective")).isEqualTo("SALES");
        assertThat((Integer) Json.read(current, "$.adsConfig.budgetSplit.INSTAGRAM")).isEqualTo(90);
        assertThat((List<String>) Json.read(current, "$.goals")).containsExactly("Sell 500 jackets", "Grow the list by 1,000");

        MvcTestResult stale = mvc.post().uri("/campaigns/" + campaign + "/strategy-draft").session(session).with(csrf())
                .param("goals", "Another").param("platforms", "EMAIL", "INSTAGRAM").param("basedOnVersion", "0")
                .exchange();
        assertThat(stale).hasStatusOk().bodyText().contains("Version 1 was saved since");
        MvcTestResult noGoals = mvc.post().uri("/campaigns/" + campaign + "/strategy-draft").session(session).with(csrf())
                .param("goals", " ").param("basedOnVersion", "1").exchange();
        assertThat(noGoals).hasStatusOk().bodyText().contains("a strategy needs at least one goal");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post("/api/v1/content/strategy-drafts", "{\"campaignId\":\"" + campaign + "\"}")).hasStatus(403);
        Member stranger = workspaces.workspace("Strategy drafts elsewhere");
        assertThat(api.as(stranger).post("/api/v1/content/strategy-drafts", "{\"campaignId\":\"" + campaign + "\"}")).hasStatus(404);
    }
}
