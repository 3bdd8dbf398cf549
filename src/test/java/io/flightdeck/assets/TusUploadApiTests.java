package io.flightdeck.assets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.ApiClient.Caller;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Resumable uploads over tus 1.0 through MockMvc: the protocol end to end (OPTIONS, creation, HEAD, PATCH in chunks,
 * termination), its refusals (offset, content type, version, length, the workspace's limit, checksums, metadata),
 * completion that happens once, tenancy and roles, and the web UI's session path. The connection that drops midway
 * needs a real socket ({@link TusUploadResumeTests}); the expiry sweep is {@code domain.AbandonedUploadsTests}.
 */
@FlightdeckTest
class TusUploadApiTests {

    static final String BASE = "/api/v1/uploads";
    static final String OCTETS = "application/offset+octet-stream";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    WebSessions web;
    @Autowired
    MutableClock clock;
    @Autowired
    SchedulerClient scheduler;
    @Value("${flightdeck.assets.upload-dir}")
    Path uploadDir;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- helpers

    private Caller tus(Member member) {
        return api.as(member).header("Tus-Resumable", "1.0.0");
    }

    /** {@code key base64(value),...}, as a tus client writes Upload-Metadata. */
    static String metadata(String... keysAndValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            pairs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return pairs.entrySet().stream().map(e -> e.getKey() + " "
                + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
    }

    private MvcTestResult create(Member member, long length, String metadata) {
        return tus(member).header("Upload-Length", Long.toString(length)).header("Upload-Metadata", metadata)
                .raw(HttpMethod.POST, BASE, null, null);
    }

    /** Creates an upload that must be accepted and answers its Location. */
    private String created(Member member, long length, String metadata) {
        MvcTestResult created = create(member, length, metadata);
        assertThat(created).hasStatus(201);
        return created.getResponse().getHeader("Location");
    }

    private MvcTestResult patch(Member member, String location, long offset, byte[] bytes) {
        return tus(member).header("Upload-Offset", Long.toString(offset)).raw(HttpMethod.PATCH, location, OCTETS, bytes);
    }

    private MvcTestResult head(Member member, String location) {
        return tus(member).raw(HttpMethod.HEAD, location, null, null);
    }

    private static long offset(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Upload-Offset"));
    }

    private String space(Member owner, String name) {
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces",
                "{\"campaignId\":\"%s\",\"name\":\"%s\",\"platform\":\"META\"}".formatted(campaigns.create(owner, name), name));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private long assetsInSpace(Member member, String spaceId) {
        Number total = Json.read(api.as(member).get("/api/v1/campaign-assets/campaign-spaces/" + spaceId + "/assets"), "$.total");
        return total.longValue();
    }

    static byte[] randomBytes(int seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String base64Sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Path partialFile(Member member, String location) {
        return uploadDir.resolve(member.workspaceId().toString()).resolve(location.substring(location.lastIndexOf('/') + 1) + ".part");
    }

    // ---- the protocol

    @Test
    void optionsCreateHeadChunkedPatchesAndTerminationMakeAnAssetByteForByte() throws Exception {
        Member owner = workspaces.workspace("Tus protocol");
        String space = space(owner, "Tus – Meta");
        byte[] png = AssetSamples.png(11, 640, 480);

        MvcTestResult options = api.as(owner).raw(HttpMethod.OPTIONS, BASE, null, null);
        assertThat(options).hasStatus(204);
        assertThat(options).headers().hasValue("Tus-Resumable", "1.0.0").hasValue("Tus-Version", "1.0.0")
                .hasValue("Tus-Max-Size", Long.toString(2L * 1024 * 1024 * 1024))
                .hasValue("Tus-Checksum-Algorithm", "sha1,sha256");
        assertThat(options.getResponse().getHeader("Tus-Extension").split(","))
                .contains("creation", "termination", "expiration", "checksum");

        MvcTestResult created = create(owner, png.length, metadata("filename", "summer hero.png", "spaceId", space,
                "title", "Summer hero", "tags", "summer, hero", "filetype", "image/png"));
        assertThat(created).hasStatus(201);
        assertThat(created).headers().hasValue("Tus-Resumable", "1.0.0").containsHeader("Upload-Expires");
        String location = created.getResponse().getHeader("Location");
        assertThat(location).matches(BASE + "/[0-9a-f-]{36}");

        MvcTestResult fresh = head(owner, location);
        assertThat(fresh).hasStatusOk();
        assertThat(fresh).headers().hasValue("Upload-Offset", "0").hasValue("Upload-Length", Long.toString(png.length))
                .hasValue("Cache-Control", "no-store").hasValue("Tus-Resumable", "1.0.0").containsHeader("Upload-Expires")
                .doesNotContainHeader("Flightdeck-Asset-Id");
        assertThat(fresh.getResponse().getHeader("Upload-Metadata")).contains("filename " + Base64.getEncoder()
                .encodeToString("summer hero.png".getBytes(StandardCharsets.UTF_8)));

        int third = png.length / 3;
        long offset = 0;
        for (byte[] chunk : new byte[][] {Arrays.copyOfRange(png, 0, third), Arrays.copyOfRange(png, third, 2 * third)}) {
            MvcTestResult appended = patch(owner, location, offset, chunk);
            assertThat(appended).hasStatus(204);
            assertThat(appended).headers().doesNotContainHeader("Flightdeck-Asset-Id");
            offset += chunk.length;
            assertThat(offset(appended)).isEqualTo(offset);
            assertThat(offset(head(owner, location))).isEqualTo(offset);
        }
        assertThat(assetsInSpace(owner, space)).as("no asset before the last byte").isZero();

        MvcTestResult last = patch(owner, location, offset, Arrays.copyOfRange(png, 2 * third, png.length));
        assertThat(last).hasStatus(204);
        assertThat(offset(last)).isEqualTo(png.length);
        String assetId = last.getResponse().getHeader("Flightdeck-Asset-Id");
        assertThat(last).headers().hasValue("Flightdeck-Asset-Location", "/api/v1/campaign-assets/" + assetId);

        MvcTestResult asset = api.as(owner).get("/api/v1/campaign-assets/" + assetId);
        assertThat(asset).hasStatusOk();
        assertThat((String) Json.read(asset, "$.file.sha256")).isEqualTo(sha256(png));
        assertThat(((Number) Json.read(asset, "$.file.sizeBytes")).longValue()).isEqualTo(png.length);
        assertThat((String) Json.read(asset, "$.file.mimeType")).isEqualTo("image/png");
        assertThat((String) Json.read(asset, "$.name")).isEqualTo("summer hero.png");
        assertThat((String) Json.read(asset, "$.type")).isEqualTo("IMAGE");
        assertThat((String) Json.read(asset, "$.title")).isEqualTo("Summer hero");
        assertThat((String) Json.read(asset, "$.spaceId")).isEqualTo(space);
        assertThat(Json.<java.util.List<String>>read(asset, "$.tags")).containsExactly("hero", "summer");
        assertThat(assetsInSpace(owner, space)).isEqualTo(1);
        assertThat(partialFile(owner, location)).as("the partial bytes are gone once the asset exists").doesNotExist();

        MvcTestResult afterwards = head(owner, location);
        assertThat(afterwards).hasStatusOk();
        assertThat(afterwards).headers().hasValue("Upload-Offset", Long.toString(png.length))
                .hasValue("Flightdeck-Asset-Id", assetId);

        String abandoned = created(owner, 1000, metadata("filename", "draft.bin"));
        assertThat(patch(owner, abandoned, 0, randomBytes(1, 400))).hasStatus(204);
        assertThat(partialFile(owner, abandoned)).hasSize(400);
        MvcTestResult terminated = tus(owner).raw(HttpMethod.DELETE, abandoned, null, null);
        assertThat(terminated).hasStatus(204);
        assertThat(terminated).headers().hasValue("Tus-Resumable", "1.0.0");
        assertThat(partialFile(owner, abandoned)).doesNotExist();
        assertThat(head(owner, abandoned)).hasStatus(404);
        assertThat(patch(owner, abandoned, 400, randomBytes(2, 600))).hasStatus(404);
        assertThat(tus(owner).raw(HttpMethod.DELETE, abandoned, null, null)).hasStatus(404);
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyIsTheSameUpload() {
        Member owner = workspaces.workspace("Tus idempotent creation");
        Caller caller = tus(owner).idempotencyKey("create-" + UUID.randomUUID()).header("Upload-Length", "100")
                .header("Upload-Metadata", metadata("filename", "a.bin"));

        MvcTestResult first = caller.raw(HttpMethod.POST, BASE, null, null);
        MvcTestResult again = caller.raw(HttpMethod.POST, BASE, null, null);

        assertThat(first).hasStatus(201);
        assertThat(again).hasStatus(201);
        assertThat(again).headers().hasValue("Idempotent-Replayed", "true")
                .hasValue("Location", first.getResponse().getHeader("Location"));
    }

    // ---- refusals

    @Test
    void aWrongOffsetIs409AndChangesNothing() {
        Member owner = workspaces.workspace("Tus offsets");
        String location = created(owner, 300, metadata("filename", "offsets.bin"));

        MvcTestResult ahead = patch(owner, location, 100, randomBytes(3, 100));
        assertThat(ahead).hasStatus(409);
        assertThat((String) Json.read(ahead, "$.type")).endsWith("/upload-offset-mismatch");
        assertThat((Integer) Json.read(ahead, "$.uploadOffset")).isZero();

        assertThat(patch(owner, location, 0, randomBytes(4, 100))).hasStatus(204);
        MvcTestResult behind = patch(owner, location, 0, randomBytes(5, 100));
        assertThat(behind).hasStatus(409);
        assertThat((Integer) Json.read(behind, "$.uploadOffset")).isEqualTo(100);
        assertThat(offset(head(owner, location))).isEqualTo(100);
        assertThat(partialFile(owner, location)).hasSize(100);
    }

    @Test
    void theProtocolsOwnRefusals() {
        Member owner = workspaces.workspace("Tus refusals");
        String location = created(owner, 300, metadata("filename", "refusals.bin"));

        MvcTestResult json = tus(owner).header("Upload-Offset", "0").raw(HttpMethod.PATCH, location, "application/json", "{}".getBytes());
        assertThat(json).hasStatus(415);
        assertThat(json).headers().hasValue("Tus-Resumable", "1.0.0");

        MvcTestResult noVersion = api.as(owner).header("Upload-Offset", "0").raw(HttpMethod.PATCH, location, OCTETS, new byte[10]);
        assertThat(noVersion).hasStatus(412);
        assertThat(noVersion).headers().hasValue("Tus-Version", "1.0.0").hasValue("Tus-Resumable", "1.0.0");
        assertThat(api.as(owner).header("Tus-Resumable", "0.2.2").raw(HttpMethod.HEAD, location, null, null)).hasStatus(412);

        assertThat(tus(owner).raw(HttpMethod.PATCH, location, OCTETS, new byte[10])).as("no Upload-Offset").hasStatus(400);
        assertThat(tus(owner).header("Upload-Offset", "-1").raw(HttpMethod.PATCH, location, OCTETS, new byte[10])).hasStatus(400);
        assertThat(tus(owner).header("Upload-Offset", "0").header("Upload-Checksum", "md5 AAAA")
                .raw(HttpMethod.PATCH, location, OCTETS, new byte[10])).hasStatus(400);
        assertThat(tus(owner).raw(HttpMethod.POST, BASE, null, null)).as("no Upload-Length").hasStatus(400);
        assertThat(create(owner, 0, metadata("filename", "empty.bin"))).as("an empty file").hasStatus(400);

        MvcTestResult tooMuch = patch(owner, location, 0, randomBytes(6, 301));
        assertThat(tooMuch).hasStatus(413);
        assertThat((String) Json.read(tooMuch, "$.type")).endsWith("/upload-length-exceeded");
        assertThat(offset(head(owner, location))).isZero();
        assertThat(partialFile(owner, location)).hasSize(0);
    }

    @Test
    void anUploadLengthOverTheWorkspacesLimitIs413BeforeAnythingIsWritten() {
        Member owner = workspaces.workspace("Tus limit");
        assertThat(api.as(owner).put("/api/v1/asset-settings", "{\"maxUploadBytes\":2048,\"similarityThreshold\":10}"))
                .hasStatusOk();

        assertThat(api.as(owner).raw(HttpMethod.OPTIONS, BASE, null, null)).headers().hasValue("Tus-Max-Size", "2048");
        MvcTestResult tooLarge = create(owner, 4096, metadata("filename", "big.bin"));

        assertThat(tooLarge).hasStatus(413);
        assertThat(((Number) Json.read(tooLarge, "$.limitBytes")).longValue()).isEqualTo(2048);
        assertThat(create(owner, 2048, metadata("filename", "fits.bin"))).hasStatus(201);
    }

    @Test
    void aChecksumMismatchIsRefusedAndNothingIsRegistered() throws Exception {
        Member owner = workspaces.workspace("Tus checksums");
        String space = space(owner, "Checksums – Meta");
        byte[] file = randomBytes(7, 4000);
        byte[] first = Arrays.copyOfRange(file, 0, 1500);
        byte[] rest = Arrays.copyOfRange(file, 1500, file.length);

        // an append's Upload-Checksum covers that append: a wrong one keeps none of its bytes, a right one all
        String location = created(owner, file.length, metadata("filename", "checked.bin", "spaceId", space));
        MvcTestResult wrong = tus(owner).header("Upload-Offset", "0").header("Upload-Checksum", "sha256 " + base64Sha256(rest))
                .raw(HttpMethod.PATCH, location, OCTETS, first);
        assertThat(wrong).hasStatus(460);
        assertThat((String) Json.read(wrong, "$.type")).endsWith("/checksum-mismatch");
        assertThat(offset(head(owner, location))).isZero();
        assertThat(tus(owner).header("Upload-Offset", "0").header("Upload-Checksum", "sha256 " + base64Sha256(first))
                .raw(HttpMethod.PATCH, location, OCTETS, first)).hasStatus(204);
        assertThat(tus(owner).header("Upload-Offset", "1500").header("Upload-Checksum", "sha1 "
                + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(rest)))
                .raw(HttpMethod.PATCH, location, OCTETS, rest)).hasStatus(204);
        assertThat(assetsInSpace(owner, space)).isEqualTo(1);

        // the whole file's sha256 in the metadata is checked when the last byte is in: a mismatch ends the upload
        byte[] other = randomBytes(8, 3000);
        String mismatched = created(owner, other.length, metadata("filename", "tampered.bin", "spaceId", space,
                "sha256", sha256(file)));
        assertThat(patch(owner, mismatched, 0, Arrays.copyOfRange(other, 0, 1000))).hasStatus(204);
        MvcTestResult refused = patch(owner, mismatched, 1000, Arrays.copyOfRange(other, 1000, other.length));
        assertThat(refused).hasStatus(460);
        assertThat((String) Json.read(refused, "$.detail")).contains(sha256(other));
        assertThat(head(owner, mismatched)).hasStatus(404);
        assertThat(partialFile(owner, mismatched)).doesNotExist();
        assertThat(assetsInSpace(owner, space)).as("nothing registered").isEqualTo(1);
        MvcTestResult byHash = api.as(owner).post("/api/v1/campaign-assets/by-hash",
                "{\"sha256\":\"%s\",\"fileName\":\"x.bin\"}".formatted(sha256(other)));
        assertThat(byHash).as("the bytes were not kept either").hasStatus(404);

        String matching = created(owner, other.length, metadata("filename", "honest.bin", "sha256", sha256(other).toUpperCase()));
        MvcTestResult completed = patch(owner, matching, 0, other);
        assertThat(completed).hasStatus(204);
        assertThat(completed).headers().containsHeader("Flightdeck-Asset-Id");
    }

    @Test
    void completionHappensOnceHoweverOftenTheLastPatchOrHeadIsRetried() throws Exception {
        Member owner = workspaces.workspace("Tus idempotent completion");
        String space = space(owner, "Once – Meta");
        byte[] file = randomBytes(9, 5000);
        // skipDuplicateCheck: a second registration would make a second asset rather than find the first
        String location = created(owner, file.length, metadata("filename", "once.bin", "spaceId", space,
                "skipDuplicateCheck", "true"));
        assertThat(patch(owner, location, 0, Arrays.copyOfRange(file, 0, 2000))).hasStatus(204);

        byte[] last = Arrays.copyOfRange(file, 2000, file.length);
        MvcTestResult completed = patch(owner, location, 2000, last);
        MvcTestResult retried = patch(owner, location, 2000, last);
        MvcTestResult retriedAtTheEnd = patch(owner, location, file.length, new byte[0]);

        String assetId = completed.getResponse().getHeader("Flightdeck-Asset-Id");
        assertThat(assetId).isNotNull();
        for (MvcTestResult again : new MvcTestResult[] {retried, retriedAtTheEnd, head(owner, location)}) {
            assertThat(again).hasStatus2xxSuccessful();
            assertThat(again).headers().hasValue("Upload-Offset", Long.toString(file.length))
                    .hasValue("Flightdeck-Asset-Id", assetId);
        }
        assertThat(assetsInSpace(owner, space)).isEqualTo(1);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/campaign-assets/" + assetId), "$.file.sha256"))
                .isEqualTo(sha256(file));
    }

    /** Appends record their progress every 32 MiB: the last byte is still recorded only with the asset. */
    @Test
    void longAppendsKeepWhatTheyRecordedAndCompleteOnACheckpoint() throws Exception {
        Member owner = workspaces.workspace("Tus checkpoints");
        int checkpoint = 32 * 1024 * 1024;
        byte[] exact = randomBytes(16, checkpoint);
        String location = created(owner, exact.length, metadata("filename", "exact.bin"));
        MvcTestResult completed = patch(owner, location, 0, exact);
        assertThat(completed).hasStatus(204);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/campaign-assets/"
                + completed.getResponse().getHeader("Flightdeck-Asset-Id")), "$.file.sha256")).isEqualTo(sha256(exact));

        byte[] tooLong = randomBytes(17, checkpoint + 2 * 1024 * 1024);
        int length = checkpoint + 1024 * 1024;
        String overrun = created(owner, length, metadata("filename", "overrun.bin"));
        assertThat(patch(owner, overrun, 0, tooLong)).hasStatus(413);
        assertThat(offset(head(owner, overrun))).as("the recorded checkpoint stays").isEqualTo(checkpoint);
        assertThat(partialFile(owner, overrun)).hasSize(checkpoint);
        MvcTestResult rest = patch(owner, overrun, checkpoint, Arrays.copyOfRange(tooLong, checkpoint, length));
        assertThat(rest).hasStatus(204);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/campaign-assets/"
                + rest.getResponse().getHeader("Flightdeck-Asset-Id")), "$.file.sha256"))
                .isEqualTo(sha256(Arrays.copyOf(tooLong, length)));
    }

    @Test
    void metadataIsCheckedAtCreationSoNoBytesAreSentForNothing() {
        Member owner = workspaces.workspace("Tus metadata");
        String space = space(owner, "Metadata – Meta");

        assertThat(create(owner, 10, metadata("filename", "a.bin", "type", "PICTURE"))).hasStatus(400);
        MvcTestResult copy = create(owner, 10, metadata("filename", "a.bin", "type", "HEADLINE"));
        assertThat(copy).hasStatus(400);
        assertThat((String) Json.read(copy, "$.errors[0].field")).isEqualTo("type");
        assertThat((String) Json.read(create(owner, 10, metadata("filename", "a.bin", "spaceId", "nope")),
                "$.errors[0].field")).isEqualTo("spaceId");
        assertThat((String) Json.read(create(owner, 10, metadata("type", "IMAGE")), "$.errors[0].field"))
                .as("neither a file name nor a name").isEqualTo("name");
        assertThat(create(owner, 10, metadata("filename", "a.bin", "sha256", "abc"))).hasStatus(400);
        assertThat(create(owner, 10, metadata("filename", "a.bin", "skipDuplicateCheck", "maybe"))).hasStatus(400);
        assertThat(create(owner, 10, metadata("filename", "a.bin", "tags", "x".repeat(61)))).hasStatus(400);
        assertThat(tus(owner).header("Upload-Length", "10").header("Upload-Metadata", "filename not*base64")
                .raw(HttpMethod.POST, BASE, null, null)).hasStatus(400);
        assertThat(create(owner, 10, metadata("filename", "a.bin", "spaceId", UUID.randomUUID().toString()))).hasStatus(404);
        assertThat(create(owner, 10, metadata("filename", "a.bin", "campaignId", UUID.randomUUID().toString()))).hasStatus(404);

        assertThat(api.as(owner).delete("/api/v1/campaign-spaces/" + space)).hasStatus(204);
        MvcTestResult archived = create(owner, 10, metadata("filename", "a.bin", "spaceId", space));
        assertThat(archived).hasStatus(409);
        assertThat((String) Json.read(archived, "$.type")).endsWith("/space-archived");
    }

    // ---- tenancy, roles, the web UI

    @Test
    void anUploadIsOnlyItsCreatorsAndAnotherWorkspaceGets404() {
        Member owner = workspaces.workspace("Tus tenancy");
        Member colleague = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member stranger = workspaces.workspace("Tus tenancy elsewhere");
        String location = created(owner, 100, metadata("filename", "mine.bin"));
        assertThat(patch(owner, location, 0, randomBytes(10, 40))).hasStatus(204);

        for (Member other : new Member[] {stranger, colleague}) {
            assertThat(head(other, location)).hasStatus(404);
            assertThat(patch(other, location, 40, randomBytes(11, 60))).hasStatus(404);
            assertThat(tus(other).raw(HttpMethod.DELETE, location, null, null)).hasStatus(404);
        }
        assertThat(offset(head(owner, location))).isEqualTo(40);
        assertThat(partialFile(owner, location)).hasSize(40);
    }

    @Test
    void viewersMayNotUpload() {
        Member owner = workspaces.workspace("Tus roles");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String location = created(owner, 100, metadata("filename", "roles.bin"));

        MvcTestResult refused = create(viewer, 100, metadata("filename", "v.bin"));
        assertThat(refused).hasStatus(403);
        assertThat(refused).headers().hasValue("Tus-Resumable", "1.0.0");
        assertThat(head(viewer, location)).hasStatus(403);
        assertThat(patch(viewer, location, 0, new byte[10])).hasStatus(403);
        assertThat(tus(viewer).raw(HttpMethod.DELETE, location, null, null)).hasStatus(403);
        assertThat(api.anonymous().header("Tus-Resumable", "1.0.0").raw(HttpMethod.HEAD, location, null, null)).hasStatus(401);
        assertThat(offset(head(owner, location))).isZero();
    }

    @Test
    void theWebUiUploadsWithItsSessionAndTheCsrfHeader() throws Exception {
        Member owner = workspaces.workspace("Tus web UI");
        MockHttpSession session = web.signIn(owner);
        byte[] file = randomBytes(12, 2500);

        MvcTestResult withoutToken = mvc.post().uri("/assets/uploads").session(session).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "2500").header("Upload-Metadata", metadata("filename", "ui.bin")).exchange();
        assertThat(withoutToken).hasStatus(403);

        MvcTestResult created = mvc.post().uri("/assets/uploads").session(session).with(csrf().asHeader())
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", "2500")
                .header("Upload-Metadata", metadata("filename", "ui.bin")).exchange();
        assertThat(created).hasStatus(201);
        String location = created.getResponse().getHeader("Location");
        assertThat(location).startsWith("/assets/uploads/");

        MvcTestResult appended = mvc.patch().uri(location).session(session).with(csrf().asHeader())
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0").contentType(OCTETS).content(file).exchange();
        assertThat(appended).hasStatus(204);
        String assetId = appended.getResponse().getHeader("Flightdeck-Asset-Id");
        MvcTestResult state = mvc.head().uri(location).session(session).header("Tus-Resumable", "1.0.0").exchange();
        assertThat(state).headers().hasValue("Flightdeck-Asset-Id", assetId);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/campaign-assets/" + assetId), "$.file.sha256"))
                .isEqualTo(sha256(file));
        assertThat(head(owner, BASE + "/" + location.substring(location.lastIndexOf('/') + 1)))
                .as("one upload, whichever door").hasStatusOk();
    }
}
