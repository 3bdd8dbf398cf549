package io.flightdeck.content;

import java.util.List;

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
        assertThat((String) Json.read(draft, "$.targetAudience")).contains("Spring collection launch");
        assertThat((List<String>) Json.read(draft, "$.platforms")).containsExactly("EMAIL", "INSTAGRAM");
        assertThat((Integer) Json.read(draft, "$.basedOnVersion")).isZero();
        assertThat((String) Json.read(draft, "$.provider")).isEqualTo("built-in");

        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/campaigns/" + campaign + "/strategy-draft")).contains("Strategy draft")
                .contains("Save as the next strategy version");
        MvcTestResult adopted = mvc.post().uri("/campaigns/" + campaign + "/strategy-draft").session(session).with(csrf())
                .param("goals", "Sell 500 jackets\nGrow the list by 1,000").param("contentPillars", "Craft\nTrails")
                .param("brandTone", "warm").param("cadence", "Weekly").param("platforms", "INSTAGRAM")
                .param("basedOnVersion", "0").exchange();
        assertThat(adopted).hasStatus3xxRedirection();
        MvcTestResult current = api.as(owner).get("/api/v1/campaigns/" + campaign + "/strategies/current");
        assertThat((Integer) Json.read(current, "$.version")).isEqualTo(1);
        assertThat((List<String>) Json.read(current, "$.goals")).containsExactly("Sell 500 jackets", "Grow the list by 1,000");

        MvcTestResult stale = mvc.post().uri("/campaigns/" + campaign + "/strategy-draft").session(session).with(csrf())
                .param("goals", "Another").param("basedOnVersion", "0").exchange();
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
