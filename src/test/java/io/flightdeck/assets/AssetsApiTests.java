package io.flightdeck.assets;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asset library over REST: uploads measured from their content, dedup (by bytes, by hash, or skipped), the
 * workspace's size limit, space counters (also under concurrent uploads and deletes), archive, restore, hard delete
 * keeping shared bytes, reuse, copy, edits, tenancy and roles.
 */
@FlightdeckTest
class AssetsApiTests {

    private static final String BASE = "/api/v1/campaign-assets";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;

    private String space(Member owner, String campaignId, String name) {
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces",
                "{\"campaignId\":\"%s\",\"name\":\"%s\",\"platform\":\"META\"}".formatted(campaignId, name));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private MvcTestResult upload(Member as, String spaceId, String fileName, byte[] content, String... fields) {
        return api.as(as).upload(BASE + "/campaign-spaces/" + spaceId + "/assets", fileName, content, fields);
    }

    private long counter(Member as, String spaceId, String field) {
        Number value = Json.read(api.as(as).get("/api/v1/campaign-spaces/" + spaceId + "/stats"), "$." + field);
        return value.longValue();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anUploadIsMeasuredFromItsContentAndCountsInItsSpace() throws Exception {
        Member owner = workspaces.workspace("Assets upload");
        String space = space(owner, campaigns.create(owner, "Spring"), "Spring – Meta");
        byte[] png = AssetSamples.png(1, 300, 200);

        MvcTestResult created = upload(owner, space, "hero.png", png, "title", "Hero", "tags", "spring", "tags", "hero");

        assertThat(created).hasStatus(201);
        assertThat(created).headers().containsHeader("Location").containsHeader("ETag");
        assertThat((String) Json.read(created, "$.asset.name")).isEqualTo("hero.png");
        assertThat((String) Json.read(created, "$.asset.type")).isEqualTo("IMAGE");
        assertThat((String) Json.read(created, "$.asset.file.mimeType")).isEqualTo("image/png");
        assertThat((String) Json.read(created, "$.asset.file.sha256")).isEqualTo(sha256(png));
        assertThat(((Number) Json.read(created, "$.asset.file.sizeBytes")).longValue()).isEqualTo(png.length);
        assertThat((List<String>) Json.read(created, "$.asset.tags")).containsExactly("hero", "spring");
        assertThat((Boolean) Json.read(created, "$.duplicate")).isFalse();
        assertThat(counter(owner, space, "assetCount")).isEqualTo(1);
        assertThat(counter(owner, space, "totalAssetSizeBytes")).isEqualTo(png.length);

        String id = Json.read(created, "$.asset.id");
        MvcTestResult read = api.as(owner).get(BASE + "/" + id);
        assertThat(read).hasStatusOk();
        assertThat((String) Json.read(read, "$.spaceId")).isEqualTo(space);
        List<String> inSpace = Json.read(api.as(owner).get(BASE + "/campaign-spaces/" + space + "/assets"), "$.items[*].id");
        assertThat(inSpace).containsExactly(id);
    }

    @Test
    void anExecutableNamedLikeAPictureIsTypedByItsContent() {
        Member owner = workspaces.workspace("Assets typing");
        String space = space(owner, campaigns.create(owner, "Typing"), "Typing – Meta");

        MvcTestResult created = upload(owner, space, "holiday.png", AssetSamples.elfExecutable());

        assertThat(created).hasStatus(201);
        assertThat((String) Json.read(created, "$.asset.file.mimeType")).isNotEqualTo("image/png").contains("executable");
        assertThat((String) Json.read(created, "$.asset.type")).isEqualTo("OTHER");
    }

    @Test
    void theSameBytesUnderAnotherNameAreTheSameAssetLinkedIntoTheNewSpace() {
        Member owner = workspaces.workspace("Assets dedup");
        String campaign = campaigns.create(owner, "Dedup");
        String first = space(owner, campaign, "Dedup – Meta");
        String second = space(owner, campaign, "Dedup – LinkedIn");
        byte[] jpeg = AssetSamples.jpeg(2, 320, 240);
        String id = Json.read(upload(owner, first, "beach.jpg", jpeg), "$.asset.id");

        MvcTestResult again = upload(owner, second, "beach-copy-final.jpg", jpeg);

        assertThat(again).hasStatusOk();
        assertThat((Boolean) Json.read(again, "$.duplicate")).isTrue();
        assertThat((Boolean) Json.read(again, "$.linked")).isTrue();
        assertThat((String) Json.read(again, "$.asset.id")).isEqualTo(id);
        assertThat((Integer) Json.read(again, "$.asset.reusedCount")).isEqualTo(1);
        assertThat(counter(owner, second, "assetCount")).isEqualTo(1);
        assertThat(counter(owner, second, "totalAssetSizeBytes")).isEqualTo(jpeg.length);

        MvcTestResult sameSpace = upload(owner, second, "beach.jpg", jpeg);
        assertThat(sameSpace).hasStatusOk();
        assertThat((Boolean) Json.read(sameSpace, "$.linked")).isFalse();
        assertThat(counter(owner, second, "assetCount")).isEqualTo(1);

        MvcTestResult skipped = upload(owner, second, "beach-variant.jpg", jpeg, "skipDuplicateCheck", "true");
        assertThat(skipped).hasStatus(201);
        assertThat((String) Json.read(skipped, "$.asset.id")).isNotEqualTo(id);
        assertThat(counter(owner, second, "assetCount")).isEqualTo(2);

        List<String> uses = Json.read(api.as(owner).get(BASE + "/" + id + "/uses"), "$.items[*].kind");
        assertThat(uses).containsExactly("ORIGIN", "REUSE");
    }

    @Test
    void aClientThatKnowsTheHashSendsNoBytesTheWorkspaceAlreadyHas() throws Exception {
        Member owner = workspaces.workspace("Assets by hash");
        String campaign = campaigns.create(owner, "Hash");
        String space = space(owner, campaign, "Hash – Meta");
        byte[] png = AssetSamples.png(3, 200, 200);
        String id = Json.read(upload(owner, space, "logo.png", png), "$.asset.id");
        String other = space(owner, campaign, "Hash – TikTok");

        MvcTestResult known = api.as(owner).post(BASE + "/by-hash",
                "{\"sha256\":\"%s\",\"fileName\":\"logo.png\",\"spaceId\":\"%s\"}".formatted(sha256(png), other));
        assertThat(known).hasStatusOk();
        assertThat((String) Json.read(known, "$.asset.id")).isEqualTo(id);
        assertThat(counter(owner, other, "assetCount")).isEqualTo(1);

        MvcTestResult unknown = api.as(owner).post(BASE + "/by-hash",
                "{\"sha256\":\"%s\",\"fileName\":\"new.png\",\"spaceId\":\"%s\"}".formatted(sha256(new byte[] {1, 2, 3}), other));
        assertThat(unknown).hasStatus(404);
        assertThat((String) Json.read(unknown, "$.type")).endsWith("/content-unknown");

        MvcTestResult malformed = api.as(owner).post(BASE + "/by-hash", "{\"sha256\":\"ABC\",\"fileName\":\"x.png\"}");
        assertThat(malformed).hasStatus(400);
    }

    @Test
    void anUploadOverTheWorkspacesLimitIs413AndLeavesNothing() {
        Member owner = workspaces.workspace("Assets limit");
        String space = space(owner, campaigns.create(owner, "Limit"), "Limit – Meta");
        assertThat(api.as(owner).put("/api/v1/asset-settings", "{\"maxUploadBytes\":2048,\"similarityThreshold\":10}"))
                .hasStatusOk();

        MvcTestResult tooLarge = upload(owner, space, "big.bin", new byte[4096]);

        assertThat(tooLarge).hasStatus(413);
        assertThat((String) Json.read(tooLarge, "$.type")).endsWith("/payload-too-large");
        assertThat(((Number) Json.read(tooLarge, "$.limitBytes")).longValue()).isEqualTo(2048);
        assertThat((Integer) Json.read(api.as(owner).get(BASE + "/assets"), "$.total")).isZero();
        assertThat(counter(owner, space, "assetCount")).isZero();
        assertThat(upload(owner, space, "small.bin", new byte[1024])).hasStatus(201);
    }

    @Test
    void aRawBodyUploadStreamsInOnePassAndIsRefusedByItsDeclaredLength() throws Exception {
        Member owner = workspaces.workspace("Assets raw upload");
        byte[] jpeg = AssetSamples.jpeg(12, 200, 120);
        MvcTestResult created = api.as(owner).header("Content-Type", "application/octet-stream")
                .post(BASE + "/assets?name=raw.jpg&tags=raw", jpeg);
        assertThat(created).hasStatus(201);
        assertThat((String) Json.read(created, "$.asset.file.sha256")).isEqualTo(sha256(jpeg));
        assertThat((String) Json.read(created, "$.asset.type")).isEqualTo("IMAGE");
        assertThat(api.as(owner).header("Content-Type", "application/octet-stream").post(BASE + "/assets?name=e.bin", new byte[0]))
                .hasStatus(400);
        assertThat(api.as(owner).header("Content-Type", "application/octet-stream").post(BASE + "/assets", jpeg))
                .hasStatus(400);

        assertThat(api.as(owner).put("/api/v1/asset-settings", "{\"maxUploadBytes\":2048,\"similarityThreshold\":8}"))
                .hasStatusOk();
        MvcTestResult tooLarge = api.as(owner).header("Content-Type", "application/octet-stream")
                .post(BASE + "/assets?name=big.bin", new byte[4096]);
        assertThat(tooLarge).hasStatus(413);
        assertThat((Integer) Json.read(api.as(owner).get(BASE + "/assets"), "$.total")).isEqualTo(1);
    }

    @Test
    void settingsAreForAdminsAndValidated() {
        Member owner = workspaces.workspace("Assets settings");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        assertThat(api.as(manager).put("/api/v1/asset-settings", "{\"maxUploadBytes\":4096,\"similarityThreshold\":8}"))
                .hasStatus(403);
        assertThat(api.as(owner).put("/api/v1/asset-settings", "{\"maxUploadBytes\":10,\"similarityThreshold\":8}"))
                .hasStatus(400);
        assertThat(api.as(owner).put("/api/v1/asset-settings", "{\"maxUploadBytes\":4096,\"similarityThreshold\":64}"))
                .hasStatus(400);
        MvcTestResult read = api.as(manager).get("/api/v1/asset-settings");
        assertThat(read).hasStatusOk();
        assertThat((Integer) Json.read(read, "$.similarityThreshold")).isEqualTo(8);
    }

    @Test
    void archiveRestoreAndHardDeleteKeepCountersAndSharedBytesRight() throws Exception {
        Member owner = workspaces.workspace("Assets delete");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String space = space(owner, campaigns.create(owner, "Delete"), "Delete – Meta");
        byte[] png = AssetSamples.png(4, 120, 90);
        String first = Json.read(upload(owner, space, "a.png", png), "$.asset.id");
        String twin = Json.read(upload(owner, space, "b.png", png, "skipDuplicateCheck", "true"), "$.asset.id");
        assertThat(counter(owner, space, "assetCount")).isEqualTo(2);

        assertThat(api.as(contributor).delete(BASE + "/" + first)).hasStatus(204);
        assertThat(counter(owner, space, "assetCount")).isEqualTo(1);
        assertThat(counter(owner, space, "totalAssetSizeBytes")).isEqualTo(png.length);
        assertThat(api.as(contributor).delete(BASE + "/" + first)).hasStatus(409);
        List<String> live = Json.read(api.as(owner).get(BASE + "/assets"), "$.items[*].id");
        assertThat(live).containsExactly(twin);
        List<String> archived = Json.read(api.as(owner).get(BASE + "/assets?archived=true"), "$.items[*].id");
        assertThat(archived).containsExactly(first);
        assertThat(api.as(contributor).put(BASE + "/" + first, "{\"name\":\"x\",\"type\":\"IMAGE\"}")).hasStatus(409);

        assertThat(api.as(contributor).post(BASE + "/" + first + "/restore")).hasStatusOk();
        assertThat(counter(owner, space, "assetCount")).isEqualTo(2);
        assertThat(api.as(contributor).post(BASE + "/" + first + "/restore")).hasStatus(409);

        assertThat(api.as(contributor).delete(BASE + "/" + first + "?permanent=true")).hasStatus(403);
        assertThat(api.as(manager).delete(BASE + "/" + first + "?permanent=true")).hasStatus(204);
        assertThat(api.as(owner).get(BASE + "/" + first)).hasStatus(404);
        assertThat(counter(owner, space, "assetCount")).isEqualTo(1);
        // the twin still shows the same bytes, so they are still there
        String byHash = "{\"sha256\":\"%s\",\"fileName\":\"c.png\"}".formatted(sha256(png));
        assertThat(api.as(owner).post(BASE + "/by-hash", byHash)).hasStatusOk();

        assertThat(api.as(manager).delete(BASE + "/" + twin + "?permanent=true")).hasStatus(204);
        assertThat(counter(owner, space, "assetCount")).isZero();
        assertThat(counter(owner, space, "totalAssetSizeBytes")).isZero();
        assertThat(api.as(owner).post(BASE + "/by-hash", byHash)).hasStatus(404);
    }

    @Test
    void reuseIsRecordedWithItsContextAndOncePerPlace() {
        Member owner = workspaces.workspace("Assets reuse");
        String space = space(owner, campaigns.create(owner, "Summer"), "Summer – Meta");
        String autumn = campaigns.create(owner, "Autumn");
        String autumnSpace = space(owner, autumn, "Autumn – Meta");
        String id = Json.read(upload(owner, space, "hero.jpg", AssetSamples.jpeg(5, 200, 100)), "$.asset.id");

        MvcTestResult reused = api.as(owner).post(BASE + "/" + id + "/reuse",
                "{\"spaceId\":\"%s\",\"context\":\"Autumn hero\"}".formatted(autumnSpace));
        assertThat(reused).hasStatus(201);
        assertThat((String) Json.read(reused, "$.campaignId")).isEqualTo(autumn);
        assertThat((String) Json.read(reused, "$.context")).isEqualTo("Autumn hero");
        assertThat(api.as(owner).post(BASE + "/" + id + "/reuse", "{\"spaceId\":\"%s\"}".formatted(autumnSpace)))
                .hasStatus(409);
        assertThat(api.as(owner).post(BASE + "/" + id + "/reuse", "{\"context\":\"nowhere\"}")).hasStatus(400);
        assertThat(api.as(owner).post(BASE + "/" + id + "/reuse", "{\"campaignId\":\"%s\"}".formatted(autumn)))
                .hasStatus(201);

        MvcTestResult asset = api.as(owner).get(BASE + "/" + id);
        assertThat((Integer) Json.read(asset, "$.reusedCount")).isEqualTo(2);
        assertThat((String) Json.read(asset, "$.lastReusedAt")).isNotNull();
        assertThat(counter(owner, autumnSpace, "assetCount")).isEqualTo(1);
        List<String> used = Json.read(api.as(owner).get(BASE + "/assets?campaignId=" + autumn), "$.items[*].id");
        assertThat(used).containsExactly(id);

        assertThat(api.as(owner).delete(BASE + "/" + id)).hasStatus(204);
        assertThat(counter(owner, autumnSpace, "assetCount")).isZero();
        assertThat(api.as(owner).post(BASE + "/" + id + "/reuse", "{\"campaignId\":\"%s\"}".formatted(campaigns.create(owner, "Winter"))))
                .hasStatus(409);
    }

    @Test
    void copyIsAnAssetWithoutAFileAndEditsKeepFilesAndCopyApart() {
        Member owner = workspaces.workspace("Assets copy");
        String space = space(owner, campaigns.create(owner, "Copy"), "Copy – Meta");
        MvcTestResult copy = api.as(owner).post(BASE, """
                {"spaceId":"%s","name":"Summer headline","type":"HEADLINE","headline":"Up to 40 %% off",
                 "tags":["summer"],"rights":{"licence":"Own work","allowedChannels":["INSTAGRAM"]}}""".formatted(space));
        assertThat(copy).hasStatus(201);
        assertThat((Object) Json.read(copy, "$.file")).isNull();
        assertThat((List<String>) Json.read(copy, "$.rights.allowedChannels")).containsExactly("INSTAGRAM");
        assertThat(counter(owner, space, "assetCount")).isEqualTo(1);
        assertThat(api.as(owner).post(BASE, "{\"name\":\"Not copy\",\"type\":\"IMAGE\"}")).hasStatus(400);
        assertThat(api.as(owner).post(BASE, "{\"name\":\"\",\"type\":\"HEADLINE\"}")).hasStatus(400);

        String fileId = Json.read(upload(owner, space, "photo.png", AssetSamples.png(6, 50, 50)), "$.asset.id");
        MvcTestResult read = api.as(owner).get(BASE + "/" + fileId);
        String etag = read.getResponse().getHeader("ETag");
        assertThat(api.as(owner).put(BASE + "/" + fileId, "{\"name\":\"photo\",\"type\":\"HEADLINE\"}")).hasStatus(409);
        MvcTestResult edited = api.as(owner).ifMatch(etag).put(BASE + "/" + fileId, """
                {"name":"Beach photo","type":"IMAGE","title":"Beach","tags":["beach"],
                 "rights":{"licence":"Stock, 1 year","holder":"Stockhouse","credit":"Photo: Stockhouse","expiresOn":"2027-06-30"}}""");
        assertThat(edited).hasStatusOk();
        assertThat((String) Json.read(edited, "$.rights.expiresOn")).isEqualTo("2027-06-30");
        assertThat(api.as(owner).ifMatch(etag).put(BASE + "/" + fileId, "{\"name\":\"x\",\"type\":\"IMAGE\"}")).hasStatus(412);
        assertThat(api.as(owner).put(BASE + "/" + fileId, "{\"name\":\"x\",\"type\":\"IMAGE\",\"tags\":["
                + "\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"15\",\"16\","
                + "\"17\",\"18\",\"19\",\"20\",\"21\"]}")).hasStatus(400);
    }

    @Test
    void badUploadsAreRefusedBeforeAnythingIsStored() {
        Member owner = workspaces.workspace("Assets bad uploads");
        String space = space(owner, campaigns.create(owner, "Bad"), "Bad – Meta");
        assertThat(upload(owner, space, "empty.png", new byte[0])).hasStatus(400);
        assertThat(upload(owner, space, "a.png", AssetSamples.png(7, 10, 10), "type", "HEADLINE")).hasStatus(400);
        assertThat(upload(owner, space, "a.png", AssetSamples.png(7, 10, 10), "type", "PICTURE")).hasStatus(400);
        assertThat(upload(owner, "00000000-0000-7000-8000-000000000000", "a.png", AssetSamples.png(7, 10, 10))).hasStatus(404);
        assertThat(counter(owner, space, "assetCount")).isZero();

        assertThat(api.as(owner).delete("/api/v1/campaign-spaces/" + space)).hasStatus(204);
        MvcTestResult archivedSpace = upload(owner, space, "a.png", AssetSamples.png(7, 10, 10));
        assertThat(archivedSpace).hasStatus(409);
        assertThat((Integer) Json.read(api.as(owner).get(BASE + "/assets"), "$.total")).isZero();
    }

    @Test
    void anotherWorkspaceFindsNothingAndViewersOnlyRead() throws Exception {
        Member owner = workspaces.workspace("Assets tenancy");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member stranger = workspaces.workspace("Assets stranger");
        String space = space(owner, campaigns.create(owner, "Private"), "Private – Meta");
        byte[] png = AssetSamples.png(8, 64, 64);
        String id = Json.read(upload(owner, space, "secret.png", png), "$.asset.id");

        assertThat(api.as(stranger).get(BASE + "/" + id)).hasStatus(404);
        assertThat(api.as(stranger).get(BASE + "/" + id + "/uses")).hasStatus(404);
        assertThat(api.as(stranger).put(BASE + "/" + id, "{\"name\":\"x\",\"type\":\"IMAGE\"}")).hasStatus(404);
        assertThat(api.as(stranger).delete(BASE + "/" + id)).hasStatus(404);
        assertThat(api.as(stranger).post(BASE + "/" + id + "/restore")).hasStatus(404);
        assertThat(api.as(stranger).get(BASE + "/campaign-spaces/" + space + "/assets")).hasStatus(404);
        assertThat(upload(stranger, space, "x.png", png)).hasStatus(404);
        assertThat((Integer) Json.read(api.as(stranger).get(BASE + "/assets"), "$.total")).isZero();
        // knowing the hash of another workspace's file gets a stranger nothing
        assertThat(api.as(stranger).post(BASE + "/by-hash", "{\"sha256\":\"%s\",\"fileName\":\"x.png\"}".formatted(sha256(png))))
                .hasStatus(404);
        String strangerCampaign = campaigns.create(stranger, "Theirs");
        assertThat(api.as(owner).post(BASE + "/" + id + "/reuse", "{\"campaignId\":\"%s\"}".formatted(strangerCampaign)))
                .hasStatus(404);

        assertThat(api.as(viewer).get(BASE + "/" + id)).hasStatusOk();
        assertThat(upload(viewer, space, "v.png", AssetSamples.png(9, 10, 10))).hasStatus(403);
        assertThat(api.as(viewer).delete(BASE + "/" + id)).hasStatus(403);
        assertThat(api.as(viewer).post(BASE + "/" + id + "/reuse", "{\"campaignId\":\"%s\"}".formatted(campaigns.create(owner, "Other"))))
                .hasStatus(403);
    }

    @Test
    void countersStayRightUnderConcurrentUploadsAndDeletes() throws Exception {
        Member owner = workspaces.workspace("Assets concurrency");
        String space = space(owner, campaigns.create(owner, "Busy"), "Busy – Meta");
        List<String> early = new ArrayList<>();
        long earlyBytes = 0;
        for (int i = 0; i < 6; i++) {
            byte[] png = AssetSamples.png(100 + i, 64, 64);
            early.add(Json.read(upload(owner, space, "early-" + i + ".png", png), "$.asset.id"));
            earlyBytes += png.length;
        }
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add(AssetSamples.png(200 + i, 64, 64));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                byte[] content = files.get(i);
                String name = "late-" + i + ".png";
                work.add(() -> upload(owner, space, name, content).getResponse().getStatus());
            }
            for (String id : early.subList(0, 3)) {
                work.add(() -> api.as(owner).delete(BASE + "/" + id).getResponse().getStatus());
            }
            // the same new bytes from two uploads at once end as one asset
            byte[] twin = AssetSamples.png(300, 64, 64);
            work.add(() -> upload(owner, space, "twin-a.png", twin).getResponse().getStatus());
            work.add(() -> upload(owner, space, "twin-b.png", twin).getResponse().getStatus());
            for (Future<Integer> done : pool.invokeAll(work)) {
                assertThat(done.get()).isIn(200, 201, 204);
            }
            long liveBytes = files.stream().mapToLong(f -> f.length).sum() + twin.length;
            for (int i = 3; i < 6; i++) {
                liveBytes += AssetSamples.png(100 + i, 64, 64).length;
            }
            List<String> live = Json.read(api.as(owner).get(BASE + "/campaign-spaces/" + space + "/assets?size=100"), "$.items[*].id");
            assertThat(live).hasSize(12 + 1 + 3);
            assertThat(counter(owner, space, "assetCount")).isEqualTo(16);
            assertThat(counter(owner, space, "totalAssetSizeBytes")).isEqualTo(liveBytes);
            assertThat(earlyBytes).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }
}
