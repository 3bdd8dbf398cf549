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
    void theCardOpensTheDraftPageAndAnApiGenerationsPageShowsTheEvidence() {
        Member owner = workspaces.workspace("Strategy generation pages");
        String campaign = new TestCampaigns(api).draft("Generated on the page").channels("EMAIL", "LINKEDIN")
                .createdBy(owner);
        MockHttpSession session = web.signIn(owner);
        String panel = "/campaigns/" + campaign + "/guidance/strategy-generation/panel";

        assertThat(web.page(session, "/campaigns/" + campaign + "/tabs/strategy")).contains("hx-get=\"" + panel + "\"");
        // one generator: the card opens the draft page the Content tab opens, to see and edit before saving
        assertThat(web.fragment(session, panel)).contains("<h2>Draft a strategy</h2>")
                .contains("No past campaign of the workspace has numbers yet")
                .contains("action=\"/campaigns/" + campaign + "/strategy-draft\"").contains("method=\"get\"")
                .contains(">Draft a strategy</button>");
        assertThat(web.page(session, "/campaigns/" + campaign + "/strategy-draft?provider=built-in"))
                .contains("Strategy draft").contains("What worked in past campaigns")
                .contains("No past campaign of the workspace has numbers yet");
        assertThat(web.post(session, "/campaigns/" + campaign + "/guidance/generate-strategy", "provider", "built-in"))
                .as("the card's own generator is gone").hasStatus(404);

        // a version the API generated has a page with what it was based on
        MvcTestResult generated = api.as(owner).post("/api/v1/orchestrator/campaigns/" + campaign
                + "/generate-strategy", "{\"provider\":\"built-in\"}");
        assertThat(generated).hasStatus(201);
        String location = "/campaigns/" + campaign + "/guidance/strategy-generations/"
                + io.flightdeck.support.Json.read(generated, "$.generationId");
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
                .doesNotContain("strategy-draft\"");
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/strategy-draft").session(viewing).exchange())
                .hasStatus(403);
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
