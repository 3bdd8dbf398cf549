package io.flightdeck.guidance.web;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.StrategyRequests;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guidance card on the campaign's overview: each blocker with its severity, module, objects and fix, most severe
 * first; a viewer reads what clears each without a Fix button; a campaign nothing blocks says so.
 */
@FlightdeckTest
class GuidancePagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;

    @Test
    void theOverviewLoadsTheCardWhichListsEachBlockerWithItsFix() {
        Member owner = workspaces.workspace("Guidance card");
        String campaign = campaigns.create(owner, "Carded");
        MockHttpSession session = web.signIn(owner);
        String panel = "/campaigns/" + campaign + "/guidance/panel";

        assertThat(web.page(session, "/campaigns/" + campaign)).contains("hx-get=\"" + panel + "\"")
                .contains("id=\"guidance\"");
        String card = web.fragment(session, panel);

        assertThat(card).contains("<h2>Guidance</h2>").contains("id=\"guidance-summary\"")
                .containsPattern("\\d+ blocking · 0 warnings · \\d+ to do")
                .contains("<h3>Content approved</h3>").contains("Blocks launch").contains(">Approvals<")
                .contains("Start the approvals")
                .contains("href=\"/campaigns/" + campaign + "/tabs/approvals#approvals\"")
                .contains("aria-label=\"Fix: Set a budget\"").contains(">Fix</a>")
                .contains("<h3>Budget</h3>").contains(">Campaigns<")
                // the campaign is not offered as an object to open on its own page
                .doesNotContain("href=\"/campaigns/" + campaign + "\"")
                .doesNotContain("Nothing blocks this campaign");
        assertThat(card.indexOf("Blocks launch")).as("blocking first").isLessThan(card.indexOf("<h3>Budget</h3>"));
        assertThat(card).contains("hx-trigger=\"fd:changed from:body, every 60s\"");
    }

    @Test
    void aViewerReadsWhatClearsEachBlockerWithoutAFixButton() {
        Member owner = workspaces.withoutApprovals("Guidance viewer");
        String campaign = campaigns.create(owner, "Watched");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);

        String card = web.fragment(web.signIn(viewer), "/campaigns/" + campaign + "/guidance/panel");

        assertThat(card).contains("Set a budget").contains("Write the strategy").doesNotContain(">Fix</a>");
    }

    @Test
    void aCampaignNothingBlocksSaysSo() {
        Member owner = workspaces.withoutApprovals("Guidance clear");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Clear");
        new StrategyRequests(mvc).saveVersion(owner, campaign, StrategyRequests.FULL);

        String card = web.fragment(web.signIn(owner), "/campaigns/" + campaign + "/guidance/panel");

        assertThat(card).contains("Nothing blocks this campaign").doesNotContain("guidance-blocker\"");
    }

    @Test
    void withoutHtmxTheCardSendsToTheCampaignAndAnotherWorkspaceFindsNothing() {
        Member owner = workspaces.withoutApprovals("Guidance redirect");
        String campaign = campaigns.create(owner, "Elsewhere");
        String panel = "/campaigns/" + campaign + "/guidance/panel";

        assertThat(mvc.get().uri(panel).session(web.signIn(owner)).exchange()).hasStatus3xxRedirection()
                .hasRedirectedUrl("/campaigns/" + campaign + "#guidance");
        Member stranger = workspaces.workspace("Guidance stranger");
        assertThat(mvc.get().uri(panel).header("HX-Request", "true").session(web.signIn(stranger)).exchange())
                .hasStatus(404);
    }
}
