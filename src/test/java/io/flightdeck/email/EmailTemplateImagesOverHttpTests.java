package io.flightdeck.email;

import java.net.URI;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image picker on a local install (no base URL, so links are made under the address the request came in on, plain
 * http): an image is inserted all the same, the sanitiser keeps it, the preview shows it and its address serves it;
 * the picker says plainly that recipients' mail apps need a public https address to show it.
 */
@FlightdeckTest
class EmailTemplateImagesOverHttpTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;
    @Autowired
    MockMvcTester mvc;

    @Test
    void aPickedImageWorksOverHttpForPreviewsAndThePickerSaysWhatRecipientsNeed() throws Exception {
        Member owner = workspaces.workspace("Images over http");
        MvcTestResult uploaded = api.as(owner).upload("/api/v1/campaign-assets/assets", "stand.gif",
                EmailTemplatePickersApiTests.gif());
        assertThat(uploaded).as(Json.body(uploaded)).hasStatus(201);
        String asset = Json.read(uploaded, "$.asset.id");
        MvcTestResult made = api.as(owner).post("/api/v1/email/templates", Map.of("name", "Local images",
                "subject", "News", "html", "<p>Hello</p>"));
        assertThat(made).hasStatus(201);
        String id = Json.read(made, "$.id");

        String signed = Json.read(api.as(owner).get("/api/v1/email/templates/image-choices"), "$.items[0].url");
        assertThat(signed).matches("http://localhost(:\\d+)?/t/i/[A-Za-z0-9_-]{66}");
        MvcTestResult inserted = api.as(owner).post("/api/v1/email/templates/" + id + "/insert-image",
                Map.of("assetId", asset, "alt", "Our stand"));
        assertThat(inserted).as(Json.body(inserted)).hasStatusOk();
        assertThat((String) Json.read(inserted, "$.html")).contains("<img src=\"" + signed + "\" alt=\"Our stand\"");
        assertThat((java.util.List<?>) Json.read(inserted, "$.removed")).isEmpty();

        MvcTestResult preview = api.as(owner).post("/api/v1/email/templates/" + id + "/preview", Map.of());
        assertThat((String) Json.read(preview, "$.html")).contains("<img src=\"" + signed + "\"");
        assertThat(mvc.get().uri(URI.create(signed).getRawPath()).exchange()).hasStatusOk()
                .hasContentType(MediaType.IMAGE_GIF);

        String editor = web.page(web.signIn(owner), "/email/templates/" + id);
        assertThat(editor).contains("show in the preview and in the outbox",
                "recipients&#39; mail apps will not show them yet", "public https address", "FLIGHTDECK_BASE_URL")
                .contains("Insert image").doesNotContain("disabled=\"disabled\"");
    }
}
