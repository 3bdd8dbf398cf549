package io.flightdeck.guidance.web;

import io.flightdeck.support.CountingReadinessCheck;
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
 * The campaign's overview shows the readiness card and the guidance card from one pass over the readiness checks: a
 * check in the shared test configuration ({@link CountingReadinessCheck}) counts how often it is asked about each
 * campaign.
 */
@FlightdeckTest
class OverviewChecksOnceTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;
    @Autowired
    CountingReadinessCheck check;

    @Test
    void oneOverviewAsksTheChecksOnceForBothCards() {
        Member owner = workspaces.workspace("Checks once");
        String campaign = campaigns.create(owner, "Asked once");
        MockHttpSession session = web.signIn(owner);
        int before = check.asked(campaign);

        String page = web.page(session, "/campaigns/" + campaign);

        assertThat(check.asked(campaign) - before).as("checks asked for the overview").isEqualTo(1);
        // both cards are on the page, the guidance card filled in the same request and still reloading itself
        assertThat(page).contains("id=\"readiness\"").contains("<h2>Guidance</h2>")
                .contains("id=\"guidance-summary\"").contains("<h3>Budget</h3>").contains("Set a budget")
                .contains("hx-get=\"/campaigns/" + campaign + "/guidance/panel\"");
    }

    @Test
    void eachRequestAsksAgainSoAReloadSeesWhatChanged() {
        Member owner = workspaces.withoutApprovals("Checks again");
        String campaign = campaigns.create(owner, "Asked again");
        MockHttpSession session = web.signIn(owner);
        int before = check.asked(campaign);

        web.page(session, "/campaigns/" + campaign);
        web.fragment(session, "/campaigns/" + campaign + "/guidance/panel");
        web.fragment(session, "/campaigns/" + campaign + "/readiness");

        assertThat(check.asked(campaign) - before).as("one page view, then each card's reload").isEqualTo(3);
    }
}
