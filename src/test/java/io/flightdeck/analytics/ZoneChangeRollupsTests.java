package io.flightdeck.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A workspace that changes its time zone has its days counted again: clicks in the hour from 23:00 UTC on 16 November
 * count on the 16th in UTC and on the 17th in Berlin (UTC+1), the day's fact on the date it names whatever the zone,
 * and the days made in the old zone are gone from the rollups, the weeks' too.
 */
@FlightdeckTest
class ZoneChangeRollupsTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewTimeZoneMovesHoursToTheNewZonesDays() {
        Member owner = workspaces.workspace("Zone change");
        assertThat(api.as(owner).put("/api/v1/workspace", Map.of("name", "Zone change", "timeZone", "UTC",
                "locale", "en-GB"))).hasStatusOk();
        String campaign = campaigns.create(owner, "Late night");
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", List.of(
                Map.of("source", "zone", "objectType", "ad", "objectId", "ad-1", "campaignId", campaign,
                        "channel", "SEARCH_ADS", "metric", "CLICKS", "granularity", "HOUR",
                        "periodStart", "2026-11-16T23:00:00Z", "value", 7),
                Map.of("source", "zone", "objectType", "ad", "objectId", "ad-1", "campaignId", campaign,
                        "channel", "SEARCH_ADS", "metric", "CONVERSIONS", "granularity", "DAY",
                        "periodStart", "2026-11-16T00:00:00Z", "value", 2))))).hasStatusOk();
        RolledUp.await(jdbc, owner);
        assertThat(days(owner, campaign)).isEqualTo("2026-11-16={CLICKS=7, CONVERSIONS=2} 2026-11-17={}");

        assertThat(api.as(owner).put("/api/v1/workspace", Map.of("name", "Zone change", "timeZone", "Europe/Berlin",
                "locale", "en-GB"))).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(days(owner, campaign))
                .isEqualTo("2026-11-16={CONVERSIONS=2} 2026-11-17={CLICKS=7}"));
        RolledUp.await(jdbc, owner);
        assertThat(jdbc.sql("select count(*) from analytics_rollups where tenant_id = ? and metric = 'CLICKS'")
                .param(owner.workspaceId()).query(Long.class).single()).as("the 17th and its week").isEqualTo(2);
    }

    private String days(Member owner, String campaign) {
        StringBuilder s = new StringBuilder();
        MvcTestResult range = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign
                + "/dashboard?from=2026-11-16&to=2026-11-17");
        List<Map<String, Object>> trend = Json.read(range, "$.trend");
        for (Map<String, Object> day : trend) {
            s.append(s.isEmpty() ? "" : " ").append(day.get("day")).append('=').append(day.get("values"));
        }
        return s.toString();
    }
}
