package io.flightdeck.assets;

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

    /** The JPQL and SQL queries the work ran (inserts and updates of rows are not queries). */
    private long queries(Member owner, Runnable work) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            workspaces.as(owner, () -> {
                work.run();
                return null;
            });
            return statistics.getQueryExecutionCount() + statistics.getEntityFetchCount();
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    @Test
    void liveAssetsAreLinkedInOrderWithOneReadForThemAll() {
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
        UUID archived = assets.get(4);
        assertThat(api.as(owner).delete(ASSETS + "/" + archived)).hasStatus2xxSuccessful();

        UUID campaignId = UUID.fromString(campaign);
        String one = space(owner, campaign, "One");
        long forOne = queries(owner, () -> library.reuseAll(List.of(assets.get(0)),
                new AssetPlacement(campaignId, UUID.fromString(one)), "From a template"));
        String many = space(owner, campaign, "Many");
        // one named twice and one archived
        List<UUID> named = List.of(assets.get(3), assets.get(1), assets.get(3), assets.get(0), archived, assets.get(2));
        long forMany = queries(owner, () -> library.reuseAll(named,
                new AssetPlacement(campaignId, UUID.fromString(many)), "From a template"));
        assertThat(forMany).as("no query per asset").isEqualTo(forOne);

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
                .isEqualTo(2);
    }
}
