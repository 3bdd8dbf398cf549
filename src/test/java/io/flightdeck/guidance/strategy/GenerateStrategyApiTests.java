package io.flightdeck.guidance.strategy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate-strategy} through the built-in generator. Three past campaigns of the workspace: email did far better
 * than Instagram in them (clicks, conversions, return), and the two email-led ones had "Customer stories" as a
 * pillar. The campaign's own numbers and another workspace's campaign say the opposite (Instagram far ahead), and
 * neither may count: the draft leans toward email, leads with "Customer stories", and cites three campaigns.
 */
@FlightdeckTest
class GenerateStrategyApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    WebSessions web;

    private Member owner;
    private String campaign;

    @BeforeEach
    void pastCampaigns() {
        owner = workspaces.workspace("Strategy generation");
        TestCampaigns campaigns = new TestCampaigns(api);
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(20);
        String a = campaigns.draft("Past newsletter").channels("EMAIL", "INSTAGRAM").createdBy(owner);
        String b = campaigns.draft("Past spring sale").channels("EMAIL", "INSTAGRAM").createdBy(owner);
        String c = campaigns.draft("Past reels").channels("INSTAGRAM").createdBy(owner);
        strategy(a, "[\"EMAIL\",\"INSTAGRAM\"]", "[\"Customer stories\"]");
        strategy(b, "[\"EMAIL\",\"INSTAGRAM\"]", "[\"Customer stories\",\"Behind the scenes\"]");
        strategy(c, "[\"INSTAGRAM\"]", "[\"Memes\"]");
        campaign = campaigns.draft("Autumn launch").description("Our autumn coats for city cyclists.")
                .channels("EMAIL", "INSTAGRAM").budget("5000.00", "EUR").createdBy(owner);
        new PastCampaignNumbers(api, jdbc, day)
                .channel(a, "EMAIL", 1000, 60, 20, "100", "500").channel(a, "INSTAGRAM", 1000, 10, 2, "100", "80")
                .channel(b, "EMAIL", 2000, 100, 30, "100", "400").channel(b, "INSTAGRAM", 3000, 15, 1, "200", "100")
                .channel(c, "INSTAGRAM", 1000, 5, 0, "50", "20")
                // the campaign being planned is not a past campaign
                .channel(campaign, "INSTAGRAM", 100, 90, 500, "1", "5000")
                .sendAs(owner);
        Member other = workspaces.workspace("Strategy generation elsewhere");
        String theirs = campaigns.draft("Their reels").channels("INSTAGRAM").createdBy(other);
        new PastCampaignNumbers(api, jdbc, day).channel(theirs, "INSTAGRAM", 100, 90, 500, "1", "5000").sendAs(other);
    }

    private void strategy(String campaign, String platforms, String pillars) {
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", """
                {"platforms":%s,"goals":["Sell"],"contentPillars":%s}""".formatted(platforms, pillars))).hasStatus(201);
    }

    @Test
    void theDraftLeansOnWhatWorkedAndIsSavedAsTheNextVersionForReview() {
        MvcTestResult generated = api.as(owner).post("/api/v1/orchestrator/campaigns/" + campaign + "/generate-strategy",
                Map.of("provider", "built-in"));

        assertThat(generated).as(Json.body(generated)).hasStatus(201);
        assertThat(generated.getResponse().getHeader("Location"))
                .isEqualTo("/api/v1/campaigns/" + campaign + "/strategies/1");
        assertThat((Integer) Json.read(generated, "$.version")).isEqualTo(1);
        assertThat((String) Json.read(generated, "$.status")).isEqualTo("Current");
        assertThat((String) Json.read(generated, "$.review")).startsWith("Awaiting review");
        assertThat((String) Json.read(generated, "$.provider")).isEqualTo("built-in");
        Map<String, Integer> mix = Json.read(generated, "$.channelMix");
        Map<String, Integer> split = Json.read(generated, "$.budgetSplit");
        assertThat(mix).containsOnlyKeys("EMAIL", "INSTAGRAM");
        assertThat(split).containsOnlyKeys("EMAIL", "INSTAGRAM");
        assertThat(mix.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(split.get("EMAIL")).isGreaterThan(split.get("INSTAGRAM"));
        assertThat(mix.get("EMAIL")).isGreaterThan(mix.get("INSTAGRAM"));
        // the budget leans harder than the content, which every channel needs some of
        assertThat(split.get("EMAIL")).isGreaterThanOrEqualTo(mix.get("EMAIL"));
        assertThat((List<String>) Json.read(generated, "$.contentPillars")).first().isEqualTo("Customer stories");
        assertThat((List<String>) Json.read(generated, "$.goals")).isNotEmpty();

        // the evidence: three past campaigns of this workspace, email first and stronger than average
        assertThat((Integer) Json.read(generated, "$.evidence.campaigns")).isEqualTo(3);
        assertThat((String) Json.read(generated, "$.evidence.basis")).isEqualTo("all");
        assertThat((List<String>) Json.read(generated, "$.evidence.channels[*].channel"))
                .containsExactly("EMAIL", "INSTAGRAM");
        assertThat((Double) Json.read(generated, "$.evidence.channels[0].strength")).isGreaterThan(1.0);
        assertThat((Double) Json.read(generated, "$.evidence.channels[1].strength")).isLessThan(1.0);
        // email: 160 clicks of 3,000 impressions, 25 conversions a campaign
        assertThat((Double) Json.read(generated, "$.evidence.channels[0].clickRate")).isEqualTo(5.33);
        assertThat((Double) Json.read(generated, "$.evidence.channels[0].conversionsPerCampaign")).isEqualTo(25.0);
        assertThat((Integer) Json.read(generated, "$.evidence.channels[1].campaigns")).isEqualTo(3);
        assertThat((String) Json.read(generated, "$.evidence.pillars[0].pillar")).isEqualTo("Customer stories");
        assertThat((List<String>) Json.read(generated, "$.evidence.findings"))
                .anyMatch(f -> f.startsWith("Read 3 past campaigns"))
                .anyMatch(f -> f.startsWith("Email in 2 past campaigns: click rate 5.33 %"))
                .noneMatch(f -> f.contains("Memes"));

        // saved as the strategy's version 1, with its channel mix and its budget split
        MvcTestResult current = api.as(owner).get("/api/v1/campaigns/" + campaign + "/strategies/current");
        assertThat((Integer) Json.read(current, "$.version")).isEqualTo(1);
        assertThat((Map<String, Integer>) Json.read(current, "$.channelMix")).isEqualTo(mix);
        assertThat((Map<String, Integer>) Json.read(current, "$.adsConfig.budgetSplit")).isEqualTo(split);
        assertThat((List<String>) Json.read(current, "$.platforms")).containsExactly("EMAIL", "INSTAGRAM");

        // a second generation is the next version; the first one is history
        MvcTestResult again = api.as(owner).post("/api/v1/orchestrator/campaigns/" + campaign + "/generate-strategy");
        assertThat(again).hasStatus(201);
        assertThat((Integer) Json.read(again, "$.version")).isEqualTo(2);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/campaigns/" + campaign + "/strategies/1"), "$.status"))
                .isEqualTo("SUPERSEDED");
    }

    @Test
    void theDraftPageAndTheContentApiDraftFromTheSameEvidence() {
        // seen: the Content tab's draft ignored what worked (an even budget split, the pillars of the type), while
        // the Strategy tab's card leaned on it; now both tabs open the one draft page, written from what worked
        MvcTestResult draft = api.as(owner).post("/api/v1/content/strategy-drafts",
                Map.of("campaignId", campaign, "provider", "built-in"));
        assertThat(draft).hasStatusOk();
        Map<String, Integer> split = Json.read(draft, "$.budgetSplit");
        assertThat(split.get("EMAIL")).isGreaterThan(split.get("INSTAGRAM"));
        assertThat((List<String>) Json.read(draft, "$.contentPillars")).first().isEqualTo("Customer stories");

        MockHttpSession session = web.signIn(owner);
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/guidance/strategy-generation/panel"))
                .contains("action=\"/campaigns/" + campaign + "/strategy-draft\"").contains(">Draft a strategy</button>");
        assertThat(web.page(session, "/campaigns/" + campaign + "/strategy-draft?provider=built-in"))
                .contains("What worked in past campaigns").contains("Email in 2 past campaigns: click rate 5.33 %")
                .contains("Customer stories");
    }

    @Test
    void viewersMayNotAndAnotherWorkspaceFindsNothing() {
        String path = "/api/v1/orchestrator/campaigns/" + campaign + "/generate-strategy";
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post(path, Map.of())).hasStatus(403);
        String readOnlyKey = Json.read(api.as(owner).post("/api/v1/api-keys",
                Map.of("name", "reporting", "roleCeiling", "VIEWER")), "$.secret");
        assertThat(api.anonymous().header("Authorization", "Bearer " + readOnlyKey).post(path, Map.of())).hasStatus(403);
        Member stranger = workspaces.workspace("Strategy generation stranger");
        assertThat(api.as(stranger).post(path, Map.of())).hasStatus(404);
        assertThat(api.as(owner).post(path, Map.of("provider", "x".repeat(41)))).hasStatus(400);
        assertThat(api.as(owner).get("/api/v1/campaigns/" + campaign + "/strategies/current")).hasStatus(404);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(api.as(contributor).post(path, Map.of("provider", "built-in"))).hasStatus(201);
    }

    @Test
    void withoutPastNumbersTheDraftSaysSoAndSplitsEvenly() {
        Member fresh = workspaces.workspace("Strategy generation, no history");
        String first = new TestCampaigns(api).draft("First ever").channels("EMAIL", "LINKEDIN", "INSTAGRAM")
                .createdBy(fresh);

        MvcTestResult generated = api.as(fresh).post("/api/v1/orchestrator/campaigns/" + first + "/generate-strategy",
                Map.of("provider", "built-in"));

        assertThat(generated).hasStatus(201);
        assertThat((String) Json.read(generated, "$.evidence.basis")).isEqualTo("none");
        assertThat((List<String>) Json.read(generated, "$.evidence.findings")).singleElement().asString()
                .startsWith("No past campaign of the workspace has numbers yet");
        assertThat((Map<String, Integer>) Json.read(generated, "$.budgetSplit"))
                .isEqualTo(Map.of("EMAIL", 34, "INSTAGRAM", 33, "LINKEDIN", 33));
    }
}
