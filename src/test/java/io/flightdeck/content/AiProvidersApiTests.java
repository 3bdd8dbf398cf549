package io.flightdeck.content;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace's AI provider end to end, against a local fake of Anthropic's Messages API: the key stored and never
 * shown, a part regenerated with the provider from the versioned prompt, usage with tokens and cost, the monthly
 * budget refusing, and a malformed answer leaving the creative as it was.
 */
@FlightdeckTest
class AiProvidersApiTests {

    private static final String API = "/api/v1/content";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private Member owner;
    private String campaign;
    private String provider;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("AI providers");
        campaign = new ApprovalRequests(mvc).campaign(owner, "Spring coffees");
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", """
                {"platforms":["INSTAGRAM"],"goals":["Drive online sales"],"targetAudience":"Busy commuters",
                 "contentPillars":["Craft"],"brandTone":"warm"}""")).hasStatus(201);
        assertThat(api.as(owner).post(API + "/brands", """
                {"name":"Northwind","wordsToAvoid":["cheap"],"legalFooter":"Terms at northwind.example."}""")).hasStatus(201);
        MvcTestResult created = api.as(owner).post(API + "/providers", """
                {"name":"Anthropic","kind":"ANTHROPIC","baseUrl":"%s","model":"claude-sonnet-4-5","apiKey":"sk-ant-test-key"}"""
                .formatted(server.url("/").toString()));
        assertThat(created).hasStatus(201);
        provider = Json.read(created, "$.id");
        assertThat(Json.body(created)).doesNotContain("sk-ant-test-key").contains("\"hasKey\":true");
    }

    private static MockResponse answer(String text, int in, int out) {
        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":"%s"}],"stop_reason":"end_turn",
                 "usage":{"input_tokens":%d,"output_tokens":%d}}""".formatted(text, in, out)).build();
    }

    private String manualCreative() {
        return Json.read(api.as(owner).post(API + "/creatives", """
                {"campaignId":"%s","title":"Teaser","topic":"our Ethiopian roast","channels":["INSTAGRAM"],"mode":"MANUAL",
                 "texts":{"CAPTION":"A person wrote this."}}""".formatted(campaign)), "$.id");
    }

    @Test
    void aPartRegeneratedWithTheProviderComesFromThePromptAndIsCounted() throws Exception {
        String id = manualCreative();
        assertThat(api.as(owner).post(API + "/creatives/" + id + "/components/caption/lock")).hasStatusOk();
        assertThat(api.as(owner).delete(API + "/creatives/" + id + "/components/caption/lock")).hasStatusOk();
        server.enqueue(answer("Here is your caption: \\\"Slow mornings, better coffee.\\\"", 400, 25));

        MvcTestResult regenerated = api.as(owner).post(API + "/creatives/" + id + "/components/headline/regenerate",
                "{\"provider\":\"Anthropic\"}");

        assertThat(regenerated).as(Json.body(regenerated)).hasStatusOk();
        assertThat((String) Json.read(regenerated, "$.version.text")).isEqualTo("Slow mornings, better coffee");
        assertThat((String) Json.read(regenerated, "$.version.provider")).isEqualTo("Anthropic");
        assertThat((String) Json.read(regenerated, "$.version.model")).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat((String) Json.read(regenerated, "$.version.promptVersion")).isEqualTo("headline.v1");
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo("sk-ant-test-key");
        String prompt = request.getBody().utf8();
        assertThat(prompt).contains("Busy commuters").contains("our Ethiopian roast").contains("Never use these words, in any form: cheap")
                .contains("\"model\":\"claude-sonnet-4-5\"").doesNotContain("null");

        MvcTestResult usage = api.as(owner).get(API + "/usage");
        assertThat((List<Integer>) Json.read(usage, "$.lines[*].inputTokens")).containsExactly(400);
        assertThat((List<Integer>) Json.read(usage, "$.lines[*].costMicros")).containsExactly(1_575);
        assertThat((List<String>) Json.read(usage, "$.calls.items[*].outcome")).containsExactly("ok");
        assertThat((Integer) Json.read(api.as(owner).get(API + "/generation-budget"), "$.tokensUsed")).isEqualTo(425);
    }

    @Test
    void theMonthlyBudgetRefusesOnceSpentAndNothingIsSaved() {
        String id = manualCreative();
        assertThat(api.as(owner).put(API + "/generation-budget", "{\"monthlyTokenBudget\":100}")).hasStatusOk();
        server.enqueue(answer("Good coffee, slowly", 90, 20));
        assertThat(api.as(owner).post(API + "/creatives/" + id + "/components/cta/regenerate", "{\"provider\":\"" + provider + "\"}"))
                .hasStatusOk();

        MvcTestResult refused = api.as(owner).post(API + "/creatives/" + id + "/components/headline/regenerate",
                "{\"provider\":\"Anthropic\"}");

        assertThat(refused).hasStatus(422);
        assertThat(Json.body(refused)).contains("budget-exhausted").contains("110").doesNotContain("sk-ant");
        assertThat((List<Integer>) Json.read(api.as(owner).get(API + "/creatives/" + id),
                "$.components[?(@.kind=='HEADLINE')].versionCount")).containsExactly(0);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aMalformedAnswerIsAClearErrorThatLeavesTheCreativeAsItWas() {
        String id = manualCreative();
        server.enqueue(new MockResponse.Builder().code(200).body("<html>proxy error</html>").build());

        MvcTestResult failed = api.as(owner).post(API + "/creatives/" + id + "/components/caption/regenerate",
                "{\"provider\":\"Anthropic\"}");

        assertThat(failed).hasStatus(502);
        assertThat(Json.body(failed)).contains("malformed-answer").contains("Anthropic answered with something that is not JSON");
        assertThat((List<Integer>) Json.read(api.as(owner).get(API + "/creatives/" + id),
                "$.components[?(@.kind=='CAPTION')].versionCount")).containsExactly(1);
        assertThat((List<String>) Json.read(api.as(owner).get(API + "/usage"), "$.calls.items[*].outcome"))
                .containsExactly("malformed-answer");
    }

    @Test
    void providersAreTheWorkspacesAndOnlyAdminsChangeThem() {
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        assertThat(api.as(manager).post(API + "/providers", """
                {"name":"Ollama","kind":"OPENAI_COMPATIBLE","baseUrl":"http://localhost:11434/v1","model":"llama3.2"}"""))
                .hasStatus(403);
        assertThat(api.as(owner).post(API + "/providers", """
                {"name":"Bad","kind":"OPENAI_COMPATIBLE","baseUrl":"ftp://example","model":"m"}""")).hasStatus(400);
        assertThat(api.as(owner).post(API + "/providers", """
                {"name":"anthropic","kind":"ANTHROPIC","baseUrl":"https://api.anthropic.com","model":"m","apiKey":"k"}"""))
                .hasStatus(409);
        assertThat((List<String>) Json.read(api.as(manager).get(API + "/providers"), "$[*].name")).containsExactly("Anthropic");
        Member stranger = workspaces.workspace("AI providers elsewhere");
        assertThat(api.as(stranger).get(API + "/providers")).hasStatusOk().bodyText().isEqualTo("[]");
        assertThat(api.as(stranger).put(API + "/providers/" + provider, """
                {"name":"Mine","kind":"ANTHROPIC","baseUrl":"https://api.anthropic.com","model":"m"}""")).hasStatus(404);
        assertThat(api.as(stranger).post(API + "/creatives", """
                {"campaignId":"%s","title":"x","channels":["INSTAGRAM"],"provider":"Anthropic"}""".formatted(campaign)))
                .hasStatus(404);
    }
}
