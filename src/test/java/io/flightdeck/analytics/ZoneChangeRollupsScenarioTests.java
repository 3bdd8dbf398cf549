package io.flightdeck.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.identity.WorkspaceTimeZoneChanged;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analytics' {@code ZoneChangeRollups} listener, fed by a {@link Scenario} in the shared context: a workspace that
 * changes its time zone (the real change, through the workspace API) has its campaigns' days handed to the rollups
 * job again, so clicks in the hour from 23:00 UTC on 16 November move from the 16th to the 17th in Berlin; delivered
 * again, it hands the same days over once more and the numbers stay as they are. The facts come through analytics'
 * API, in a workspace of the test's own.
 */
@FlightdeckTest
@EnableScenarios
class ZoneChangeRollupsScenarioTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    private Member owner;
    private String campaign;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Zone listener");
        assertThat(zone("UTC")).hasStatusOk();
        campaign = campaigns.create(owner, "Late night");
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", List.of(
                Map.of("source", "zone", "objectType", "ad", "objectId", "ad-1", "campaignId", campaign,
                        "channel", "SEARCH_ADS", "metric", "CLICKS", "granularity", "HOUR",
                        "periodStart", "2026-11-16T23:00:00Z", "value", 7),
                Map.of("source", "zone", "objectType", "ad", "objectId", "ad-1", "campaignId", campaign,
                        "channel", "SEARCH_ADS", "metric", "CONVERSIONS", "granularity", "DAY",
                        "periodStart", "2026-11-16T00:00:00Z", "value", 2))))).hasStatusOk();
        RolledUp.await(jdbc, owner);
        assertThat(days()).isEqualTo("2026-11-16={CLICKS=7, CONVERSIONS=2} 2026-11-17={}");
    }

    private MvcTestResult zone(String zone) {
        return api.as(owner).put("/api/v1/workspace", Map.of("name", "Zone listener", "timeZone", zone,
                "locale", "en-GB"));
    }

    /** The campaign's dashboard trend over the two days, as the API shows it. */
    private String days() {
        StringBuilder s = new StringBuilder();
        MvcTestResult range = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign
                + "/dashboard?from=2026-11-16&to=2026-11-17");
        List<Map<String, Object>> trend = Json.read(range, "$.trend");
        for (Map<String, Object> day : trend) {
            s.append(s.isEmpty() ? "" : " ").append(day.get("day")).append('=').append(day.get("values"));
        }
        return s.toString();
    }

    /** How often the rollups job has folded changes of the campaign in. */
    private long folds() {
        return jdbc.sql("select coalesce(max(folds), 0) from analytics_folds where tenant_id = ? and campaign_id = ?")
                .param(owner.workspaceId()).param(java.util.UUID.fromString(campaign)).query(Long.class).single();
    }

    private long clickRollups() {
        return jdbc.sql("select count(*) from analytics_rollups where tenant_id = ? and metric = 'CLICKS'")
                .param(owner.workspaceId()).query(Long.class).single();
    }

    @Test
    void aNewTimeZoneMovesHoursToTheNewZonesDays(Scenario scenario) {
        scenario.stimulate(transactions -> { // no transaction around it: the request opens its own
                    assertThat(zone("Europe/Berlin")).hasStatusOk();
                    return "Europe/Berlin";
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(this::days, "2026-11-16={CONVERSIONS=2} 2026-11-17={CLICKS=7}"::equals)
                .andVerify(days -> {
                    RolledUp.await(jdbc, owner);
                    assertThat(clickRollups()).as("the 17th and its week, the 16th's gone").isEqualTo(2);
                });
    }

    @Test
    void deliveredAgainItHandsTheSameDaysOverAndTheNumbersStay(Scenario scenario) {
        long folded = folds();
        long rollups = clickRollups();
        scenario.publish(new WorkspaceTimeZoneChanged(owner.workspaceId(), "Europe/Berlin", "UTC"))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(this::folds, folds -> folds > folded)
                .andVerify(folds -> {
                    RolledUp.await(jdbc, owner);
                    assertThat(days()).isEqualTo("2026-11-16={CLICKS=7, CONVERSIONS=2} 2026-11-17={}");
                    assertThat(clickRollups()).isEqualTo(rollups);
                });
    }
}
