package io.flightdeck.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.flightdeck.assets.AssetSamples;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The template pickers through the API, on an installation with an https public address: creatives found by title
 * and images by name (paged), a creative's copy and an image inserted before the footer and sanitised, the image
 * served by its signed address without a session (the right bytes and type; a forged or altered token, an archived
 * or deleted image: 404), If-Match, roles (a viewer and a viewer-ceiling key: 403), another workspace's template,
 * creative or image: 404, bad input: a problem.
 */
@FlightdeckTest
@TestPropertySource(properties = "flightdeck.base-url=https://mail.flightdeck.example")
class EmailTemplatePickersApiTests {

    private static final String TEMPLATES = "/api/v1/email/templates";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    MockMvcTester mvc;

    @Test
    void aCreativesCopyGoesInBeforeTheFooterEscapedAndTheListsSearchAndPage() {
        Member owner = workspaces.workspace("Pickers copy");
        String campaign = campaigns.create(owner, "Pickers spring");
        String creative = creative(owner, campaign, "Spring <teaser>", "Ride into spring & more",
                "Fresh roast.\nOut on Monday <script>alert(1)</script>", "Shop now");
        for (int i = 1; i <= 3; i++) {
            creative(owner, campaign, "Autumn note " + i, "Autumn " + i, "Leaves", "Read");
        }
        creative(owner, campaign, "100% _literal_", "x", "y", "z");

        assertThat(Json.<List<String>>read(api.as(owner).get(TEMPLATES + "/creative-choices?q=SPRING"),
                "$.items[*].title")).containsExactly("Spring <teaser>");
        assertThat(Json.<List<String>>read(api.as(owner).get(TEMPLATES + "/creative-choices?q=_lit"),
                "$.items[*].title")).containsExactly("100% _literal_");
        assertThat(Json.<List<String>>read(api.as(owner).get(TEMPLATES + "/creative-choices?q=n_te"),
                "$.items")).as("_ is no wildcard").isEmpty();
        MvcTestResult firstPage = api.as(owner).get(TEMPLATES + "/creative-choices?size=2");
        assertThat((Integer) Json.read(firstPage, "$.total")).isEqualTo(5);
        assertThat(Json.<List<String>>read(firstPage, "$.items[*].title")).containsExactly("100% _literal_",
                "Autumn note 3");
        assertThat(Json.<List<String>>read(api.as(owner).get(TEMPLATES + "/creative-choices?size=2&page=2"),
                "$.items[*].title")).containsExactly("Spring <teaser>");

        String id = template(owner, "Pickers copy");
        MvcTestResult inserted = api.as(owner).ifMatch("\"0\"").post(TEMPLATES + "/" + id + "/insert-creative",
                Map.of("creativeId", creative));
        assertThat(inserted).hasStatusOk();
        assertThat(inserted.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        String html = Json.read(inserted, "$.html");
        assertThat(html).contains("Ride into spring &amp; more", "Fresh roast.<br>", "Shop now", "<h2")
                .doesNotContain("<script");
        assertThat(html.indexOf("Ride into spring")).isGreaterThan(html.indexOf("Hello"))
                .isLessThan(html.indexOf("{{postal_address}}"));
        assertThat((String) Json.read(api.as(owner).get(TEMPLATES + "/" + id), "$.html")).isEqualTo(html);

        assertThat(api.as(owner).ifMatch("\"0\"").post(TEMPLATES + "/" + id + "/insert-creative",
                Map.of("creativeId", creative))).hasStatus(412);
        assertThat(api.as(owner).post(TEMPLATES + "/builtin-newsletter/insert-creative",
                Map.of("creativeId", creative))).hasStatus(409);
        assertThat(api.as(owner).delete("/api/v1/content/creatives/" + creative)).hasStatus(204);
        assertThat(api.as(owner).post(TEMPLATES + "/" + id + "/insert-creative", Map.of("creativeId", creative)))
                .hasStatus(404);
        assertThat(Json.<List<String>>read(api.as(owner).get(TEMPLATES + "/creative-choices?q=spring"),
                "$.items")).isEmpty();
    }

    @Test
    void anImageGoesInBySignedAddressThatServesItsBytesWithoutASessionUntilItIsArchivedOrDeleted() throws Exception {
        Member owner = workspaces.workspace("Pickers image");
        byte[] gif = gif();
        String asset = upload(owner, "spring-fair_hero.gif", gif);
        upload(owner, "autumn-leaves.png", AssetSamples.png(3, 300, 200));
        MvcTestResult choices = api.as(owner).get(TEMPLATES + "/image-choices?q=FAIR");
        assertThat(Json.<List<String>>read(choices, "$.items[*].name")).containsExactly("spring-fair_hero.gif");
        String signed = Json.read(choices, "$.items[0].url");
        assertThat(signed).matches("https://mail\\.flightdeck\\.example/t/i/[A-Za-z0-9_-]{66}");
        assertThat((Integer) Json.read(api.as(owner).get(TEMPLATES + "/image-choices"), "$.total")).isEqualTo(2);

        String id = template(owner, "Pickers image");
        // its size is measured by a job after the upload; the inserted image takes the measured width
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> !"PENDING".equals(
                Json.read(api.as(owner).get("/api/v1/campaign-assets/" + asset), "$.file.derivedStatus")));
        MvcTestResult inserted = api.as(owner).post(TEMPLATES + "/" + id + "/insert-image", Map.of("assetId", asset));
        assertThat(inserted).hasStatusOk();
        String html = Json.read(inserted, "$.html");
        assertThat(html).contains("<img src=\"" + signed + "\" alt=\"spring fair hero\" width=\"40\"");
        assertThat((List<?>) Json.read(inserted, "$.removed")).isEmpty();
        MvcTestResult withAlt = api.as(owner).post(TEMPLATES + "/" + id + "/insert-image",
                Map.of("assetId", asset, "alt", "Our stand \"at\" the fair"));
        assertThat((String) Json.read(withAlt, "$.html")).contains("alt=\"Our stand &quot;at&quot; the fair\"");

        String path = URI.create(signed).getRawPath();
        MvcTestResult served = mvc.get().uri(path).exchange();
        assertThat(served).hasStatusOk().hasContentType(MediaType.IMAGE_GIF);
        assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(gif);
        assertThat(served.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("public", "max-age=3600");
        String etag = served.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(mvc.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()).hasStatus(304);

        String token = path.substring("/t/i/".length());
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(mvc.get().uri("/t/i/" + altered).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/t/i/" + "A".repeat(66)).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/t/i/short").exchange()).hasStatus(404);

        assertThat(api.as(owner).delete("/api/v1/campaign-assets/" + asset)).hasStatus(204);
        assertThat(mvc.get().uri(path).exchange()).hasStatus(404);
        assertThat(api.as(owner).post("/api/v1/campaign-assets/" + asset + "/restore")).hasStatusOk();
        assertThat(mvc.get().uri(path).exchange()).hasStatusOk();
        assertThat(api.as(owner).delete("/api/v1/campaign-assets/" + asset + "?permanent=true")).hasStatus(204);
        assertThat(mvc.get().uri(path).exchange()).hasStatus(404);
        assertThat(api.as(owner).post(TEMPLATES + "/" + id + "/insert-image", Map.of("assetId", asset)))
                .hasStatus(404);
    }

    @Test
    void rolesAnotherWorkspaceAndBadInput() {
        Member owner = workspaces.workspace("Pickers ours");
        String campaign = campaigns.create(owner, "Pickers ours");
        String creative = creative(owner, campaign, "Ours", "Our headline", "Our caption", "Go");
        String asset = upload(owner, "ours.png", AssetSamples.png(5, 120, 80));
        String id = template(owner, "Pickers ours");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).get(TEMPLATES + "/creative-choices")).hasStatusOk();
        assertThat(api.as(viewer).get(TEMPLATES + "/image-choices")).hasStatusOk();
        assertThat(api.as(viewer).post(TEMPLATES + "/" + id + "/insert-creative", Map.of("creativeId", creative)))
                .hasStatus(403);
        assertThat(api.as(viewer).post(TEMPLATES + "/" + id + "/insert-image", Map.of("assetId", asset)))
                .hasStatus(403);
        assertThat(api.as(viewer).post(TEMPLATES + "/" + id + "/insert-image", Map.of("alt", "x".repeat(400))))
                .hasStatus(403);
        String key = Json.read(api.as(owner).post("/api/v1/api-keys", Map.of("name", "Read only",
                "roleCeiling", "VIEWER")), "$.secret");
        assertThat(mvc.post().uri(TEMPLATES + "/" + id + "/insert-creative").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + key).contentType(MediaType.APPLICATION_JSON).content("{\"creativeId\":\"" + creative
                + "\"}").exchange()).hasStatus(403);
        assertThat(mvc.get().uri(TEMPLATES + "/image-choices").header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()).hasStatusOk();

        Member stranger = workspaces.workspace("Pickers theirs");
        String theirs = template(stranger, "Pickers theirs");
        assertThat(api.as(stranger).post(TEMPLATES + "/" + id + "/insert-creative", Map.of("creativeId", creative)))
                .hasStatus(404);
        assertThat(api.as(stranger).post(TEMPLATES + "/" + theirs + "/insert-creative",
                Map.of("creativeId", creative))).hasStatus(404);
        assertThat(api.as(stranger).post(TEMPLATES + "/" + theirs + "/insert-image", Map.of("assetId", asset)))
                .hasStatus(404);
        assertThat(Json.<List<?>>read(api.as(stranger).get(TEMPLATES + "/creative-choices"), "$.items")).isEmpty();
        assertThat(Json.<List<?>>read(api.as(stranger).get(TEMPLATES + "/image-choices"), "$.items")).isEmpty();

        for (Object body : List.of(Map.of(), Map.of("assetId", "not-a-uuid"), Map.of("assetId", asset, "alt",
                "x".repeat(301)))) {
            MvcTestResult refused = api.as(owner).post(TEMPLATES + "/" + id + "/insert-image", body);
            assertThat(refused).as(body.toString()).hasStatus(400).hasContentType("application/problem+json");
        }
        assertThat(api.as(owner).post(TEMPLATES + "/" + id + "/insert-creative", Map.of()))
                .hasStatus(400).hasContentType("application/problem+json");
        assertThat(api.as(owner).get(TEMPLATES + "/image-choices?q=" + "x".repeat(201))).hasStatus(400);
        assertThat((Long) ((Number) Json.read(api.as(owner).get(TEMPLATES + "/" + id), "$.version")).longValue())
                .isZero();
    }

    private String creative(Member owner, String campaign, String title, String headline, String caption,
            String cta) {
        MvcTestResult made = api.as(owner).post("/api/v1/content/creatives", Map.of("campaignId", campaign,
                "title", title, "mode", "MANUAL", "channels", List.of("LINKEDIN"),
                "texts", Map.of("HEADLINE", headline, "CAPTION", caption, "CTA", cta)));
        assertThat(made).as(Json.body(made)).hasStatus(201);
        return Json.read(made, "$.id");
    }

    private String upload(Member owner, String name, byte[] bytes) {
        MvcTestResult uploaded = api.as(owner).upload("/api/v1/campaign-assets/assets", name, bytes);
        assertThat(uploaded).as(Json.body(uploaded)).hasStatus(201);
        return Json.read(uploaded, "$.asset.id");
    }

    private String template(Member owner, String name) {
        MvcTestResult made = api.as(owner).post(TEMPLATES, Map.of("name", name, "subject", "News",
                "html", "<p>Hello {{first_name | \"there\"}}</p>\n<p>{{postal_address}}</p>"
                        + "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>"));
        assertThat(made).hasStatus(201);
        return Json.read(made, "$.id");
    }

    /** A GIF is served as uploaded (an animation stays one), so its bytes are known whatever the renditions. */
    static byte[] gif() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(AssetSamples.picture(9, 40, 30), "gif", out);
        assertThat(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))).isNotNull();
        return out.toByteArray();
    }
}
