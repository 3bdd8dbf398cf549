package io.flightdeck.rendering;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.Codec;
import org.jcodec.common.io.NIOUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Render jobs over REST with the built-in renderers and the real scheduler: a creative's image at every size and its
 * slideshow video end to end, validation before anything is written, the lifecycle's 409s, tenancy and roles.
 */
@FlightdeckTest
class RenderJobsApiTests {

    private static final String BASE = "/api/v1/render-jobs";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    private Member owner;
    private Member contributor;
    private Member viewer;
    private String creative;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Render API");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Spring launch");
        MvcTestResult created = api.as(contributor).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Teaser","topic":"Our spring launch","channels":["INSTAGRAM"],
                 "mode":"MANUAL","texts":{"HEADLINE":"Spring sale: 30%% off every plan","CTA":"Start your free trial"}}"""
                .formatted(campaign));
        assertThat(created).hasStatus(201);
        creative = Json.read(created, "$.id");
    }

    private MvcTestResult create(Member as, String body) {
        return api.as(as).post(BASE, body);
    }

    private String awaitStatus(Member as, String id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat((String) Json.read(api.as(as).get(BASE + "/" + id + "/status"), "$.status")).isEqualTo(status));
        return id;
    }

    private byte[] content(String assetId) {
        MvcTestResult file = api.as(owner).get("/api/v1/campaign-assets/" + assetId + "/content");
        assertThat(file).hasStatusOk();
        return file.getResponse().getContentAsByteArray();
    }

    @Test
    void anImageJobDrawsEverySizeIntoTheLibraryAndBecomesTheCreativesImage() throws Exception {
        MvcTestResult created = create(contributor, """
                {"creativeId":"%s","type":"IMAGE","params":{"template":"split-panel"}}""".formatted(creative));
        assertThat(created).hasStatus(201);
        assertThat((String) Json.read(created, "$.provider")).isEqualTo("builtin-image");
        assertThat((List<String>) Json.read(created, "$.params.sizes"))
                .containsExactly("1080x1080", "1080x1350", "1200x628", "1080x1920");
        String id = Json.read(created, "$.id");

        awaitStatus(contributor, id, "PUBLISHED");
        MvcTestResult job = api.as(viewer).get(BASE + "/" + id);
        List<String> assets = Json.read(job, "$.outputs.variants[*].assetId");
        List<String> labels = Json.read(job, "$.outputs.variants[*].label");
        assertThat(labels).containsExactly("1080×1080", "1080×1350", "1200×628", "1080×1920");
        int[][] sizes = {{1080, 1080}, {1080, 1350}, {1200, 628}, {1080, 1920}};
        for (int i = 0; i < 4; i++) {
            var image = ImageIO.read(new ByteArrayInputStream(content(assets.get(i))));
            assertThat(image.getWidth()).isEqualTo(sizes[i][0]);
            assertThat(image.getHeight()).isEqualTo(sizes[i][1]);
            // measured as they were stored, so whatever picks a size for a network next sees it (not only the job later)
            MvcTestResult asset = api.as(viewer).get("/api/v1/campaign-assets/" + assets.get(i));
            assertThat((Integer) Json.read(asset, "$.file.width")).isEqualTo(sizes[i][0]);
            assertThat((Integer) Json.read(asset, "$.file.height")).isEqualTo(sizes[i][1]);
        }
        assertThat((String) Json.read(job, "$.metadata.hash")).hasSize(64);
        assertThat(String.valueOf((Object) Json.read(job, "$.progress.percent"))).isEqualTo("100");

        MvcTestResult after = api.as(viewer).get("/api/v1/content/creatives/" + creative);
        assertThat((List<String>) Json.read(after, "$.components[?(@.kind=='IMAGE')].assetId"))
                .containsExactly(assets.get(0));
        // what the approver and the editor see is the size each network gets (seen: the square one, while
        // Instagram's post carried the 1080×1350)
        assertThat((List<String>) Json.read(api.as(viewer).get("/api/v1/content/creatives/" + creative + "/preview"),
                "$[0].post.media[*].assetId")).containsExactly(assets.get(1));
    }

    @Test
    void aFontTheServerLacksIsReplacedAndTheJobsLogMetadataAndPageSaySo() {
        MvcTestResult created = create(contributor, """
                {"creativeId":"%s","type":"IMAGE","params":{"sizes":["1200x628"],
                 "layers":{"headline":{"font":"Futura Condensed ExtraBold"}}}}""".formatted(creative));
        assertThat(created).hasStatus(201);
        String id = awaitStatus(contributor, Json.read(created, "$.id"), "PUBLISHED");
        MvcTestResult job = api.as(viewer).get(BASE + "/" + id);
        String sentence = "The font “Futura Condensed ExtraBold” of layer “headline” is not installed on this server; "
                + "used Inter instead.";
        assertThat((List<String>) Json.read(job, "$.logs[?(@.level=='warn')].message")).containsExactly(sentence);
        assertThat((List<Map<String, String>>) Json.read(job, "$.metadata.fontFallbacks")).containsExactly(Map.of(
                "role", "headline", "source", "layer", "requested", "Futura Condensed ExtraBold", "used", "Inter"));
        assertThat(web.page(web.signIn(viewer), "/render-jobs/" + id)).contains("log-warn").contains(sentence);

        // a job whose fonts are all here has none
        MvcTestResult plain = create(contributor, """
                {"creativeId":"%s","type":"IMAGE","params":{"sizes":["1200x628"]}}""".formatted(creative));
        MvcTestResult clean = api.as(viewer).get(BASE + "/" + awaitStatus(contributor, Json.read(plain, "$.id"), "PUBLISHED"));
        assertThat((List<?>) Json.read(clean, "$.metadata.fontFallbacks")).isEmpty();
        assertThat((List<?>) Json.read(clean, "$.logs[?(@.level=='warn')]")).isEmpty();
    }

    @Test
    void aVideoJobMakesAnH264SlideshowWithAPoster() throws Exception {
        MvcTestResult created = create(contributor, """
                {"creativeId":"%s","type":"VIDEO","params":{"width":160,"height":160,"fps":6,"duration":2}}"""
                .formatted(creative));
        assertThat(created).hasStatus(201);
        String id = awaitStatus(contributor, Json.read(created, "$.id"), "PUBLISHED");
        MvcTestResult job = api.as(owner).get(BASE + "/" + id);
        byte[] mp4 = content(Json.read(job, "$.outputs.primary"));
        File file = File.createTempFile("render-test", ".mp4");
        Files.write(file.toPath(), mp4);
        var meta = FrameGrab.createFrameGrab(NIOUtils.readableChannel(file)).getVideoTrack().getMeta();
        assertThat(meta.getCodec()).isEqualTo(Codec.H264);
        assertThat(meta.getTotalFrames()).isEqualTo(12);
        assertThat(meta.getTotalDuration()).isBetween(1.9, 2.1);
        file.delete();
        assertThat(ImageIO.read(new ByteArrayInputStream(content(Json.read(job, "$.outputs.posterFrame"))))).isNotNull();
    }

    @Test
    void aTextThatCannotFitFailsTheJobNamingTheLayerWithoutRetries() {
        MvcTestResult created = create(contributor, """
                {"creativeId":"%s","type":"IMAGE","params":{"sizes":["1080x1080"],
                 "layers":{"headline":{"box":{"x":0.1,"y":0.1,"width":0.1,"height":0.01}}}}}""".formatted(creative));
        assertThat(created).hasStatus(201);
        String id = awaitStatus(contributor, Json.read(created, "$.id"), "FAILED");
        MvcTestResult job = api.as(contributor).get(BASE + "/" + id);
        assertThat((String) Json.read(job, "$.error.code")).isEqualTo("layer-does-not-fit");
        assertThat((String) Json.read(job, "$.error.message")).contains("“headline”");
        assertThat((Integer) Json.read(job, "$.retryCount")).isZero();
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsWritten() throws Exception {
        record Case(String body, String field) { }
        for (Case c : List.of(
                new Case("{\"creativeId\":\"" + creative + "\"}", "type"),
                new Case("{\"creativeId\":\"" + creative + "\",\"type\":\"IMAGE\",\"provider\":\"nope\"}", "provider"),
                new Case("{\"creativeId\":\"" + creative + "\",\"type\":\"VIDEO\",\"provider\":\"builtin-image\"}", "provider"),
                new Case("{\"creativeId\":\"" + creative + "\",\"type\":\"IMAGE\",\"params\":{\"template\":\"nope\"}}", "params.template"),
                new Case("{\"creativeId\":\"" + creative + "\",\"type\":\"IMAGE\",\"params\":{\"sizes\":[\"huge\"]}}", "params.sizes"),
                new Case("{\"creativeId\":\"" + creative + "\",\"type\":\"IMAGE\",\"params\":{\"width\":5}}", "params.width"),
                new Case("{\"creativeId\":\"" + creative + "\",\"type\":\"IMAGE\",\"params\":{\"layers\":{\"ghost\":{}}}}", "params.layers"),
                new Case("{\"creativeId\":\"" + creative + "\",\"type\":\"VIDEO\",\"params\":{\"fps\":60,\"duration\":60}}", "params.duration"),
                new Case("{\"creativeId\":\"" + creative + "\",\"type\":\"IMAGE\",\"maxRetries\":11}", "maxRetries"),
                new Case("{\"creativeId\":\"" + creative + "\",\"type\":\"IMAGE\",\"campaignId\":\"" + creative + "\"}", "campaignId"))) {
            MvcTestResult r = create(contributor, c.body());
            assertThat(r).as(c.body()).hasStatus(400);
            assertThat(r.getResponse().getContentAsString()).as(c.body()).contains(c.field());
        }
        assertThat(create(contributor, "{\"creativeId\":\"0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b\",\"type\":\"IMAGE\"}"))
                .hasStatus(404);
        assertThat((Integer) Json.read(api.as(owner).get(BASE), "$.total")).isZero();
    }

    @Test
    void theLifecycleAnswers409ForMovesItsStateDoesNotAllow() {
        String id = Json.read(create(contributor, """
                {"creativeId":"%s","type":"IMAGE","submit":false,"params":{"sizes":["1080x1080"]}}""".formatted(creative)),
                "$.id");
        assertThat((Boolean) Json.read(api.as(owner).get(BASE + "/" + id), "$.submitted")).isFalse();
        assertThat(api.as(contributor).get(BASE + "/" + id + "/poll")).hasStatus(409);

        assertThat(api.as(contributor).post(BASE + "/" + id + "/cancel")).hasStatusOk();
        assertThat(api.as(contributor).post(BASE + "/" + id + "/cancel")).hasStatus(409);

        assertThat(api.as(contributor).post(BASE + "/" + id + "/submit")).hasStatusOk();
        awaitStatus(contributor, id, "PUBLISHED");
        MvcTestResult again = api.as(contributor).post(BASE + "/" + id + "/submit");
        assertThat(again).hasStatus(409);
        assertThat((String) Json.read(again, "$.currentState")).isEqualTo("PUBLISHED");
        assertThat((String) Json.read(again, "$.attemptedMove")).isEqualTo("submit");
        assertThat(api.as(contributor).post(BASE + "/" + id + "/cancel")).hasStatus(409);
    }

    @Test
    void aJobCreatedWithoutSubmittingWaitsThenRunsOnSubmitAndTwoSubmitsAreOne() {
        String id = Json.read(create(contributor, """
                {"creativeId":"%s","type":"IMAGE","submit":false,"params":{"sizes":["1200x628"]}}""".formatted(creative)),
                "$.id");
        assertThat(api.as(contributor).post(BASE + "/" + id + "/submit")).hasStatusOk();
        MvcTestResult second = api.as(contributor).post(BASE + "/" + id + "/submit");
        assertThat(second.getResponse().getStatus()).isIn(200, 409);
        awaitStatus(contributor, id, "PUBLISHED");
        assertThat((Integer) Json.read(api.as(owner).get(BASE + "/" + id), "$.attempt")).isEqualTo(1);
    }

    @Test
    void listsFilterByStatusTypeProviderAndCreative() {
        String image = Json.read(create(contributor, """
                {"creativeId":"%s","type":"IMAGE","submit":false}""".formatted(creative)), "$.id");
        create(contributor, """
                {"creativeId":"%s","type":"VIDEO","submit":false}""".formatted(creative));
        assertThat((Integer) Json.read(api.as(viewer).get(BASE), "$.total")).isEqualTo(2);
        assertThat((List<String>) Json.read(api.as(viewer).get(BASE + "?type=IMAGE"), "$.items[*].id")).containsExactly(image);
        assertThat((Integer) Json.read(api.as(viewer).get(BASE + "?provider=builtin-video"), "$.total")).isEqualTo(1);
        assertThat((Integer) Json.read(api.as(viewer).get(BASE + "?status=QUEUED&creativeId=" + creative), "$.total"))
                .isEqualTo(2);
        assertThat((Integer) Json.read(api.as(viewer).get(BASE + "?status=PUBLISHED"), "$.total")).isZero();
    }

    @Test
    void anotherWorkspaceSeesNothingAndAViewerOnlyReads() {
        String id = Json.read(create(contributor, """
                {"creativeId":"%s","type":"IMAGE","submit":false}""".formatted(creative)), "$.id");
        Member stranger = workspaces.workspace("Elsewhere");
        assertThat(api.as(stranger).get(BASE + "/" + id)).hasStatus(404);
        assertThat(api.as(stranger).get(BASE + "/" + id + "/status")).hasStatus(404);
        assertThat(api.as(stranger).post(BASE + "/" + id + "/cancel")).hasStatus(404);
        assertThat(api.as(stranger).post(BASE + "/" + id + "/submit")).hasStatus(404);
        assertThat((Integer) Json.read(api.as(stranger).get(BASE), "$.total")).isZero();
        assertThat(create(stranger, "{\"creativeId\":\"" + creative + "\",\"type\":\"IMAGE\"}")).hasStatus(404);

        assertThat(api.as(viewer).get(BASE + "/" + id)).hasStatusOk();
        assertThat(create(viewer, "{\"creativeId\":\"" + creative + "\",\"type\":\"IMAGE\"}")).hasStatus(403);
        assertThat(api.as(viewer).post(BASE + "/" + id + "/cancel")).hasStatus(403);
        assertThat(api.as(viewer).post(BASE + "/" + id + "/submit")).hasStatus(403);
    }

    @Test
    void theProvidersAreListedAndAWebhookForAProviderThatSendsNoneIsRefused() {
        MvcTestResult providers = api.as(viewer).get(BASE + "/providers");
        assertThat((List<String>) Json.read(providers, "$[*].name")).contains("builtin-image", "builtin-video");
        MvcTestResult webhook = api.anonymous().raw(HttpMethod.POST, BASE + "/webhook/builtin-image", "application/json",
                "{}".getBytes());
        assertThat(webhook).hasStatus(401);
        assertThat(api.anonymous().raw(HttpMethod.POST, BASE + "/webhook/nobody", "application/json", "{}".getBytes()))
                .hasStatus(404);
    }

    @Test
    void templatesAreListedPreviewedAndAManagerSavesAWorkspaceVersionThatIsChecked() throws Exception {
        String path = "/api/v1/render-templates";
        assertThat((List<String>) Json.read(api.as(viewer).get(path), "$[*].key"))
                .containsExactly("bold-headline", "photo-caption", "split-panel");
        MvcTestResult preview = api.as(viewer).get(path + "/photo-caption/preview?size=1200x628");
        assertThat(preview).hasStatusOk();
        assertThat(preview.getResponse().getContentType()).isEqualTo("image/png");

        Map<String, Object> template = Json.read(api.as(owner).get(path + "/bold-headline"), "$.template");
        String body = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(template).replace("\"Bold headline\"", "\"Our bold headline\"");
        assertThat(api.as(contributor).put(path + "/bold-headline", body)).hasStatus(403);
        MvcTestResult saved = api.as(owner).put(path + "/bold-headline", body);
        assertThat(saved).hasStatusOk();
        assertThat((Boolean) Json.read(saved, "$.customised")).isTrue();
        assertThat((String) Json.read(api.as(viewer).get(path + "/bold-headline"), "$.name")).isEqualTo("Our bold headline");

        MvcTestResult broken = api.as(owner).put(path + "/bold-headline", body.replace("\"maxSize\":0.1", "\"maxSize\":0.01"));
        assertThat(broken).hasStatus(400);
        assertThat(broken.getResponse().getContentAsString()).contains("minSize");

        // a font the server lacks is previewed in Inter, and the editor says so
        String serif = body.replace("\"headingFont\":\"Inter\"", "\"headingFont\":\"Futura PT\"");
        assertThat(serif).contains("Futura PT");
        assertThat(api.as(owner).put(path + "/bold-headline", serif)).hasStatusOk();
        assertThat(web.page(web.signIn(viewer), "/settings/render-templates/bold-headline")).contains(
                "The template&#39;s heading font “Futura PT” is not installed on this server; used Inter instead.");

        assertThat(api.as(owner).delete(path + "/bold-headline")).hasStatus(204);
        assertThat((String) Json.read(api.as(viewer).get(path + "/bold-headline"), "$.name")).isEqualTo("Bold headline");
        assertThat(api.as(owner).get(path + "/nope")).hasStatus(404);
    }
}
