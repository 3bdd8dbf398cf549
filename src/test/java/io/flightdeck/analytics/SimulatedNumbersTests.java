package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox network's made-up numbers (source {@code sandbox}) show marked on the dashboard, the workspace summary
 * and the report, and stay out of what guidance learns from (campaign totals, channel results, a campaign's results beside
 * the others'), while measured numbers of the same campaign stay in; in the demo workspace guidance uses them.
 */
@FlightdeckTest
class SimulatedNumbersTests {

    private static final Instant HOUR = Instant.parse("2026-11-16T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-16");

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MetricFacts facts;
    @Autowired
    CampaignTotals totals;
    @Autowired
    ChannelResults channelResults;
    @Autowired
    CampaignResults campaignResults;

    @Test
    void madeUpNumbersAreMarkedWhereTheyShowAndLeftOutOfGuidance() {
        Member owner = workspaces.workspace("Simulated numbers");
        UUID campaign = UUID.fromString(campaigns.create(owner, "Sandbox launch"));
        UUID other = UUID.fromString(campaigns.create(owner, "Measured launch"));
        write(owner, campaign, other);

        MvcTestResult dashboard = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign
                + "/dashboard?from=2026-11-16&to=2026-11-16");
        assertThat(Json.<List<String>>read(dashboard, "$.simulatedChannels")).containsExactly("LINKEDIN");
        // the dashboard shows every number, the made-up ones included, marked
        assertThat(Json.<Number>read(dashboard, "$.totals.impressions.value").longValue()).isEqualTo(1500);
        String page = web.page(web.signIn(owner), "/analytics/campaigns/" + campaign
                + "?from=2026-11-16&to=2026-11-16");
        assertThat(page).contains("Simulated numbers: the sandbox network made up its posts&#39; numbers (LinkedIn)",
                "Recommendations, predictions and the track record leave them out.", ">simulated</span>");
        MvcTestResult measured = api.as(owner).get("/api/v1/analytics/campaigns/" + other
                + "/dashboard?from=2026-11-16&to=2026-11-16");
        assertThat(Json.<List<String>>read(measured, "$.simulatedChannels")).isEmpty();
        MvcTestResult summary = api.as(owner).get("/api/v1/analytics/campaigns/all/summary?from=2026-11-16"
                + "&to=2026-11-16");
        assertThat(Json.<List<Boolean>>read(summary, "$.campaigns.items[?(@.name == 'Sandbox launch')].simulated"))
                .containsExactly(true);
        assertThat(Json.<List<Boolean>>read(summary, "$.campaigns.items[?(@.name == 'Measured launch')].simulated"))
                .containsExactly(false);
        MvcTestResult report = api.as(owner).post("/api/v1/analytics/campaigns/" + campaign + "/report", Map.of(
                "kind", "SUMMARY", "format", "JSON", "from", "2026-11-16", "to", "2026-11-16"));
        assertThat(Json.<String>read(report, "$.sentences[0]"))
                .startsWith("Simulated numbers: the sandbox network made up its posts' numbers (LinkedIn)");

        workspaces.as(owner, () -> {
            // a campaign with made-up numbers has no totals to learn from; a measured one keeps its own
            assertThat(totals.through(Map.of(campaign, DAY, other, DAY))).containsOnlyKeys(other);
            // per channel, the measured channel of the same campaign stays
            assertThat(channelResults.of(List.of(campaign, other)).get(campaign))
                    .extracting(r -> r.channel().name()).containsExactly("SEARCH_ADS");
            assertThat(campaignResults.byChannel(campaign, "EUR")).extracting(CampaignResults.ChannelResult::channel)
                    .containsExactly("SEARCH_ADS");
            // the other campaign is compared with measured numbers only: the sandbox's LinkedIn is not its baseline
            assertThat(campaignResults.byChannel(other, "EUR")).singleElement()
                    .satisfies(r -> assertThat(r.othersImpressions()).isEqualTo(500));
            assertThat(campaignResults.perObjectDay(campaign, "post")).isEmpty();
            return null;
        });
    }

    @Test
    void theDemoWorkspaceLearnsFromItsSimulatedNumbers() {
        Member owner = workspaces.workspace("Simulated demo");
        jdbc.sql("update workspaces set demo = true where id = ?").param(owner.workspaceId()).update();
        UUID campaign = UUID.fromString(campaigns.create(owner, "Demo launch"));
        UUID other = UUID.fromString(campaigns.create(owner, "Demo other"));
        write(owner, campaign, other);
        String page = web.page(web.signIn(owner), "/analytics/campaigns/" + campaign
                + "?from=2026-11-16&to=2026-11-16");
        assertThat(page).contains("This demo workspace&#39;s recommendations and prediction use them");
        workspaces.as(owner, () -> {
            assertThat(totals.through(Map.of(campaign, DAY, other, DAY))).containsOnlyKeys(campaign, other);
            assertThat(channelResults.of(List.of(campaign)).get(campaign)).extracting(r -> r.channel().name())
                    .containsExactly("LINKEDIN", "SEARCH_ADS");
            assertThat(campaignResults.perObjectDay(campaign, "post")).hasSize(1);
            return null;
        });
    }

    @Test
    void nobodyOutsideWritesTheSandboxsNumbers() {
        Member owner = workspaces.workspace("Simulated ingest");
        String campaign = campaigns.create(owner, "Ingest");
        MvcTestResult refused = api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", List.of(Map.of(
                "source", "sandbox", "objectType", "post", "objectId", "p-1", "campaignId", campaign,
                "channel", "LINKEDIN", "metric", "CLICKS", "granularity", "DAY", "periodStart", "2026-11-16T00:00:00Z",
                "value", 5))));
        assertThat(refused).hasStatus(400).bodyText().contains("Flightdeck writes the sandbox facts itself");
    }

    /** The campaign: a sandbox post on LinkedIn (made up) and an ad on search (measured); the other: search only. */
    private void write(Member owner, UUID campaign, UUID other) {
        workspaces.as(owner, () -> {
            facts.upsert(List.of(
                    MetricFact.hourly(SimulatedNumbers.SANDBOX, "post", UUID.randomUUID().toString(), campaign,
                            "LINKEDIN", Metric.IMPRESSIONS, HOUR, 1000),
                    new MetricFact("google-ads", "ad", "ad-1", campaign, "SEARCH_ADS", Metric.IMPRESSIONS,
                            Granularity.DAY, DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                            BigDecimal.valueOf(500), null),
                    new MetricFact("google-ads", "ad", "ad-2", other, "SEARCH_ADS", Metric.IMPRESSIONS,
                            Granularity.DAY, DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                            BigDecimal.valueOf(500), null)));
            return null;
        });
        RolledUp.await(jdbc, owner);
    }
}
