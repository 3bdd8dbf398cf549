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

/**
 * Seed 002's channel views and "why did it move?" on numbers worked out by hand. The week of 16 to 22 November beside
 * the week before, clicks per channel and ad:
 * <pre>
 *              this week            week before   change
 * SEARCH_ADS   ad-1 30, ad-2 20     ad-1 40       +10 (+25.0 %)
 * LINKEDIN     ad-3 30              —             +30 (new)
 * FACEBOOK     ad-4 5               ad-4 15       −10 (−66.7 %)
 * all          85                   55            +30 (+54.5 %)
 * </pre>
 * and this week's money in euros: SEARCH_ADS spend 100, revenue 250, 5 conversions (ROI 150 %, return 2.5, CPA 20);
 * LINKEDIN spend 50, no revenue (ROI −100 %); in all spend 150, revenue 250, profit 100, ROI 66.7 %, return 1.67.
 */
@FlightdeckTest
class CampaignAnalyticsApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void channelsAreRankedAndTheChangeIsExplainedByChannelAndObject() {
        Member owner = workspaces.workspace("Why it moved");
        String campaign = campaigns.create(owner, "Winter sale");
        List<Map<String, Object>> facts = new ArrayList<>(List.of(
                fact(campaign, "SEARCH_ADS", "ad-1", "CLICKS", "2026-11-16", "30", null),
                fact(campaign, "SEARCH_ADS", "ad-2", "CLICKS", "2026-11-17", "20", null),
                fact(campaign, "LINKEDIN", "ad-3", "CLICKS", "2026-11-20", "30", null),
                fact(campaign, "FACEBOOK", "ad-4", "CLICKS", "2026-11-21", "5", null),
                fact(campaign, "SEARCH_ADS", "ad-1", "CLICKS", "2026-11-10", "40", null),
                fact(campaign, "FACEBOOK", "ad-4", "CLICKS", "2026-11-12", "15", null),
                fact(campaign, "SEARCH_ADS", "ad-1", "CONVERSIONS", "2026-11-16", "5", null),
                fact(campaign, "SEARCH_ADS", "ad-1", "SPEND", "2026-11-16", "100", "EUR"),
                fact(campaign, "SEARCH_ADS", "ad-1", "REVENUE", "2026-11-18", "250", "EUR"),
                fact(campaign, "LINKEDIN", "ad-3", "SPEND", "2026-11-20", "50", "EUR")));
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();
        RolledUp.await(jdbc, owner);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String base = "/api/v1/analytics/campaigns/" + campaign;
        String week = "from=2026-11-16&to=2026-11-22";

        MvcTestResult comparison = api.as(viewer).get(base + "/channel-comparison?" + week);
        assertThat(comparison).hasStatusOk();
        assertThat((List<String>) Json.read(comparison, "$.channels[*].channel"))
                .containsExactly("SEARCH_ADS", "LINKEDIN", "FACEBOOK");
        assertThat(numbers(comparison, "$.channels[*].sharePercent")).containsExactly("58.8", "35.3", "5.9");
        assertThat(numbers(comparison, "$.channels[*].changePercent")).containsExactly("25", "null", "-66.7");
        assertThat(numbers(api.as(viewer).get(base + "/channel-comparison?metric=IMPRESSIONS&" + week),
                "$.channels[*].sharePercent")).containsOnly("null");

        MvcTestResult roi = api.as(viewer).get(base + "/roi-analysis?" + week);
        assertThat(roi).hasStatusOk();
        assertThat((List<String>) Json.read(roi, "$.currencies[*].currency")).containsExactly("EUR");
        assertThat(numbers(roi, "$.currencies[0]['spend','revenue','profit','roiPercent','returnOnAdSpend']"))
                .containsExactly("150", "250", "100", "66.7", "1.67");
        assertThat((List<String>) Json.read(roi, "$.currencies[0].channels[*].channel"))
                .containsExactly("SEARCH_ADS", "LINKEDIN");
        assertThat(numbers(roi, "$.currencies[0].channels[*].roiPercent")).containsExactly("150", "-100");
        assertThat(numbers(roi, "$.currencies[0].channels[0].costPerAcquisition")).containsExactly("20");

        assertThat(api.as(viewer).get(base + "/channel-metrics?" + week)).hasStatusOk()
                .bodyJson().extractingPath("$.channels.length()").isEqualTo(3);
        assertThat(api.as(viewer).get(base + "/trends?days=7")).hasStatusOk()
                .bodyJson().extractingPath("$.days.length()").isEqualTo(7);

        MvcTestResult why = api.as(viewer).get(base + "/movement?metric=CLICKS&" + week);
        assertThat(why).hasStatusOk();
        assertThat(numbers(why, "$['value','previous','change','changePercent']"))
                .containsExactly("85", "55", "30", "54.5");
        assertThat((String) Json.read(why, "$.summary")).isEqualTo("Clicks rose from 55 to 85 (+30, +54.5 %) between"
                + " 9 Nov 2026 to 15 Nov 2026 and 16 Nov 2026 to 22 Nov 2026. All of the rise came from LinkedIn (+30, new)"
                + " and Search ads (+10, +25.0 %), while Facebook (−10, −66.7 %) went the other way.");
        assertThat((List<String>) Json.read(why, "$.channels[*].key")).containsExactly("LINKEDIN", "SEARCH_ADS",
                "FACEBOOK");
        assertThat((List<String>) Json.read(why, "$.objects[*].key")).containsExactly("ad:ad-3", "ad:ad-2", "ad:ad-1",
                "ad:ad-4");
        assertThat((List<String>) Json.read(why, "$.objects[*].words")).containsExactly("+30, new", "+20, new",
                "−10, −25.0 %", "−10, −66.7 %");
        MvcTestResult spend = api.as(viewer).get(base + "/movement?metric=SPEND&currency=eur&" + week);
        assertThat((String) Json.read(spend, "$.summary")).startsWith("Spend in EUR rose from EUR 0.00 to EUR 150.00"
                + " (+EUR 150.00, new)");

        // the drill-down from a channel to its ads, most clicks first
        MvcTestResult drill = api.as(viewer).get(base + "/channels/SEARCH_ADS/objects?" + week);
        assertThat(drill).hasStatusOk();
        assertThat((List<String>) Json.read(drill, "$.objects[*].objectId")).containsExactly("ad-1", "ad-2");
        assertThat(numbers(drill, "$.objects[0].values['CLICKS','CONVERSIONS','SPEND EUR','REVENUE EUR']"))
                .containsExactly("30", "5", "100", "250");
        assertThat(numbers(drill, "$.channelKpis.clicks.value")).containsExactly("50");
        assertThat(api.as(viewer).get(base + "/channels/" + "X".repeat(41) + "/objects")).hasStatus(400);

        assertThat(api.as(viewer).get(base + "/movement?metric=SPEND&" + week)).hasStatus(400);
        assertThat(api.as(viewer).get(base + "/movement?metric=CLICKS&currency=EUR&" + week)).hasStatus(400);
        assertThat(api.as(viewer).get(base + "/movement?metric=SPEND&currency=EURO&" + week)).hasStatus(400);
        assertThat(api.as(viewer).get(base + "/movement?metric=LIKES")).hasStatus(400);
        assertThat(api.as(viewer).get(base + "/channel-comparison?metric=SENT")).hasStatus(400);
        assertThat(api.as(viewer).get(base + "/trends?days=0")).hasStatus(400);
        assertThat(api.as(viewer).get(base + "/trends?days=400")).hasStatus(400);
        Member stranger = workspaces.workspace("Why it moved, elsewhere");
        for (String view : List.of("/channel-metrics", "/roi-analysis", "/trends", "/channel-comparison", "/movement",
                "/channels/SEARCH_ADS/objects")) {
            assertThat(api.as(stranger).get(base + view)).as(view).hasStatus(404);
        }
    }

    private static Map<String, Object> fact(String campaign, String channel, String ad, String metric, String day,
            String value, String currency) {
        Map<String, Object> fact = new HashMap<>(Map.of("source", "hand", "objectType", "ad", "objectId", ad,
                "campaignId", campaign, "channel", channel, "metric", metric, "granularity", "DAY",
                "periodStart", day + "T00:00:00Z", "value", new BigDecimal(value)));
        if (currency != null) {
            fact.put("currency", currency);
        }
        return fact;
    }

    /** The numbers at a path (a list, or an object's chosen fields), plain, "null" where absent. */
    private static List<String> numbers(MvcTestResult result, String path) {
        Object read = Json.read(result, path);
        List<Object> values = read instanceof List<?> list ? new ArrayList<>(list)
                : read instanceof Map<?, ?> map ? new ArrayList<>(map.values()) : new ArrayList<>(java.util.Collections.singletonList(read));
        return values.stream().map(v -> v == null ? "null"
                : new BigDecimal(v.toString()).stripTrailingZeros().toPlainString()).toList();
    }
}
