package io.flightdeck.content;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.content.generation.LongTextRepurposerTestSupport;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Repurposing over REST (seed 002): repurpose, repurposed, variations, optimize-length, recommendations, status. */
@FlightdeckTest
class RepurposingApiTests {

    private static final String API = "/api/v1/content";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private Member owner;
    private String campaign;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Repurposing");
        campaign = new ApprovalRequests(mvc).campaign(owner, "Spring coffees");
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", """
                {"platforms":["LINKEDIN"],"goals":["Grow newsletter sign-ups"],"targetAudience":"Home brewers",
                 "contentPillars":["Behind the scenes","Brewing tips"],"brandTone":"warm"}""")).hasStatus(201);
    }

    private String body(Object... pairs) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return JSON.writeValueAsString(map);
    }

    @Test
    void aLongPostBecomesFiveFormatsWithThreeVariationsEachKeptAsDrafts() {
        MvcTestResult done = api.as(owner).post(API + "/repurpose", body("campaignId", campaign, "title", "From farm to cup",
                "text", LongTextRepurposerTestSupport.longPost(), "seed", 1));
        assertThat(done).hasStatus(201);
        String source = Json.read(done, "$.source.id");
        assertThat((Integer) Json.read(done, "$.source.wordCount")).isGreaterThan(1_900);
        assertThat((List<String>) Json.read(done, "$.items[*].format")).hasSize(15);
        assertThat((List<String>) Json.read(done, "$.items[*].status")).containsOnly("DRAFT");
        List<Integer> xChars = Json.read(done, "$.items[?(@.format=='X_THREAD')].posts[*]");
        assertThat(xChars).isNotEmpty();

        MvcTestResult read = api.as(owner).get(API + "/repurposed/" + source);
        assertThat((List<String>) Json.read(read, "$.items[*].id")).hasSize(15);
        assertThat((List<String>) Json.read(api.as(owner).get(API + "/repurposed?campaignId=" + campaign), "$.items[*].id"))
                .containsExactly(source);

        MvcTestResult more = api.as(owner).post(API + "/variations", body("sourceId", source, "format", "X_THREAD",
                "count", 2));
        assertThat(more).hasStatusOk();
        assertThat((List<Integer>) Json.read(more, "$[*].variation")).containsExactly(4, 5);

        String item = ((List<String>) Json.read(read, "$.items[?(@.format=='LINKEDIN_POST')].id")).get(0);
        MvcTestResult approved = api.as(owner).patch(API + "/repurposed/" + item + "/status", body("status", "APPROVED"));
        assertThat(approved).hasStatusOk();
        assertThat((List<String>) Json.read(approved, "$.allowedStatuses")).containsExactlyInAnyOrder("DRAFT", "SCHEDULED");
        MvcTestResult skipped = api.as(owner).patch(API + "/repurposed/" + item + "/status", body("status", "PUBLISHED"));
        assertThat(skipped).hasStatus(409);
        assertThat(Json.<String>read(skipped, "$.type")).endsWith("/illegal-transition");
        assertThat(Json.<String>read(skipped, "$.currentState")).isEqualTo("APPROVED");
        assertThat(Json.<String>read(skipped, "$.attemptedMove")).isEqualTo("PUBLISHED");
        assertThat((List<String>) Json.read(skipped, "$.allowedMoves")).containsExactly("DRAFT", "SCHEDULED");

        MvcTestResult creative = api.as(owner).post(API + "/repurposed/" + item + "/creative");
        assertThat(creative).hasStatus(201);
        assertThat((String) Json.read(creative, "$.campaignId")).isEqualTo(campaign);
        assertThat((List<String>) Json.read(creative, "$.channels")).containsExactly("LINKEDIN");
        assertThat((String) Json.read(creative, "$.mode")).isEqualTo("AI");
        String caption = ((List<String>) Json.read(creative, "$.components[?(@.kind=='CAPTION')].text")).get(0);
        assertThat(caption).isEqualTo(Json.read(approved, "$.text"));
    }

    @Test
    void aDocumentOfTheLibraryIsReadForItsText() {
        byte[] markdown = LongTextRepurposerTestSupport.longPost().getBytes(StandardCharsets.UTF_8);
        MvcTestResult uploaded = api.as(owner).upload("/api/v1/campaign-assets/assets", "from-farm-to-cup.md", markdown);
        String asset = Json.read(uploaded, "$.asset.id");
        MvcTestResult done = api.as(owner).post(API + "/repurpose", body("documentAssetId", asset,
                "formats", List.of("EMAIL_SECTION"), "variations", 1));
        assertThat(done).as(Json.body(done)).hasStatus(201);
        assertThat((String) Json.read(done, "$.source.title")).isEqualTo("From farm to cup: how we source our single-origin coffee");
        assertThat((String) Json.read(done, "$.source.sourceAssetId")).isEqualTo(asset);

        Member stranger = workspaces.workspace("Repurposing elsewhere");
        assertThat(api.as(stranger).post(API + "/repurpose", body("documentAssetId", asset))).hasStatus(404);
        assertThat(api.as(stranger).get(API + "/repurposed/" + Json.read(done, "$.source.id"))).hasStatus(404);
    }

    @Test
    void optimizeLengthAndRecommendations() {
        MvcTestResult fitted = api.as(owner).post(API + "/optimize-length", body("text",
                "Our spring coffees arrive next month. Sign up to hear when they land. We open at nine.", "limit", 70));
        assertThat(fitted).hasStatusOk();
        assertThat((String) Json.read(fitted, "$.text")).isEqualTo("Our spring coffees arrive next month. Sign up to hear when they land.");
        assertThat((Boolean) Json.read(fitted, "$.shortened")).isTrue();
        assertThat((Integer) Json.read(api.as(owner).post(API + "/optimize-length", body("text", "Short.", "channel", "TWITTER")),
                "$.limit")).isEqualTo(280);
        assertThat(api.as(owner).post(API + "/optimize-length", body("text", "No limit given."))).hasStatus(400);

        MvcTestResult forCampaign = api.as(owner).get(API + "/recommendations?campaignId=" + campaign);
        assertThat((List<String>) Json.read(forCampaign, "$[*].format")).containsExactly("TIKTOK_SCRIPT", "LINKEDIN_POST");
        assertThat((List<String>) Json.read(api.as(owner).get(API + "/recommendations?pillar=Customer stories"), "$[*].format"))
                .containsExactly("EMAIL_SECTION");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWrittenAndAViewerOnlyReads() {
        String post = LongTextRepurposerTestSupport.longPost();
        assertThat(api.as(owner).post(API + "/repurpose", body("text", "Too short to work with."))).hasStatus(400);
        assertThat(api.as(owner).post(API + "/repurpose", body("text", post, "variations", 9))).hasStatus(400);
        assertThat(api.as(owner).post(API + "/repurpose", body("text", post, "formats", List.of("FAX")))).hasStatus(400);
        assertThat(api.as(owner).post(API + "/repurpose", body("text", post,
                "documentAssetId", "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b"))).hasStatus(400);
        assertThat(api.as(owner).post(API + "/repurpose", body("text", post,
                "campaignId", "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b"))).hasStatus(404);
        assertThat((Integer) Json.read(api.as(owner).get(API + "/repurposed"), "$.total")).isZero();

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post(API + "/repurpose", body("text", post))).hasStatus(403);
        assertThat(api.as(viewer).get(API + "/repurposed")).hasStatusOk();
    }
}
