package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
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
 * The campaign dashboard on numbers worked out by hand: a week (16 to 22 November) beside the week before, two
 * channels, spend and revenue in euros and a little spend in dollars. Totals, rates from sums, money per currency with
 * cost per acquisition, return on ad spend and ROI, the change against the week before (absent where the week before
 * had nothing), channels, the daily trend; days outside both weeks left out. Another workspace gets 404; a viewer
 * reads; a range backwards or over a year is refused.
 */
@FlightdeckTest
class CampaignDashboardApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDashboardShowsTheWeekBesideTheWeekBefore() {
        Member owner = workspaces.workspace("Dashboard");
        String campaign = campaigns.create(owner, "Winter sale");
        List<Map<String, Object>> facts = new ArrayList<>();
        // this week
        facts.add(fact(campaign, "SEARCH_ADS", "IMPRESSIONS", "2026-11-16", "1000", null));
        facts.add(fact(campaign, "SEARCH_ADS", "CLICKS", "2026-11-16", "50", null));
        facts.add(fact(campaign, "SEARCH_ADS", "CONVERSIONS", "2026-11-17", "5", null));
        facts.add(fact(campaign, "SEARCH_ADS", "SPEND", "2026-11-16", "100.00", "EUR"));
        facts.add(fact(campaign, "SEARCH_ADS", "REVENUE", "2026-11-18", "250.00", "EUR"));
        facts.add(fact(campaign, "LINKEDIN", "IMPRESSIONS", "2026-11-20", "3000", null));
        facts.add(fact(campaign, "LINKEDIN", "CLICKS", "2026-11-20", "30", null));
        facts.add(fact(campaign, "LINKEDIN", "SPEND", "2026-11-21", "20", "USD"));
        // the week before
        facts.add(fact(campaign, "SEARCH_ADS", "IMPRESSIONS", "2026-11-10", "500", null));
        facts.add(fact(campaign, "SEARCH_ADS", "CLICKS", "2026-11-10", "40", null));
        facts.add(fact(campaign, "SEARCH_ADS", "CONVERSIONS", "2026-11-11", "4", null));
        facts.add(fact(campaign, "SEARCH_ADS", "SPEND", "2026-11-12", "80", "EUR"));
        facts.add(fact(campaign, "SEARCH_ADS", "REVENUE", "2026-11-15", "120", "EUR"));
        // outside both
        facts.add(fact(campaign, "SEARCH_ADS", "CLICKS", "2026-11-23", "999", null));
        facts.add(fact(campaign, "SEARCH_ADS", "CLICKS", "2026-11-08", "999", null));
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();
        RolledUp.await(jdbc, owner);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String path = "/api/v1/analytics/campaigns/" + campaign + "/dashboard?from=2026-11-16&to=2026-11-22";
        MvcTestResult dashboard = api.as(viewer).get(path);
        assertThat(dashboard).hasStatusOk();
        assertThat((String) Json.read(dashboard, "$.campaignName")).isEqualTo("Winter sale");
        assertThat((String) Json.read(dashboard, "$.previousFrom")).isEqualTo("2026-11-09");
        assertThat((String) Json.read(dashboard, "$.previousTo")).isEqualTo("2026-11-15");
        assertThat((String) Json.read(dashboard, "$.asOf")).isNotNull();
        assertThat(figure(dashboard, "$.totals.impressions")).isEqualTo("4000 500 700.0");
        assertThat(figure(dashboard, "$.totals.clicks")).isEqualTo("80 40 100.0");
        assertThat(figure(dashboard, "$.totals.clickRate")).isEqualTo("2 8 -75.0");
        assertThat(figure(dashboard, "$.totals.conversions")).isEqualTo("5 4 25.0");
        assertThat(figure(dashboard, "$.totals.conversionRate")).isEqualTo("6.25 10 -37.5");
        assertThat((List<String>) Json.read(dashboard, "$.totals.money[*].currency")).containsExactly("EUR", "USD");
        assertThat(figure(dashboard, "$.totals.money[0].spend")).isEqualTo("100 80 25.0");
        assertThat(figure(dashboard, "$.totals.money[0].revenue")).isEqualTo("250 120 108.3");
        assertThat(figure(dashboard, "$.totals.money[0].costPerAcquisition")).isEqualTo("20 20 0.0");
        assertThat(figure(dashboard, "$.totals.money[0].returnOnAdSpend")).isEqualTo("2.5 1.5 66.7");
        assertThat(figure(dashboard, "$.totals.money[0].roiPercent")).isEqualTo("150 50 200.0");
        // dollars: nothing the week before, so no change; no revenue, so a return of nothing
        assertThat(figure(dashboard, "$.totals.money[1].spend")).isEqualTo("20 0 null");
        assertThat(figure(dashboard, "$.totals.money[1].returnOnAdSpend")).isEqualTo("0 null null");
        assertThat(figure(dashboard, "$.totals.money[1].roiPercent")).isEqualTo("-100 null null");
        assertThat((List<String>) Json.read(dashboard, "$.channels[*].channel")).containsExactly("LINKEDIN",
                "SEARCH_ADS");
        assertThat(figure(dashboard, "$.channels[0].kpis.clicks")).isEqualTo("30 0 null");
        assertThat(figure(dashboard, "$.channels[1].kpis.clicks")).isEqualTo("50 40 25.0");
        assertThat((List<String>) Json.read(dashboard, "$.trend[*].day")).hasSize(7).startsWith("2026-11-16")
                .endsWith("2026-11-22");
        assertThat(number(dashboard, "$.trend[0].values.IMPRESSIONS")).isEqualTo("1000");
        assertThat(number(dashboard, "$.trend[0].values['SPEND EUR']")).isEqualTo("100");
        assertThat(number(dashboard, "$.trend[4].values.CLICKS")).isEqualTo("30");
        assertThat((Map<String, Object>) Json.read(dashboard, "$.trend[6].values")).isEmpty();

        Member stranger = workspaces.workspace("Dashboard stranger");
        assertThat(api.as(stranger).get(path)).hasStatus(404);
        String base = "/api/v1/analytics/campaigns/" + campaign + "/dashboard";
        assertThat(api.as(owner).get(base + "?from=2026-11-22&to=2026-11-16")).hasStatus(400);
        assertThat(api.as(owner).get(base + "?from=2025-01-01&to=2026-11-16")).hasStatus(400);
        assertThat(api.as(owner).get(base + "?from=yesterday")).hasStatus(400);
        // by default the last 30 days, today included
        MvcTestResult recent = api.as(owner).get(base);
        assertThat(recent).hasStatusOk();
        assertThat((List<String>) Json.read(recent, "$.trend[*].day")).hasSize(30);
    }

    private static Map<String, Object> fact(String campaign, String channel, String metric, String day, String value,
            String currency) {
        Map<String, Object> fact = new HashMap<>(Map.of("source", "hand", "objectType", "ad",
                "objectId", channel + "-" + metric + "-" + day, "campaignId", campaign, "channel", channel,
                "metric", metric, "granularity", "DAY", "periodStart", day + "T00:00:00Z", "value",
                new BigDecimal(value)));
        if (currency != null) {
            fact.put("currency", currency);
        }
        return fact;
    }

    /** A figure as "value previous change", the change with its one decimal, null where absent. */
    private static String figure(MvcTestResult result, String path) {
        Object change = Json.read(result, path + ".changePercent");
        return number(result, path + ".value") + " " + number(result, path + ".previous") + " "
                + (change == null ? "null" : new BigDecimal(change.toString()).setScale(1).toPlainString());
    }

    private static String number(MvcTestResult result, String path) {
        Object value = Json.read(result, path);
        return value == null ? "null" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
}
