package io.flightdeck.guidance.web;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objective and the prediction in the guidance card: a manager sets the objective with the card's form (refused
 * with the problem when wrong), a viewer reads it without the form, a workspace without history is told how many
 * finished campaigns it has and needs; the track record page.
 */
@FlightdeckTest
class PredictionPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;

    @Test
    void aManagerSetsTheObjectiveInTheCardAndAViewerReadsIt() {
        Member owner = workspaces.workspace("Prediction card");
        String campaign = campaigns.create(owner, "Carded");
        MockHttpSession session = web.signIn(owner);
        String prediction = "/campaigns/" + campaign + "/guidance/prediction";

        assertThat(web.fragment(session, "/campaigns/" + campaign + "/guidance/panel"))
                .contains("hx-get=\"" + prediction + "\"");
        String card = web.fragment(session, prediction);
        assertThat(card).contains("No objective yet").contains("Set objective")
                .contains("Not enough history: 0 finished campaigns judged against an objective, 5 needed.")
                .contains("href=\"/guidance/track-record\"");

        MvcTestResult set = web.post(session, "/campaigns/" + campaign + "/guidance/objective", "metric", "REVENUE",
                "target", "12000", "currency", "eur");
        assertThat(set).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/" + campaign + "#guidance");
        assertThat(web.fragment(session, prediction)).contains("Revenue at least 12,000 EUR");

        MvcTestResult refused = web.post(session, "/campaigns/" + campaign + "/guidance/objective", "metric",
                "CLICK_RATE", "target", "140", "currency", "");
        assertThat(refused).hasStatus(400);
        assertThat(Json.body(refused)).contains("A rate is in percent: at most 100").contains("value=\"140\"");
        assertThat(web.fragment(session, prediction)).contains("Revenue at least 12,000 EUR");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession viewing = web.signIn(viewer);
        assertThat(web.fragment(viewing, prediction)).contains("Revenue at least 12,000 EUR")
                .doesNotContain("Set objective");
        assertThat(web.post(viewing, "/campaigns/" + campaign + "/guidance/objective", "metric", "CLICKS", "target",
                "5")).hasStatus(403);
    }

    @Test
    void theTrackRecordPageSaysWhenNothingIsScored() {
        Member owner = workspaces.workspace("Track record page");
        assertThat(web.page(web.signIn(owner), "/guidance/track-record")).contains("Prediction track record")
                .contains("No prediction has been scored yet");
    }
}
