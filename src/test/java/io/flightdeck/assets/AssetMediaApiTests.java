package io.flightdeck.assets;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the derived-data job adds to an upload, through the API: dimensions and thumbnails of an image, near-duplicates
 * (a re-encoded and resized copy is found, a different picture is not; "not a duplicate" holds), and the file itself:
 * downloads, ranges and signed URLs, within the workspace only.
 */
@FlightdeckTest
class AssetMediaApiTests {

    private static final String BASE = "/api/v1/campaign-assets";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;

    private String upload(Member as, String name, byte[] content) {
        MvcTestResult uploaded = api.as(as).upload(BASE + "/assets", name, content);
        assertThat(uploaded.getResponse().getStatus()).isIn(200, 201);
        return Json.read(uploaded, "$.asset.id");
    }

    /** The job runs on db-scheduler, which polls every second. */
    private void measured(Member as, String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"PENDING".equals(Json.read(api.as(as).get(BASE + "/" + id), "$.file.derivedStatus")));
    }

    private static byte[] reencodedSmaller(byte[] png) throws Exception {
        BufferedImage original = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage half = new BufferedImage(original.getWidth() / 2, original.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(original, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam quality = writer.getDefaultWriteParam();
        quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        quality.setCompressionQuality(0.6f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(half, null, null), quality);
        }
        writer.dispose();
        return out.toByteArray();
    }

    @Test
    void anImageIsMeasuredAndGetsThumbnails() throws Exception {
        Member owner = workspaces.workspace("Media measured");
        String id = upload(owner, "wide.png", AssetSamples.png(11, 1600, 900));

        measured(owner, id);

        MvcTestResult asset = api.as(owner).get(BASE + "/" + id);
        assertThat((String) Json.read(asset, "$.file.derivedStatus")).isEqualTo("DONE");
        assertThat((Integer) Json.read(asset, "$.file.width")).isEqualTo(1600);
        assertThat((Integer) Json.read(asset, "$.file.height")).isEqualTo(900);
        assertThat((Boolean) Json.read(asset, "$.file.hasSmallThumbnail")).isTrue();
        MvcTestResult small = api.as(owner).get(BASE + "/" + id + "/renditions/thumb-small");
        assertThat(small).hasStatusOk();
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(small.getResponse().getContentAsByteArray()));
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(180);
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(
                api.as(owner).get(BASE + "/" + id + "/renditions/thumb-large").getResponse().getContentAsByteArray()));
        assertThat(large.getWidth()).isEqualTo(1280);
        assertThat(api.as(owner).get(BASE + "/" + id + "/renditions/poster")).hasStatus(404);
        assertThat(api.as(owner).get(BASE + "/" + id + "/renditions/original")).hasStatus(400);
    }

    @Test
    void aReencodedResizedCopyIsANearDuplicateAndADifferentPictureIsNot() throws Exception {
        Member owner = workspaces.workspace("Media near duplicates");
        byte[] original = AssetSamples.png(21, 1200, 900);
        String first = upload(owner, "banner.png", original);
        String copy = upload(owner, "banner-final-v2.jpg", reencodedSmaller(original));
        String other = upload(owner, "other.png", AssetSamples.png(22, 1200, 900));
        measured(owner, first);
        measured(owner, copy);
        measured(owner, other);

        List<String> similar = Json.read(api.as(owner).get(BASE + "/" + copy + "/similar"), "$[*].assetId");
        assertThat(similar).containsExactly(first);
        List<String> toFirst = Json.read(api.as(owner).get(BASE + "/" + first + "/similar"), "$[*].assetId");
        assertThat(toFirst).containsExactly(copy);
        assertThat((List<String>) Json.read(api.as(owner).get(BASE + "/" + other + "/similar"), "$[*].assetId")).isEmpty();
        List<String> flagged = Json.read(api.as(owner).get(BASE + "/assets?nearDuplicates=true"), "$.items[*].id");
        assertThat(flagged).containsExactlyInAnyOrder(first, copy);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post(BASE + "/" + copy + "/similar/" + first + "/dismiss")).hasStatus(403);
        assertThat(api.as(owner).post(BASE + "/" + copy + "/similar/" + first + "/dismiss")).hasStatus(204);
        assertThat(api.as(owner).post(BASE + "/" + first + "/similar/" + copy + "/dismiss")).hasStatus(409);
        assertThat((List<String>) Json.read(api.as(owner).get(BASE + "/" + copy + "/similar"), "$[*].assetId")).isEmpty();
        assertThat((Integer) Json.read(api.as(owner).get(BASE + "/assets?nearDuplicates=true"), "$.total")).isZero();
        // a looser threshold does not bring a dismissed pair back
        assertThat(api.as(owner).put("/api/v1/asset-settings", "{\"maxUploadBytes\":1048576,\"similarityThreshold\":20}"))
                .hasStatusOk();
        assertThat((List<String>) Json.read(api.as(owner).get(BASE + "/" + copy + "/similar"), "$[*].assetId"))
                .doesNotContain(first);
        assertThat(api.as(owner).post(BASE + "/" + first + "/similar/" + other + "/dismiss")).hasStatus(404);
    }

    @Test
    void aFileDownloadsWholeOrInRangesAndThroughASignedUrlWithinItsWorkspaceOnly() throws Exception {
        Member owner = workspaces.workspace("Media downloads");
        Member stranger = workspaces.workspace("Media stranger");
        byte[] png = AssetSamples.png(31, 300, 300);
        String id = upload(owner, "logo.png", png);

        MvcTestResult whole = api.as(owner).get(BASE + "/" + id + "/content");
        assertThat(whole).hasStatusOk();
        assertThat(whole.getResponse().getContentAsByteArray()).isEqualTo(png);
        assertThat(whole.getResponse().getContentType()).isEqualTo("image/png");
        MvcTestResult range = api.as(owner).header("Range", "bytes=0-99").get(BASE + "/" + id + "/content");
        assertThat(range).hasStatus(206);
        assertThat(range.getResponse().getContentAsByteArray()).hasSize(100);

        MvcTestResult signed = api.as(owner).post(BASE + "/" + id + "/signed-url?minutes=5");
        assertThat(signed).hasStatusOk();
        String url = Json.read(signed, "$.url");
        assertThat(url).contains("/files/");
        MvcTestResult anonymous = mvc.get().uri(url.substring(url.indexOf("/files/"))).exchange();
        assertThat(anonymous).hasStatusOk();
        assertThat(anonymous.getResponse().getContentAsByteArray()).isEqualTo(png);
        assertThat(api.as(owner).post(BASE + "/" + id + "/signed-url?minutes=600")).hasStatus(400);

        assertThat(api.as(stranger).get(BASE + "/" + id + "/content")).hasStatus(404);
        assertThat(api.as(stranger).get(BASE + "/" + id + "/renditions/thumb-small")).hasStatus(404);
        assertThat(api.as(stranger).post(BASE + "/" + id + "/signed-url")).hasStatus(404);
        String copy = Json.read(api.as(owner).post(BASE, "{\"name\":\"Headline\",\"type\":\"HEADLINE\",\"headline\":\"Hi\"}"), "$.id");
        assertThat(api.as(owner).get(BASE + "/" + copy + "/content")).hasStatus(404);
    }
}
