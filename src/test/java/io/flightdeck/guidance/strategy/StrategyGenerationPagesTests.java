package io.flightdeck.guidance.strategy;

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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strategy generation on the page: the card on the campaign's Strategy tab says what worked and offers the button to
 * contributors only; the form generates a version and lands on its page with the evidence; the version's page and the
 * editor show the channel mix; another workspace's generation is not found.
 */
@FlightdeckTest
class StrategyGenerationPagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;
    @Autowired
    MockMvcTester mvc;

    @Test
    void theCardGeneratesAVersionAndItsPageShowsTheEvidence() {
        Member owner = workspaces.workspace("Strategy generation pages");
        String campaign = new TestCampaigns(api).draft("Generated on the page").channels("EMAIL", "LINKEDIN")
                .createdBy(owner);
        MockHttpSession session = web.signIn(owner);
        String panel = "/campaigns/" + campaign + "/guidance/strategy-generation/panel";

        assertThat(web.page(session, "/campaigns/" + campaign + "/tabs/strategy")).contains("hx-get=\"" + panel + "\"");
        assertThat(web.fragment(session, panel)).contains("<h2>Generate a strategy draft</h2>")
                .contains("No past campaign of the workspace has numbers yet")
                .contains("action=\"/campaigns/" + campaign + "/guidance/generate-strategy\"")
                .contains(">Generate a strategy draft</button>");

        MvcTestResult posted = web.post(session, "/campaigns/" + campaign + "/guidance/generate-strategy",
                "provider", "built-in");

        assertThat(posted).hasStatus3xxRedirection();
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/campaigns/" + campaign + "/guidance/strategy-generations/");
        assertThat(web.page(session, location)).contains("Generated strategy version 1")
                .contains("Awaiting review").contains("What it was based on")
                .contains("No past campaign of the workspace has numbers yet")
                .contains("href=\"/campaigns/" + campaign + "/strategy/versions/1\"")
                .containsPattern("Email \\d+%,").containsPattern("LinkedIn \\d+%");
        assertThat(web.page(session, "/campaigns/" + campaign + "/strategy/versions/1")).contains("<dt>Channel mix</dt>")
                .containsPattern("Email \\d+%,");
        assertThat(web.page(session, "/campaigns/" + campaign + "/strategy")).contains("id=\"channelMix\"")
                .containsPattern("Email: \\d+\\s+LinkedIn: \\d+");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession viewing = web.signIn(viewer);
        assertThat(web.fragment(viewing, panel)).contains("What worked in past campaigns")
                .doesNotContain("generate-strategy\"");
        assertThat(web.post(viewing, "/campaigns/" + campaign + "/guidance/generate-strategy")).hasStatus(403);
        Member stranger = workspaces.workspace("Strategy generation pages elsewhere");
        assertThat(mvc.get().uri(location).session(web.signIn(stranger)).exchange()).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/campaigns/" + campaign + "/strategies/1")).hasStatus(404);
    }

    @Test
    void theEditorSavesAChannelMixAndSaysWhatIsWrongWithOne() {
        Member owner = workspaces.workspace("Channel mix editor");
        String campaign = new TestCampaigns(api).draft("Mixed").channels("EMAIL", "INSTAGRAM").createdBy(owner);
        MockHttpSession session = web.signIn(owner);

        MvcTestResult wrong = web.post(session, "/campaigns/" + campaign + "/strategy", "platforms", "EMAIL",
                "platforms", "INSTAGRAM", "goals", "Sell", "channelMix", "Email: 50\nInstagram: 40", "basedOnVersion", "0");
        assertThat(wrong).hasStatusOk().bodyText().contains("must add up to 100 percent; it adds up to 90");
        MvcTestResult unreadable = web.post(session, "/campaigns/" + campaign + "/strategy", "platforms", "EMAIL",
                "goals", "Sell", "channelMix", "Email lots", "basedOnVersion", "0");
        assertThat(unreadable).hasStatusOk().bodyText().contains("is not a platform and a whole percent");

        MvcTestResult saved = web.post(session, "/campaigns/" + campaign + "/strategy", "platforms", "EMAIL",
                "platforms", "INSTAGRAM", "goals", "Sell", "channelMix", "Instagram: 70\nEMAIL 30", "basedOnVersion", "0");
        assertThat(saved).hasStatus3xxRedirection();
        MvcTestResult current = api.as(owner).get("/api/v1/campaigns/" + campaign + "/strategies/current");
        assertThat((java.util.Map<String, Integer>) Json.read(current, "$.channelMix"))
                .isEqualTo(java.util.Map.of("EMAIL", 30, "INSTAGRAM", 70));
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", """
                {"platforms":["EMAIL"],"goals":["Sell"],"channelMix":{"EMAIL":100,"TIKTOK":0},"basedOnVersion":1}"""))
                .hasStatus(400).bodyText().contains("channelMix").contains("not one of the strategy's platforms");
    }
}
