package io.flightdeck.guidance.strategy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate-strategy} through a workspace's AI provider, against the local fake of Anthropic's Messages API the
 * content module's tests use: the prompt carries the brief and what worked (findings, channel strengths, channel
 * keys) and asks for the channel mix and budget split; the answer is saved as the version; an answer that is not a
 * strategy, or whose shares do not add up over the campaign's channels, is a problem and nothing is saved.
 */
@FlightdeckTest
class GenerateStrategyAiProviderTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private Member owner;
    private String campaign;
    private String path;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Strategy generation by AI");
        TestCampaigns campaigns = new TestCampaigns(api);
        String past = campaigns.draft("Past newsletter").channels("EMAIL", "INSTAGRAM").createdBy(owner);
        assertThat(api.as(owner).post("/api/v1/campaigns/" + past + "/strategies", """
                {"platforms":["EMAIL","INSTAGRAM"],"goals":["Sell"],"contentPillars":["Customer stories"]}"""))
                .hasStatus(201);
        String weaker = campaigns.draft("Past reels").channels("INSTAGRAM").createdBy(owner);
        assertThat(api.as(owner).post("/api/v1/campaigns/" + weaker + "/strategies", """
                {"platforms":["INSTAGRAM"],"goals":["Reach"],"contentPillars":["Memes"]}""")).hasStatus(201);
        new PastCampaignNumbers(api, jdbc, LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(10))
                .channel(past, "EMAIL", 1000, 60, 20, "100", "500").channel(past, "INSTAGRAM", 1000, 10, 2, "100", "80")
                .channel(weaker, "INSTAGRAM", 1000, 5, 0, "50", "20")
                .sendAs(owner);
        campaign = campaigns.draft("Autumn launch").description("Coats for city cyclists.")
                .channels("EMAIL", "INSTAGRAM").createdBy(owner);
        path = "/api/v1/orchestrator/campaigns/" + campaign + "/generate-strategy";
        assertThat(api.as(owner).post("/api/v1/content/providers", """
                {"name":"Anthropic","kind":"ANTHROPIC","baseUrl":"%s","model":"claude-sonnet-4-5","apiKey":"sk-ant-test-key"}"""
                .formatted(server.url("/").toString()))).hasStatus(201);
    }

    /** The provider's answer: {@code text} as the one text block of a Messages API reply. */
    private static MockResponse answer(String text) {
        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn",
                 "usage":{"input_tokens":900,"output_tokens":300}}""".formatted(JSON.writeValueAsString(text))).build();
    }

    private static String strategy(String channelMix, String budgetSplit) {
        return """
                Here is the strategy: {"goals":["Sell 800 coats","Grow the list by 2,000"],
                "targetAudience":"Commuters who cycle all year","contentPillars":["Customer stories","Rain tests"],
                "brandTone":"dry and practical","cadence":"Two emails a month, three posts a week",
                "channelMix":%s,"budgetSplit":%s}""".formatted(channelMix, budgetSplit);
    }

    @Test
    void theProviderIsAskedWithWhatWorkedAndItsAnswerIsTheVersion() throws Exception {
        server.enqueue(answer(strategy("{\"EMAIL\":60,\"INSTAGRAM\":40}", "{\"EMAIL\":70,\"Instagram\":30}")));

        MvcTestResult generated = api.as(owner).post(path, Map.of("provider", "Anthropic"));

        assertThat(generated).as(Json.body(generated)).hasStatus(201);
        assertThat((String) Json.read(generated, "$.provider")).isEqualTo("Anthropic");
        assertThat((List<String>) Json.read(generated, "$.goals")).containsExactly("Sell 800 coats", "Grow the list by 2,000");
        assertThat((Map<String, Integer>) Json.read(generated, "$.channelMix")).isEqualTo(Map.of("EMAIL", 60, "INSTAGRAM", 40));
        assertThat((Map<String, Integer>) Json.read(generated, "$.budgetSplit")).isEqualTo(Map.of("EMAIL", 70, "INSTAGRAM", 30));
        MvcTestResult current = api.as(owner).get("/api/v1/campaigns/" + campaign + "/strategies/current");
        assertThat((String) Json.read(current, "$.brandTone")).isEqualTo("dry and practical");
        assertThat((Map<String, Integer>) Json.read(current, "$.adsConfig.budgetSplit")).isEqualTo(Map.of("EMAIL", 70, "INSTAGRAM", 30));

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        String prompt = JSON.readTree(request.getBody().utf8()).path("messages").get(0).path("content").asString();
        assertThat(prompt).contains("Coats for city cyclists.")
                .contains("Channel keys: EMAIL, INSTAGRAM")
                .contains("What worked in the workspace's past campaigns:")
                .contains("- Read 2 past campaigns of the workspace")
                .contains("- Email in 1 past campaign: click rate 6.00 %")
                .containsPattern("Channel strength: EMAIL \\d\\.\\d\\d, INSTAGRAM 0\\.\\d\\d")
                .contains("Strong pillars: Customer stories").doesNotContain("Memes")
                .contains("\"channelMix\"").contains("\"budgetSplit\"");
        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/content/usage"), "$.calls.items[*].outcome"))
                .containsExactly("ok");
    }

    @Test
    void aMalformedAnswerIsAProblemAndNothingIsSaved() {
        server.enqueue(answer("{the strategy, as you asked}"));
        server.enqueue(answer(strategy("{\"EMAIL\":60,\"INSTAGRAM\":40}", "{\"EMAIL\":60,\"INSTAGRAM\":30}")));
        server.enqueue(answer(strategy("{\"EMAIL\":60,\"TIKTOK\":40}", "{\"EMAIL\":70,\"INSTAGRAM\":30}")));
        server.enqueue(answer(strategy("{\"EMAIL\":60.5,\"INSTAGRAM\":39.5}", "{\"EMAIL\":70,\"INSTAGRAM\":30}")));

        MvcTestResult notJson = api.as(owner).post(path, Map.of("provider", "Anthropic"));
        MvcTestResult short90 = api.as(owner).post(path, Map.of("provider", "Anthropic"));
        MvcTestResult otherChannel = api.as(owner).post(path, Map.of("provider", "Anthropic"));
        MvcTestResult fractions = api.as(owner).post(path, Map.of("provider", "Anthropic"));

        for (MvcTestResult result : List.of(notJson, short90, otherChannel, fractions)) {
            assertThat(result).hasStatus(502);
            assertThat((String) Json.read(result, "$.reason")).isEqualTo("malformed-answer");
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        }
        assertThat((String) Json.read(short90, "$.detail")).contains("budget split that adds up to 90 %");
        assertThat((String) Json.read(otherChannel, "$.detail")).contains("TIKTOK").contains("not one of the campaign's channels");
        assertThat(api.as(owner).get("/api/v1/campaigns/" + campaign + "/strategies/current")).hasStatus(404);
        assertThat(jdbc.sql("select count(*) from guidance_strategy_generations where tenant_id = ?")
                .param(owner.workspaceId()).query(Long.class).single()).isZero();
    }
}
