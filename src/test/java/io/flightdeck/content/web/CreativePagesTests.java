package io.flightdeck.content.web;

import java.util.List;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The content pages through a member's session: the campaign card, a new creative, the editor and its live preview. */
@FlightdeckTest
class CreativePagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    private Member owner;
    private String campaign;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Content pages");
        campaign = new ApprovalRequests(mvc).campaign(owner, "Spring roast");
        assertThat(api.as(owner).post("/api/v1/content/brands", """
                {"name":"Northwind","wordsToAvoid":["cheap"],"hashtags":["#Northwind"],
                 "legalFooter":"Terms at northwind.example."}""")).hasStatus(201);
    }

    @Test
    void aRefusedNewCreativeKeepsWhatWasTypedAndMarksBothFields() {
        MockHttpSession session = web.signIn(owner);
        MvcTestResult refused = web.post(session, "/campaigns/" + campaign + "/creatives", "title", " ",
                "topic", "Our Ethiopian roast, out 1 March", "mode", "MANUAL");
        assertThat(refused).hasStatusOk().bodyText().contains("Give the creative a title")
                .contains("Choose at least one channel").contains("2 fields need a change")
                .contains("Our Ethiopian roast, out 1 March").contains("aria-describedby=\"title-error\"")
                .contains("aria-describedby=\"channels-error\"").doesNotContain("must not be blank");
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/content/panel")).contains("No creatives yet");
    }

    @Test
    void aContributorCreatesACreativeAndEditsItWithALivePreview() {
        MockHttpSession session = web.signIn(owner);
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/content/panel")).contains("No creatives yet")
                .contains("Northwind").contains("New creative");
        assertThat(web.page(session, "/campaigns/" + campaign + "/creatives/new")).contains("New creative")
                .contains("name=\"channels\"");

        MvcTestResult none = web.post(session, "/campaigns/" + campaign + "/creatives", "title", "No channels");
        assertThat(none).hasStatusOk().bodyText().contains("Choose at least one channel");

        MvcTestResult created = web.post(session, "/campaigns/" + campaign + "/creatives", "title", "Spring teaser",
                "topic", "our Ethiopian roast", "channels", "INSTAGRAM", "channels", "TWITTER", "mode", "AI");
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/creatives/");
        String id = location.substring("/creatives/".length());

        String editor = web.page(session, location);
        assertThat(editor).contains("Spring teaser").contains("name=\"caption\"").contains("Instagram")
                .contains("X (Twitter)").contains("Regenerate").contains("Terms at northwind.example.");

        MvcTestResult preview = web.post(session, "/creatives/" + id + "/preview", "caption", "A cheap trick.",
                "hashtags", "#Northwind");
        assertThat(preview).hasStatusOk().bodyText().contains("“cheap” is on Northwind’s list of words to avoid")
                .contains("The legal footer of Northwind is missing");

        long version = ((Number) Json.read(api.as(owner).get("/api/v1/content/creatives/" + id), "$.version")).longValue();
        MvcTestResult saved = web.post(session, "/creatives/" + id + "/parts", "version", String.valueOf(version),
                "caption", "Slow mornings, better coffee.\n\nTerms at northwind.example.");
        assertThat(saved).hasStatus3xxRedirection();
        MvcTestResult read = api.as(owner).get("/api/v1/content/creatives/" + id);
        assertThat((String) Json.read(read, "$.mode")).isEqualTo("HYBRID");
        assertThat((List<Integer>) Json.read(read, "$.components[?(@.kind=='CAPTION')].currentVersion")).containsExactly(2);

        assertThat(web.post(session, "/creatives/" + id + "/parts/caption/regenerate")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/creatives/" + id + "/parts/caption")).contains("Version 2 (shown now)")
                .contains("Use version 3");
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/content/panel")).contains("Spring teaser")
                .contains("Draft");

        String image = Json.read(api.as(owner).upload("/api/v1/campaign-assets/assets", "hero.png",
                io.flightdeck.assets.AssetSamples.png(7, 320, 240)), "$.asset.id");
        assertThat(web.page(session, "/creatives/" + id)).contains("hero.png");
        assertThat(web.post(session, "/creatives/" + id + "/media", "imageAssetId", image)).hasStatus3xxRedirection();
        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/content/creatives/" + id),
                "$.components[?(@.kind=='IMAGE')].assetId")).containsExactly(image);
    }

    @Test
    void aViewerReadsTheEditorWithoutItsButtons() {
        String id = Json.read(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Read only","channels":["LINKEDIN"]}""".formatted(campaign)), "$.id");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession session = web.signIn(viewer);
        assertThat(web.page(session, "/creatives/" + id)).contains("Read only").doesNotContain("Regenerate")
                .doesNotContain("Save changes");
        assertThat(web.post(session, "/creatives/" + id + "/parts/caption/regenerate")).hasStatus(403);
        Member stranger = workspaces.workspace("Content pages elsewhere");
        assertThat(mvc.get().uri("/creatives/" + id).session(web.signIn(stranger)).exchange()).hasStatus(404);
    }
}
