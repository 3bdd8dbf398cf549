package io.flightdeck.assets.web;

import java.time.Duration;

import io.flightdeck.assets.AssetSamples;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The asset page's "Looks similar" section and the files the pages show: the section waits for the image to be
 * measured, then names the re-saved copy; "Not a duplicate" removes it for good; thumbnails and the file come through
 * the member's session, and not for another workspace.
 */
@FlightdeckTest
class AssetLookalikesPagesTests {

    private static final String API = "/api/v1/campaign-assets";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    MockMvcTester mvc;

    private String upload(Member as, String name, byte[] content) {
        return Json.read(api.as(as).upload(API + "/assets", name, content), "$.asset.id");
    }

    private void measured(Member as, String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"PENDING".equals(Json.read(api.as(as).get(API + "/" + id), "$.file.derivedStatus")));
    }

    @Test
    void theSectionNamesTheLookalikeAndNotADuplicateRemovesItForGood() {
        Member owner = workspaces.workspace("Lookalikes pages");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        byte[] png = AssetSamples.png(41, 800, 600);
        String original = upload(owner, "poster.png", png);
        String resaved = upload(owner, "poster-export.jpg", AssetSamples.jpeg(41, 800, 600));
        MockHttpSession session = web.signIn(owner);
        assertThat(web.fragment(session, "/assets/" + resaved + "/similar")).satisfiesAnyOf(
                html -> assertThat(html).contains("Checking the library for look-alikes").contains("hx-trigger=\"load delay:2s\""),
                html -> assertThat(html).contains("poster.png"));
        measured(owner, original);
        measured(owner, resaved);

        String section = web.fragment(session, "/assets/" + resaved + "/similar");
        assertThat(section).contains("poster.png").contains("Not a duplicate").doesNotContain("hx-trigger");
        assertThat(web.fragment(web.signIn(viewer), "/assets/" + resaved + "/similar")).contains("poster.png")
                .doesNotContain("Not a duplicate");

        MvcTestResult dismissed = mvc.post().uri("/assets/" + resaved + "/similar/" + original + "/dismiss")
                .session(session).with(csrf()).header("HX-Request", "true").exchange();
        assertThat(dismissed).hasStatusOk().bodyText().contains("No other asset of the library looks like this one");
        assertThat(web.page(session, "/assets/" + original)).doesNotContain("poster-export.jpg\" ");
    }

    @Test
    void thumbnailsAndTheFileComeThroughTheSessionOfTheWorkspaceOnly() throws Exception {
        Member owner = workspaces.workspace("Files pages");
        Member stranger = workspaces.workspace("Files stranger");
        byte[] png = AssetSamples.png(42, 400, 300);
        String id = upload(owner, "shown.png", png);
        measured(owner, id);
        MockHttpSession session = web.signIn(owner);

        MvcTestResult thumbnail = mvc.get().uri("/assets/" + id + "/renditions/thumb-small").session(session).exchange();
        assertThat(thumbnail).hasStatusOk();
        assertThat(thumbnail.getResponse().getContentType()).startsWith("image/");
        MvcTestResult file = mvc.get().uri("/assets/" + id + "/content?download=true").session(session).exchange();
        assertThat(file).hasStatusOk();
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(png);
        assertThat(file.getResponse().getHeader("Content-Disposition")).startsWith("attachment");

        MockHttpSession other = web.signIn(stranger);
        assertThat(mvc.get().uri("/assets/" + id + "/renditions/thumb-small").session(other).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/assets/" + id + "/content").session(other).exchange()).hasStatus(404);
    }
}
