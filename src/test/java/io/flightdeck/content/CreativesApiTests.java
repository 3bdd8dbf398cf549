package io.flightdeck.content;

import java.time.Duration;
import java.util.List;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Creatives over REST with the built-in generator: creation, the parts' versions, selective regeneration that leaves
 * a person's and locked parts alone, promotion, stale marking through a strategy revision and refresh, review through
 * the content scope, tenancy and roles.
 */
@FlightdeckTest
class CreativesApiTests {

    private static final String BASE = "/api/v1/content/creatives";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    io.flightdeck.support.WebSessions web;

    private ApprovalRequests approvals;
    private Member owner;
    private Member contributor;
    private String campaign;

    @BeforeEach
    void setUp() {
        approvals = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Creatives");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        campaign = approvals.campaign(owner, "Spring roast");
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", """
                {"platforms":["INSTAGRAM","TWITTER"],"goals":["Drive online sales"],"targetAudience":"Busy commuters",
                 "contentPillars":["Craft","Sustainability"],"brandTone":"warm and friendly"}""")).hasStatus(201);
    }

    private MvcTestResult create(Member as, String extra) {
        return api.as(as).post(BASE, """
                {"campaignId":"%s","title":"Spring teaser","topic":"Our single-origin Ethiopian roast",
                 "channels":["INSTAGRAM","TWITTER"]%s}""".formatted(campaign, extra));
    }

    private String text(MvcTestResult creative, String kind) {
        List<String> texts = Json.read(creative, "$.components[?(@.kind=='" + kind + "')].text");
        return texts.get(0);
    }

    @Test
    void anAiCreativeHasEveryTextPartWrittenFromTheStrategyAndWithinTheStrictestLimit() {
        MvcTestResult created = create(contributor, "");

        assertThat(created).hasStatus(201);
        assertThat((String) Json.read(created, "$.mode")).isEqualTo("AI");
        assertThat((String) Json.read(created, "$.status")).isEqualTo("DRAFT");
        assertThat((Integer) Json.read(created, "$.strategyVersion")).isEqualTo(1);
        String caption = text(created, "CAPTION");
        assertThat(caption).isNotBlank();
        assertThat(caption.codePointCount(0, caption.length())).isLessThanOrEqualTo(280);
        assertThat(text(created, "HASHTAGS")).startsWith("#");
        assertThat(text(created, "CTA")).isIn("Shop now", "Buy today", "Get yours", "Order now", "Claim the offer");
        assertThat((List<Object>) Json.read(created, "$.components[?(@.kind=='SCRIPT')].currentVersion"))
                .containsExactly((Object) null);
        String id = Json.read(created, "$.id");

        MvcTestResult versions = api.as(owner).get(BASE + "/" + id + "/components/caption/versions");
        assertThat(versions).hasStatusOk();
        assertThat((List<String>) Json.read(versions, "$[*].provider")).containsExactly("built-in");
        assertThat((List<String>) Json.read(versions, "$[*].promptVersion")).containsExactly("caption.v1");

        MvcTestResult preview = api.as(owner).get(BASE + "/" + id + "/preview");
        assertThat(preview).hasStatusOk();
        assertThat((List<String>) Json.read(preview, "$[*].channel")).containsExactly("INSTAGRAM", "TWITTER");
    }

    @Test
    void regenerationReplacesAGeneratedPartKeepsAPersonsTextAndRefusesALockedOne() {
        String id = Json.read(create(contributor, ""), "$.id");
        String headline = text(api.as(owner).get(BASE + "/" + id), "HEADLINE");

        MvcTestResult regenerated = api.as(contributor).post(BASE + "/" + id + "/components/caption/regenerate",
                "{\"seed\":7}");
        assertThat(regenerated).hasStatusOk();
        assertThat((Boolean) Json.read(regenerated, "$.replaced")).isTrue();
        assertThat((Integer) Json.read(regenerated, "$.version.number")).isEqualTo(2);
        assertThat(text(api.as(owner).get(BASE + "/" + id), "HEADLINE")).isEqualTo(headline);
        // the same seed gives the same text
        String seven = Json.read(regenerated, "$.version.text");
        MvcTestResult again = api.as(contributor).post(BASE + "/" + id + "/components/caption/regenerate", "{\"seed\":7}");
        assertThat((String) Json.read(again, "$.version.text")).isEqualTo(seven);

        MvcTestResult edited = api.as(contributor).put(BASE + "/" + id + "/components/caption",
                "{\"text\":\"Slow mornings, better coffee.\"}");
        assertThat(edited).hasStatusOk();
        assertThat((String) Json.read(edited, "$.mode")).isEqualTo("HYBRID");
        MvcTestResult candidate = api.as(contributor).post(BASE + "/" + id + "/components/caption/regenerate", "{}");
        assertThat((Boolean) Json.read(candidate, "$.replaced")).isFalse();
        assertThat(text(api.as(owner).get(BASE + "/" + id), "CAPTION")).isEqualTo("Slow mornings, better coffee.");
        int number = Json.read(candidate, "$.version.number");
        MvcTestResult promoted = api.as(contributor).post(BASE + "/" + id + "/components/caption/versions/" + number
                + "/promote");
        assertThat(promoted).hasStatusOk();
        assertThat(text(promoted, "CAPTION")).isEqualTo((String) Json.read(candidate, "$.version.text"));

        assertThat(api.as(contributor).post(BASE + "/" + id + "/components/headline/lock")).hasStatusOk();
        MvcTestResult locked = api.as(contributor).post(BASE + "/" + id + "/components/headline/regenerate", "{}");
        assertThat(locked).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Json.body(locked)).contains("component-locked");
        assertThat(text(api.as(owner).get(BASE + "/" + id), "HEADLINE")).isEqualTo(headline);
    }

    @Test
    void aStrategyRevisionMakesCreativesStaleAndRefreshRewritesOnlyUnlockedGeneratedParts() {
        String id = Json.read(create(contributor, ""), "$.id");
        assertThat(api.as(contributor).put(BASE + "/" + id + "/components/cta", "{\"text\":\"Taste it\"}")).hasStatusOk();
        assertThat(api.as(contributor).post(BASE + "/" + id + "/components/headline/lock")).hasStatusOk();
        MvcTestResult before = api.as(owner).get(BASE + "/" + id);

        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", """
                {"platforms":["INSTAGRAM","TWITTER"],"goals":["Build awareness"],"targetAudience":"Students",
                 "contentPillars":["Origins"],"brandTone":"playful"}""")).hasStatus(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Json.read(api.as(owner).get(BASE + "/" + id), "$.staleAgainstVersion") != null);

        MvcTestResult refreshed = api.as(contributor).post(BASE + "/" + id + "/refresh");
        assertThat(refreshed).hasStatusOk();
        assertThat((Integer) Json.read(refreshed, "$.strategyVersion")).isEqualTo(2);
        assertThat((Object) Json.read(refreshed, "$.staleAgainstVersion")).isNull();
        assertThat(text(refreshed, "CTA")).isEqualTo("Taste it");
        assertThat(text(refreshed, "HEADLINE")).isEqualTo(text(before, "HEADLINE"));
        assertThat((List<Integer>) Json.read(refreshed, "$.components[?(@.kind=='CAPTION')].versionCount"))
                .containsExactly(2);
        assertThat(api.as(contributor).post(BASE + "/" + id + "/refresh")).hasStatus(409);
    }

    @Test
    void anApprovedCreativeChangedGoesBackToReviewWhileTheScopeStaysApproved() {
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        approvals.initialize(owner, campaign);
        String scope = approvals.scopeId(owner, campaign, "content");
        String id = Json.read(create(contributor, ""), "$.id");
        MvcTestResult submitted = api.as(contributor).post(BASE + "/" + id + "/submit");
        assertThat(submitted).hasStatusOk();
        assertThat((String) Json.read(submitted, "$.status")).isEqualTo("IN_REVIEW");

        MvcTestResult items = api.as(approver).get(ApprovalRequests.CAMPAIGNS + "/" + campaign + "/approval-items");
        String item = ((List<String>) Json.read(items, "$.items[?(@.itemId=='" + id + "')].id")).get(0);
        assertThat(approvals.approve(approver, item)).hasStatusOk();
        assertThat(approvals.approve(approver, scope)).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "APPROVED".equals(Json.read(api.as(owner).get(BASE + "/" + id), "$.status")));

        // locking a part is not a change of content: the creative stays approved
        assertThat((String) Json.read(api.as(contributor).post(BASE + "/" + id + "/components/cta/lock"), "$.status"))
                .isEqualTo("APPROVED");
        MvcTestResult changed = api.as(contributor).put(BASE + "/" + id + "/components/caption",
                "{\"text\":\"A new line after approval.\"}");
        assertThat((String) Json.read(changed, "$.status")).isEqualTo("IN_REVIEW");
        assertThat((List<Boolean>) Json.read(changed, "$.components[?(@.kind=='CAPTION')].changedSinceApproval"))
                .containsExactly(true);
        assertThat(approvals.state(owner, item)).isEqualTo("NEEDS_REVIEW");
        // only what carries the new version waits: the scope, and posts carrying the approved version, stay approved
        assertThat(approvals.state(owner, scope)).isEqualTo("APPROVED");
        assertThat((Integer) Json.read(changed, "$.revision")).isGreaterThan((Integer) Json.read(submitted, "$.revision"));
        // the approver sees what changed, approved text beside the new one, and the post as each network shows it
        assertThat(web.page(web.signIn(approver), "/approvals/" + item)).contains("Creative “Spring teaser”")
                .contains("Changed since the last approval: caption.").contains("A new line after approval.")
                .contains("What changed since the last approval").contains("X (Twitter)");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten() {
        assertThat(create(contributor, ",\"mode\":\"SOMETIMES\"")).hasStatus(400);
        assertThat(api.as(contributor).post(BASE, "{\"campaignId\":\"" + campaign + "\",\"title\":\" \"}")).hasStatus(400);
        assertThat(create(contributor, ",\"provider\":\"anthropic\"")).hasStatus(422);
        assertThat(create(contributor, ",\"imageAssetId\":\"0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b\"")).hasStatus(400);
        MvcTestResult list = api.as(owner).get(BASE + "?campaignId=" + campaign);
        assertThat((Integer) Json.read(list, "$.total")).isZero();

        String id = Json.read(create(contributor, ""), "$.id");
        assertThat(api.as(contributor).put(BASE + "/" + id + "/components/caption", "{\"assetId\":\"" + id + "\"}"))
                .hasStatus(400);
        assertThat(api.as(contributor).post(BASE + "/" + id + "/components/image/regenerate", "{}")).hasStatus(400);
        assertThat(api.as(contributor).get(BASE + "/" + id + "/components/banner/versions")).hasStatus(404);
    }

    @Test
    void anotherWorkspaceSees404AndAViewerCannotWrite() {
        String id = Json.read(create(contributor, ""), "$.id");
        Member stranger = workspaces.workspace("Creatives elsewhere");
        assertThat(api.as(stranger).get(BASE + "/" + id)).hasStatus(404);
        assertThat(api.as(stranger).post(BASE + "/" + id + "/components/caption/regenerate", "{}")).hasStatus(404);
        assertThat(api.as(stranger).post(BASE, """
                {"campaignId":"%s","title":"Theirs","channels":["INSTAGRAM"]}""".formatted(campaign))).hasStatus(404);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).get(BASE + "/" + id)).hasStatusOk();
        assertThat(create(viewer, "")).hasStatus(403);
        assertThat(api.as(viewer).put(BASE + "/" + id + "/components/caption", "{\"text\":\"x\"}")).hasStatus(403);
        assertThat(api.as(viewer).post(BASE + "/" + id + "/components/caption/regenerate", "{}")).hasStatus(403);
    }
}
