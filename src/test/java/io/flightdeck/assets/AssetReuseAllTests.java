package io.flightdeck.assets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetPlacement;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link AssetLibrary#reuseAll}, which a template uses to fill a new space: the live assets linked, archived and
 * already placed ones left out, an id named twice linked once, the space's counters moved once, and the
 * same number of queries for four assets as for one (no query per asset).
 */
@FlightdeckTest
class AssetReuseAllTests {

    private static final String ASSETS = "/api/v1/campaign-assets";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    AssetLibrary library;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    private String space(Member owner, String campaign, String name) {
        MvcTestResult space = api.as(owner).post("/api/v1/campaign-spaces", Map.of("campaignId", campaign,
                "name", name, "platform", "META"));
        assertThat(space).as(Json.body(space)).hasStatus(201);
        return Json.read(space, "$.id");
    }

    private List<UUID> placed(Member owner, String space) {
        List<String> ids = Json.read(api.as(owner).get(ASSETS + "/campaign-spaces/" + space + "/assets?size=50"),
                "$.items[*].id");
        return ids.stream().map(UUID::fromString).toList();
    }

    /** What the work read: the queries it ran and the entities and collections it loaded one at a time. */
    private record Reads(long queries, long entityFetches, long collectionFetches, long assetQueries,
            long assetFetches, String detail) {

        long total() {
            return queries + entityFetches;
        }
    }

    private Reads reads(Member owner, Runnable work) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            workspaces.as(owner, () -> {
                work.run();
                return null;
            });
            StringBuilder detail = new StringBuilder();
            long assetQueries = 0;
            for (String query : statistics.getQueries()) {
                long runs = statistics.getQueryStatistics(query).getExecutionCount();
                detail.append(query).append(" x").append(runs).append('\n');
                assetQueries += query.contains("Asset") ? runs : 0;
            }
            for (String entity : statistics.getEntityNames()) {
                long fetched = statistics.getEntityStatistics(entity).getFetchCount();
                if (fetched > 0) {
                    detail.append("fetched ").append(entity).append(" x").append(fetched).append('\n');
                }
            }
            for (String role : statistics.getCollectionRoleNames()) {
                long fetched = statistics.getCollectionStatistics(role).getFetchCount();
                if (fetched > 0) {
                    detail.append("fetched ").append(role).append(" x").append(fetched).append('\n');
                }
            }
            return new Reads(statistics.getQueryExecutionCount(), statistics.getEntityFetchCount(),
                    statistics.getCollectionFetchCount(), assetQueries,
                    statistics.getEntityStatistics("io.flightdeck.assets.domain.Asset").getFetchCount(), detail.toString());
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    @Test
    void theLiveAssetsAreLinkedOnceEachWithOneReadForThemAll() {
        Member owner = workspaces.workspace("Reuse all");
        String campaign = Json.read(api.as(owner).post("/api/v1/campaigns", Map.of("name", "Reuse launch",
                "type", "PRODUCT_LAUNCH")), "$.id");
        String source = space(owner, campaign, "Source");
        List<UUID> assets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MvcTestResult upload = api.as(owner).upload(ASSETS + "/campaign-spaces/" + source + "/assets",
                    "picture-" + i + ".png", AssetSamples.png(i + 1, 40 + i, 30), "title", "Picture " + i);
            assertThat(upload).as(Json.body(upload)).hasStatus(201);
            assets.add(UUID.fromString(Json.read(upload, "$.asset.id")));
        }
        // the uploads' own job (measuring each file) reads assets too: it is done before anything is counted
        for (UUID asset : assets) {
            await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                    Json.read(api.as(owner).get(ASSETS + "/" + asset), "$.file.derivedStatus")));
        }
        UUID archived = assets.get(4);
        assertThat(api.as(owner).delete(ASSETS + "/" + archived)).hasStatus2xxSuccessful();

        UUID campaignId = UUID.fromString(campaign);
        // one named twice and one archived
        List<UUID> named = List.of(assets.get(3), assets.get(1), assets.get(3), assets.get(0), archived, assets.get(2));
        // the counts are the whole application's and a job (the uploads' derived data) may run meanwhile: the least
        // of three tries, each into new spaces
        Reads forOne = null;
        Reads forMany = null;
        List<String> ones = new ArrayList<>();
        List<String> manys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ones.add(space(owner, campaign, "One " + i));
            Reads one = reads(owner, () -> library.reuseAll(List.of(assets.get(0)),
                    new AssetPlacement(campaignId, UUID.fromString(ones.get(ones.size() - 1))), "From a template"));
            manys.add(space(owner, campaign, "Many " + i));
            Reads many = reads(owner, () -> library.reuseAll(named,
                    new AssetPlacement(campaignId, UUID.fromString(manys.get(manys.size() - 1))), "From a template"));
            forOne = forOne == null || one.total() < forOne.total() ? one : forOne;
            forMany = forMany == null || many.total() < forMany.total() ? many : forMany;
        }
        // the application's own work (a job reading a space, say) may count as well: only the asset reads are compared
        assertThat(forMany.assetQueries()).as("no query per asset; one asset:\n%s\nfour:\n%s", forOne.detail(),
                forMany.detail()).isEqualTo(forOne.assetQueries());
        assertThat(forMany.assetFetches()).as("no asset loaded alone; one asset:\n%s\nfour:\n%s", forOne.detail(),
                forMany.detail()).isZero();

        String one = ones.get(0);
        String many = manys.get(0);
        assertThat(placed(owner, many)).as("the live ones, once each")
                .containsExactlyInAnyOrder(assets.get(0), assets.get(1), assets.get(2), assets.get(3));
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/campaign-spaces/" + many), "$.assetCount"))
                .isEqualTo(4);

        workspaces.as(owner, () -> {
            library.reuseAll(List.of(assets.get(0), assets.get(1)), new AssetPlacement(campaignId,
                    UUID.fromString(one)), "Again");
            return null;
        });
        assertThat(placed(owner, one)).as("the one already there is not linked twice")
                .containsExactlyInAnyOrder(assets.get(0), assets.get(1));
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/campaign-spaces/" + one), "$.assetCount"))
                .isEqualTo(2);
        assertThat((Integer) Json.read(api.as(owner).get(ASSETS + "/" + assets.get(0)), "$.reusedCount"))
                .as("once for each of the six spaces it went into, not again where it already was").isEqualTo(6);
    }
}
