package io.flightdeck.email;

import java.util.List;
import java.util.Map;

import io.flightdeck.assets.AssetSamples;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's pickers as pages, with an https public address (the same context as the API tests): creatives and
 * images listed, searched and paged, a creative's copy and an image inserted by their forms and the page saying so,
 * a stale form refused in words; a viewer sees no pickers and cannot post them.
 */
@FlightdeckTest
@TestPropertySource(properties = "flightdeck.base-url=https://mail.flightdeck.example")
class EmailTemplatePickersPagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    @Test
    void aMemberFindsACreativeAndAnImageAndInsertsThem() throws Exception {
        Member owner = workspaces.workspace("Picker pages");
        String campaign = campaigns.create(owner, "Picker pages");
        String creative = null;
        for (int i = 1; i <= 7; i++) {
            MvcTestResult made = api.as(owner).post("/api/v1/content/creatives", Map.of("campaignId", campaign,
                    "title", "Teaser " + i, "mode", "MANUAL", "channels", List.of("LINKEDIN"),
                    "texts", Map.of("HEADLINE", "Headline " + i, "CAPTION", "Caption " + i, "CTA", "Go " + i)));
            creative = Json.read(made, "$.id");
        }
        String asset = Json.read(api.as(owner).upload("/api/v1/campaign-assets/assets", "fair-stand.png",
                AssetSamples.png(4, 200, 100)), "$.asset.id");
        String id = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("name", "Picked", "subject", "x",
                "html", "<p>Hello</p>")), "$.id");
        MockHttpSession session = web.signIn(owner);
        String location = "/email/templates/" + id;

        String editor = web.page(session, location);
        assertThat(editor).contains("Copy from a creative", "Teaser 7", "Teaser 2", "Page 1 of 2", "Older creatives",
                "Images from the asset library", "fair-stand.png", "Alt text for fair-stand.png")
                .doesNotContain("Teaser 1<", "FLIGHTDECK_BASE_URL");
        assertThat(web.page(session, location + "?cpage=1")).contains("Teaser 1", "Newer creatives")
                .doesNotContain("Teaser 7");
        assertThat(web.page(session, location + "?cq=3&iq=nothing-like-it")).contains("Teaser 3",
                "No image has “nothing-like-it” in its name").doesNotContain("Teaser 4");

        MvcTestResult copy = web.post(session, location + "/insert-creative", "creativeId", creative, "version", "0");
        assertThat(copy).hasStatus3xxRedirection();
        assertThat(copy.getMvcResult().getFlashMap().get("flash").toString()).contains("is in the template");
        MvcTestResult image = web.post(session, location + "/insert-image", "assetId", asset, "alt", "Our stand",
                "version", "1");
        assertThat(image.getMvcResult().getFlashMap().get("flash").toString()).contains("The image is in the template");
        String html = Json.read(api.as(owner).get("/api/v1/email/templates/" + id), "$.html");
        assertThat(html).contains("Headline 7", "Caption 7", "Go 7", "alt=\"Our stand\"",
                "src=\"https://mail.flightdeck.example/t/i/");

        MvcTestResult stale = web.post(session, location + "/insert-creative", "creativeId", creative, "version", "0");
        assertThat(stale.getMvcResult().getFlashMap().get("flash").toString()).contains("Nothing inserted",
                "someone saved the template");
        MvcTestResult gone = web.post(session, location + "/insert-image", "assetId", "not-an-id", "version", "2");
        assertThat(gone.getMvcResult().getFlashMap().get("flash").toString()).contains("Nothing inserted");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/templates/" + id), "$.version")).isEqualTo(2);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession viewing = web.signIn(viewer);
        assertThat(web.page(viewing, location)).doesNotContain("Insert copy", "Insert image");
        assertThat(web.post(viewing, location + "/insert-creative", "creativeId", creative, "version", "2"))
                .hasStatus(403);
    }
}
