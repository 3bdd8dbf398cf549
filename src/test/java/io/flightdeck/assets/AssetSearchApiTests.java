package io.flightdeck.assets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.assets.domain.AssetSearch;
import io.flightdeck.assets.domain.AssetSearchQuery;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asset search over REST: seed 001's filters, ranked full text, facet counts, sorting and paging, the index following
 * every write at once (uploads, edits, archive, reuse, hard delete), workspaces kept apart, roles, and the rebuild job.
 * Nothing here waits for the index: each search runs right after the write it checks was answered. The rebuild it
 * queues runs in this context, on the index it then searches: every other cached context is paused and takes no jobs.
 * Public so that {@code search/OpenSearchSearchTests} runs it on the Elasticsearch backend as well.
 */
@FlightdeckTest
public class AssetSearchApiTests {

    private static final String BASE = "/api/v1/campaign-assets";
    private static final String SEARCH = BASE + "/search";
    private static final String REBUILD = BASE + "/search-index/rebuild";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    AssetSearch search;
    @Autowired
    EntityManagerFactory entityManagers;

    private String space(Member owner, String campaignId, String name, String platform) {
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces",
                "{\"campaignId\":\"%s\",\"name\":\"%s\",\"platform\":\"%s\"}".formatted(campaignId, name, platform));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private String upload(Member as, String spaceId, String fileName, byte[] content, String... fields) {
        MvcTestResult created = api.as(as).upload(BASE + "/campaign-spaces/" + spaceId + "/assets", fileName, content, fields);
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.asset.id");
    }

    // MockMvc encodes the query string: tests write it as typed, spaces and quotes included

    /** Copy in the library (no space), with a title and a description. */
    private String copy(Member as, String name, String type, String title, String description, String... tags) {
        String tagList = tags.length == 0 ? "[]" : "[\"" + String.join("\",\"", tags) + "\"]";
        MvcTestResult created = api.as(as).post(BASE, """
                {"name":"%s","type":"%s","title":%s,"description":%s,"tags":%s}"""
                .formatted(name, type, quoted(title), quoted(description), tagList));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private MvcTestResult search(Member as, String query) {
        MvcTestResult result = api.as(as).get(SEARCH + (query.isEmpty() ? "" : "?" + query));
        assertThat(result).hasStatusOk();
        return result;
    }

    private List<String> ids(Member as, String query) {
        return Json.read(search(as, query), "$.items[*].id");
    }

    private static Map<String, Integer> facet(MvcTestResult result, String name) {
        List<Map<String, Object>> entries = Json.read(result, "$.facets." + name);
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        entries.forEach(entry -> counts.put((String) entry.get("value"), ((Number) entry.get("count")).intValue()));
        return counts;
    }

    @Test
    void filtersAreSeed001sPlusWhereAnAssetIsUsed() {
        Member owner = workspaces.workspace("Search filters");
        String campaign = campaigns.create(owner, "Filters");
        String meta = space(owner, campaign, "Filters – Meta", "META");
        String linkedIn = space(owner, campaign, "Filters – LinkedIn", "LINKEDIN");
        String hero = upload(owner, meta, "Summer-HERO.png", AssetSamples.png(101, 40, 30), "tags", "summer", "tags", "hero");
        String beach = upload(owner, linkedIn, "beach.jpg", AssetSamples.jpeg(102, 40, 30), "tags", "summer");
        String brief = upload(owner, meta, "brief.pdf", "%PDF-1.4\n%%EOF\n".getBytes(), "tags", "hero");
        String headline = copy(owner, "Summer headline", "HEADLINE", "Sun is out", null, "summer", "hero");
        String archived = copy(owner, "Old hero headline", "HEADLINE", "Gone", null, "summer", "hero");
        assertThat(api.as(owner).delete(BASE + "/" + archived)).hasStatus(204);

        assertThat(ids(owner, "")).containsExactlyInAnyOrder(hero, beach, brief, headline);
        assertThat(ids(owner, "type=IMAGE")).containsExactlyInAnyOrder(hero, beach);
        assertThat(ids(owner, "type=IMAGE&type=HEADLINE")).containsExactlyInAnyOrder(hero, beach, headline);
        assertThat(ids(owner, "tag=summer&tag=hero")).containsExactlyInAnyOrder(hero, headline);
        assertThat(ids(owner, "tag=summer")).containsExactlyInAnyOrder(hero, beach, headline);
        // the file name, any case, any part of it (long and short parts take different paths through the index)
        assertThat(ids(owner, "name=hero")).containsExactlyInAnyOrder(hero);
        assertThat(ids(owner, "name=MMER-H")).containsExactlyInAnyOrder(hero);
        assertThat(ids(owner, "name=ea")).containsExactlyInAnyOrder(beach, headline);
        assertThat(ids(owner, "name=.jpg")).containsExactly(beach);
        assertThat(ids(owner, "name=herox")).isEmpty();
        assertThat(ids(owner, "archived=true")).containsExactly(archived);
        assertThat(ids(owner, "spaceId=" + meta)).containsExactlyInAnyOrder(hero, brief);
        assertThat(ids(owner, "platform=LINKEDIN")).containsExactly(beach);
        assertThat(ids(owner, "platform=LINKEDIN&platform=META")).containsExactlyInAnyOrder(hero, beach, brief);
        assertThat(ids(owner, "campaignId=" + campaign)).containsExactlyInAnyOrder(hero, beach, brief);
        assertThat(ids(owner, "campaignId=" + campaign + "&type=IMAGE&tag=hero&platform=META")).containsExactly(hero);

        assertThat(api.as(owner).get(SEARCH + "?sort=sideways")).hasStatus(400);
        assertThat(api.as(owner).get(SEARCH + "?type=PICTURE")).hasStatus(400);
    }

    @Test
    void facetsCountEveryHitByTypeTagPlatformAndSpace() {
        Member owner = workspaces.workspace("Search facets");
        String campaign = campaigns.create(owner, "Facets");
        String meta = space(owner, campaign, "Facets – Meta", "META");
        String tiktok = space(owner, campaign, "Facets – TikTok", "TIKTOK");
        String first = upload(owner, meta, "one.png", AssetSamples.png(111, 20, 20), "tags", "autumn", "tags", "sale");
        upload(owner, meta, "two.png", AssetSamples.png(112, 20, 20), "tags", "autumn");
        upload(owner, tiktok, "three.png", AssetSamples.png(113, 20, 20), "tags", "sale");
        copy(owner, "Autumn line", "HEADLINE", "Leaves", null, "autumn");
        assertThat(api.as(owner).post(BASE + "/" + first + "/reuse", "{\"spaceId\":\"%s\"}".formatted(tiktok))).hasStatus(201);

        MvcTestResult all = search(owner, "size=1");

        assertThat((Integer) Json.read(all, "$.total")).isEqualTo(4);
        assertThat((List<?>) Json.read(all, "$.items")).hasSize(1);
        assertThat(facet(all, "type")).containsExactly(Map.entry("IMAGE", 3), Map.entry("HEADLINE", 1));
        assertThat(facet(all, "tag")).containsExactly(Map.entry("autumn", 3), Map.entry("sale", 2));
        // the reused picture is in both spaces, and counts once on each platform
        assertThat(facet(all, "platform")).containsOnly(Map.entry("META", 2), Map.entry("TIKTOK", 2));
        assertThat(facet(all, "space")).containsOnly(Map.entry(meta, 2), Map.entry(tiktok, 2));
        List<String> labels = Json.read(all, "$.facets.space[*].label");
        assertThat(labels).containsExactlyInAnyOrder("Facets – Meta", "Facets – TikTok");
        List<Object> typeLabels = Json.read(all, "$.facets.type[*].label");
        assertThat(typeLabels).isEmpty();

        MvcTestResult narrowed = search(owner, "tag=sale");
        assertThat(facet(narrowed, "type")).containsExactly(Map.entry("IMAGE", 2));
        assertThat(facet(narrowed, "tag")).containsOnly(Map.entry("sale", 2), Map.entry("autumn", 1));
        assertThat(facet(narrowed, "space")).containsOnly(Map.entry(meta, 1), Map.entry(tiktok, 2));
    }

    @Test
    void wordsAreRankedTitleFirstAndStemmed() {
        Member owner = workspaces.workspace("Search relevance");
        String inDescription = copy(owner, "Plain", "DESCRIPTION", "Weekend offer", "Shoes for running on trails");
        String inTitle = copy(owner, "Trail", "HEADLINE", "Run the trail", "New season");
        String unrelated = copy(owner, "Other", "HEADLINE", "Café opening", "Coffee and cake");

        assertThat(ids(owner, "q=run")).containsExactly(inTitle, inDescription);
        assertThat(ids(owner, "q=running")).containsExactly(inTitle, inDescription);
        assertThat(ids(owner, "q=runs&sort=newest")).containsExactly(inTitle, inDescription);
        // accents folded both ways, every word must match, a phrase is a phrase
        assertThat(ids(owner, "q=cafe")).containsExactly(unrelated);
        assertThat(ids(owner, "q=CAFÉ")).containsExactly(unrelated);
        assertThat(ids(owner, "q=trail shoes")).containsExactly(inDescription);
        assertThat(ids(owner, "q=\"running on trails\"")).containsExactly(inDescription);
        assertThat(ids(owner, "q=\"trails on\"")).isEmpty();
        assertThat(ids(owner, "q=shoe*")).containsExactly(inDescription);
        assertThat(ids(owner, "q=coffee -cake")).isEmpty();
        // a stray quote or operator is no error
        assertThat(ids(owner, "q=\"run")).containsExactly(inTitle, inDescription);
        assertThat(ids(owner, "q=run (")).containsExactly(inTitle, inDescription);
        assertThat(ids(owner, "q=nothing-like-this")).isEmpty();
    }

    @Test
    void newestFirstWithoutWordsAndPagedWithTheTotal() {
        Member owner = workspaces.workspace("Search paging");
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(copy(owner, "Line " + i, "HEADLINE", "Line number " + i, null));
        }
        List<String> newestFirst = new java.util.ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);

        MvcTestResult first = search(owner, "size=3");
        assertThat((Integer) Json.read(first, "$.total")).isEqualTo(7);
        assertThat((Integer) Json.read(first, "$.page")).isZero();
        assertThat((Integer) Json.read(first, "$.size")).isEqualTo(3);
        assertThat((List<String>) Json.read(first, "$.items[*].id")).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(ids(owner, "size=3&page=1")).containsExactlyElementsOf(newestFirst.subList(3, 6));
        assertThat(ids(owner, "size=3&page=2")).containsExactlyElementsOf(newestFirst.subList(6, 7));
        // a client paging on may leave the counts out
        MvcTestResult withoutFacets = search(owner, "size=3&page=1&facets=false");
        assertThat((Integer) Json.read(withoutFacets, "$.total")).isEqualTo(7);
        assertThat(Json.body(withoutFacets)).doesNotContain("facets");
        assertThat(ids(owner, "q=line&sort=newest&size=2")).containsExactlyElementsOf(newestFirst.subList(0, 2));
        // deep pages are refused rather than slow
        assertThat(api.as(owner).get(SEARCH + "?size=100&page=100")).hasStatus(400);
    }

    @Test
    void theIndexFollowsEveryWriteAtOnce() {
        Member owner = workspaces.workspace("Search follows writes");
        String campaign = campaigns.create(owner, "Follow");
        String meta = space(owner, campaign, "Follow – Meta", "META");
        String pinterest = space(owner, campaign, "Follow – Pinterest", "PINTEREST");
        String id = upload(owner, meta, "kite.png", AssetSamples.png(121, 30, 30), "title", "Kite festival");
        assertThat(ids(owner, "q=kite")).containsExactly(id);

        MvcTestResult edited = api.as(owner).put(BASE + "/" + id,
                "{\"name\":\"kite.png\",\"type\":\"IMAGE\",\"title\":\"Balloon parade\",\"tags\":[\"parade\"]}");
        assertThat(edited).hasStatusOk();
        assertThat(ids(owner, "q=kite")).isEmpty();
        assertThat(ids(owner, "q=balloons&tag=parade")).containsExactly(id);

        assertThat(api.as(owner).post(BASE + "/" + id + "/reuse", "{\"spaceId\":\"%s\"}".formatted(pinterest))).hasStatus(201);
        assertThat(ids(owner, "platform=PINTEREST")).containsExactly(id);
        assertThat(ids(owner, "spaceId=" + pinterest)).containsExactly(id);

        // the same bytes uploaded into another space link the asset there
        String tiktok = space(owner, campaign, "Follow – TikTok", "TIKTOK");
        MvcTestResult again = api.as(owner).upload(BASE + "/campaign-spaces/" + tiktok + "/assets", "kite-again.png",
                AssetSamples.png(121, 30, 30));
        assertThat(again).hasStatusOk();
        assertThat(ids(owner, "platform=TIKTOK")).containsExactly(id);

        // a space moved to another platform takes its assets along
        assertThat(api.as(owner).put("/api/v1/campaign-spaces/" + tiktok,
                "{\"campaignId\":\"%s\",\"name\":\"Follow – Snapchat\",\"platform\":\"SNAPCHAT\"}".formatted(campaign)))
                .hasStatusOk();
        assertThat(ids(owner, "platform=TIKTOK")).isEmpty();
        assertThat(ids(owner, "platform=SNAPCHAT")).containsExactly(id);

        assertThat(api.as(owner).delete(BASE + "/" + id)).hasStatus(204);
        assertThat(ids(owner, "q=balloon")).isEmpty();
        assertThat(ids(owner, "q=balloon&archived=true")).containsExactly(id);
        assertThat(api.as(owner).post(BASE + "/" + id + "/restore")).hasStatusOk();
        assertThat(ids(owner, "q=balloon")).containsExactly(id);

        assertThat(api.as(owner).delete(BASE + "/" + id + "?permanent=true")).hasStatus(204);
        assertThat(ids(owner, "q=balloon")).isEmpty();
        assertThat(ids(owner, "q=balloon&archived=true")).isEmpty();
    }

    @Test
    void anotherWorkspacesAssetsAreNeverFoundNorCounted() {
        Member owner = workspaces.workspace("Search tenancy");
        Member stranger = workspaces.workspace("Search stranger");
        String ours = copy(owner, "Ours", "HEADLINE", "Lighthouse tour", null, "coast");
        String theirCampaign = campaigns.create(stranger, "Theirs");
        String theirSpace = space(stranger, theirCampaign, "Theirs – Meta", "META");
        upload(stranger, theirSpace, "lighthouse.png", AssetSamples.png(131, 20, 20), "title", "Lighthouse", "tags", "coast");
        copy(stranger, "Theirs", "HEADLINE", "Lighthouse tour", null, "coast");

        MvcTestResult result = search(owner, "q=lighthouse");
        assertThat((List<String>) Json.read(result, "$.items[*].id")).containsExactly(ours);
        assertThat((Integer) Json.read(result, "$.total")).isEqualTo(1);
        assertThat(facet(result, "tag")).containsExactly(Map.entry("coast", 1));
        assertThat(facet(result, "platform")).isEmpty();
        assertThat(facet(result, "space")).isEmpty();
        // naming their space or campaign finds nothing either
        assertThat(ids(owner, "spaceId=" + theirSpace)).isEmpty();
        assertThat(ids(owner, "campaignId=" + theirCampaign)).isEmpty();
        assertThat(ids(stranger, "q=lighthouse")).hasSize(2).doesNotContain(ours);

        // outside any workspace scope the index answers nothing at all
        var everything = new AssetSearchQuery("lighthouse", null, null, null, null, null, null, null, null);
        assertThat(search.search(everything, 0, 20, true).total()).isZero();
        assertThat(TenantScope.call(owner.workspaceId(), () -> search.search(everything, 0, 20, true).total())).isEqualTo(1);
    }

    @Test
    void viewersSearchAndOnlyAdminsRebuild() {
        Member owner = workspaces.workspace("Search roles");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        String id = copy(owner, "Roles", "HEADLINE", "Visible to all", null);

        assertThat(ids(viewer, "q=visible")).containsExactly(id);
        assertThat(api.as(viewer).post(REBUILD)).hasStatus(403);
        assertThat(api.as(manager).post(REBUILD)).hasStatus(403);
        assertThat(api.as(manager).get(REBUILD)).hasStatus(403);
        assertThat(api.as(admin).get(REBUILD)).hasStatus(404);
        assertThat(api.anonymous().get(SEARCH)).hasStatus(401);
        assertThat(api.as(admin).post(REBUILD)).hasStatus(202);
        awaitRebuild(admin);
    }

    @Test
    void theRebuildJobReportsProgressAndEndsWithTheSameResults() {
        Member owner = workspaces.workspace("Search rebuild");
        String campaign = campaigns.create(owner, "Rebuild");
        String meta = space(owner, campaign, "Rebuild – Meta", "META");
        for (int i = 0; i < 3; i++) {
            upload(owner, meta, "picture-" + i + ".png", AssetSamples.png(140 + i, 20, 20), "tags", "set");
        }
        String line = copy(owner, "Rebuild line", "HEADLINE", "Running late", null, "set");
        String archived = copy(owner, "Archived line", "HEADLINE", "Running early", null);
        assertThat(api.as(owner).delete(BASE + "/" + archived)).hasStatus(204);
        String query = "tag=set&platform=META&size=50";
        // the hits and their counts, not the whole answer: the derived-data job may measure the pictures meanwhile
        MvcTestResult beforeResult = search(owner, query);
        List<String> before = Json.read(beforeResult, "$.items[*].id");
        Object facetsBefore = Json.read(beforeResult, "$.facets");
        assertThat(ids(owner, "q=run")).containsExactly(line);

        // the index loses the workspace's documents (a lost folder, a new cluster): searches find nothing
        TenantScope.run(owner.workspaceId(), () -> {
            var entityManager = entityManagers.createEntityManager();
            try {
                var workspace = Search.session(entityManager).workspace(Object.class);
                workspace.purge();
                // a search cluster shows the purge at its next refresh (OpenSearchSearchTests runs this there too)
                workspace.refresh();
            } finally {
                entityManager.close();
            }
        });
        assertThat(ids(owner, "")).isEmpty();

        MvcTestResult requested = api.as(owner).post(REBUILD);
        assertThat(requested).hasStatus(202);
        assertThat(requested).headers().hasValue("Location", REBUILD);
        assertThat((String) Json.read(requested, "$.status")).isIn("QUEUED", "RUNNING");
        // asking again while it is queued (the scheduler polls every second) answers the same rebuild
        String first = Json.read(requested, "$.id");
        assertThat((String) Json.read(api.as(owner).post(REBUILD), "$.id")).isEqualTo(first);

        MvcTestResult done = awaitRebuild(owner);
        assertThat((String) Json.read(done, "$.id")).isEqualTo(first);
        assertThat((Integer) Json.read(done, "$.entitiesTotal")).isEqualTo(5);
        assertThat((Integer) Json.read(done, "$.entitiesDone")).isEqualTo(5);
        assertThat((String) Json.read(done, "$.startedAt")).isNotNull();
        assertThat((String) Json.read(done, "$.finishedAt")).isNotNull();
        assertThat((String) Json.read(done, "$.requestedBy")).isEqualTo(owner.userId().toString());
        MvcTestResult after = search(owner, query);
        assertThat((List<String>) Json.read(after, "$.items[*].id")).isEqualTo(before);
        assertThat((Object) Json.read(after, "$.facets")).isEqualTo(facetsBefore);
        assertThat(ids(owner, "q=run")).containsExactly(line);
        assertThat(ids(owner, "archived=true")).containsExactly(archived);
    }

    /** Polls the rebuild until it has ended; it must succeed. */
    private MvcTestResult awaitRebuild(Member admin) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            MvcTestResult progress = api.as(admin).get(REBUILD);
            assertThat(progress).hasStatusOk();
            String status = Json.read(progress, "$.status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                assertThat(status).as(Json.body(progress)).isEqualTo("SUCCEEDED");
                return progress;
            }
            assertThat(Instant.now()).as("the rebuild ends within a minute").isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
