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
 * The all-campaigns summary on numbers worked out by hand. The range is Wednesday 4 to Sunday 22 November 2026 (19
 * days: five days, then two whole weeks read from the weekly rollups) beside 16 October to 3 November (three days,
 * two whole weeks, two days); a fact on 15 October falls in a week that is only partly in the range and must not
 * count. Four campaigns: Alpine (euros), Beach (dollars and a little in euros), Coast (moved to the trash: in the
 * totals, not the list), Dune (archived, numbers only before). Another workspace's numbers never show.
 */
@FlightdeckTest
class WorkspaceSummaryApiTests {

    private static final String SUMMARY = "/api/v1/analytics/campaigns/all/summary";
    private static final String RANGE = SUMMARY + "?from=2026-11-04&to=2026-11-22";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSummaryListsEachCampaignBesideTheDaysBeforeWithTheWorkspacesTotals() {
        Member owner = workspaces.workspace("Summary");
        String alpine = campaigns.create(owner, "Alpine push");
        String beach = campaigns.create(owner, "beach sale");
        String coast = campaigns.create(owner, "Coast promo");
        String dune = campaigns.create(owner, "Dune");
        List<Map<String, Object>> facts = new ArrayList<>();
        facts.add(fact(alpine, "IMPRESSIONS", "2026-11-05", "1000", null));
        facts.add(fact(alpine, "CLICKS", "2026-11-05", "40", null));
        facts.add(fact(alpine, "CLICKS", "2026-11-12", "60", null));
        facts.add(fact(alpine, "CONVERSIONS", "2026-11-12", "6", null));
        facts.add(fact(alpine, "SPEND", "2026-11-12", "120", "EUR"));
        facts.add(fact(alpine, "REVENUE", "2026-11-12", "300", "EUR"));
        facts.add(fact(alpine, "CLICKS", "2026-11-03", "20", null));
        facts.add(fact(alpine, "CLICKS", "2026-10-20", "30", null));
        facts.add(fact(alpine, "SPEND", "2026-10-20", "100", "EUR"));
        facts.add(fact(alpine, "REVENUE", "2026-10-20", "150", "EUR"));
        facts.add(fact(alpine, "CLICKS", "2026-10-15", "999", null));
        facts.add(fact(alpine, "CLICKS", "2026-11-23", "999", null));
        facts.add(fact(beach, "IMPRESSIONS", "2026-11-20", "4000", null));
        facts.add(fact(beach, "CLICKS", "2026-11-20", "80", null));
        facts.add(fact(beach, "CONVERSIONS", "2026-11-20", "4", null));
        facts.add(fact(beach, "SPEND", "2026-11-20", "50", "USD"));
        facts.add(fact(beach, "REVENUE", "2026-11-20", "200", "USD"));
        facts.add(fact(beach, "SPEND", "2026-11-21", "10", "EUR"));
        facts.add(fact(beach, "CLICKS", "2026-10-17", "40", null));
        facts.add(fact(beach, "SPEND", "2026-10-17", "40", "USD"));
        facts.add(fact(coast, "CLICKS", "2026-11-10", "500", null));
        facts.add(fact(coast, "SPEND", "2026-11-10", "1000", "EUR"));
        facts.add(fact(dune, "CLICKS", "2026-10-27", "10", null));
        facts.add(fact(dune, "CONVERSIONS", "2026-10-27", "1", null));
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();
        RolledUp.await(jdbc, owner);
        assertThat(api.as(owner).delete("/api/v1/campaigns/" + coast)).hasStatus(204);
        assertThat(api.as(owner).post("/api/v1/campaigns/" + dune + "/cancel")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + dune + "/archive")).hasStatusOk();

        Member stranger = workspaces.workspace("Summary stranger");
        String theirs = campaigns.create(stranger, "Alpine push");
        assertThat(api.as(stranger).post("/api/v1/analytics/facts", Map.of("facts", List.of(
                fact(theirs, "CLICKS", "2026-11-10", "7777", null), fact(theirs, "SPEND", "2026-11-10", "5", "EUR"),
                fact(theirs, "SPEND", "2026-11-10", "5", "GBP"))))).hasStatusOk();
        RolledUp.await(jdbc, stranger);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MvcTestResult summary = api.as(viewer).get(RANGE);
        assertThat(summary).hasStatusOk();
        assertThat((String) Json.read(summary, "$.previousFrom")).isEqualTo("2026-10-16");
        assertThat((String) Json.read(summary, "$.previousTo")).isEqualTo("2026-11-03");
        assertThat((String) Json.read(summary, "$.asOf")).isNotNull();
        assertThat((String) Json.read(summary, "$.sort")).isEqualTo("clicks,desc");
        assertThat((Integer) Json.read(summary, "$.campaignsInTrash")).isEqualTo(1);
        // the workspace: Coast's numbers in, the other workspace's out
        assertThat(figure(summary, "$.totals.impressions")).isEqualTo("5000 0 null");
        assertThat(figure(summary, "$.totals.clicks")).isEqualTo("680 100 580.0");
        assertThat(figure(summary, "$.totals.clickRate")).isEqualTo("13.6 null null");
        assertThat(figure(summary, "$.totals.conversions")).isEqualTo("10 1 900.0");
        assertThat((List<String>) Json.read(summary, "$.totals.money[*].currency")).containsExactly("EUR", "USD");
        assertThat(figure(summary, "$.totals.money[0].spend")).isEqualTo("1130 100 1030.0");
        assertThat(figure(summary, "$.totals.money[0].revenue")).isEqualTo("300 150 100.0");
        assertThat(figure(summary, "$.totals.money[0].returnOnAdSpend")).isEqualTo("0.27 1.5 -82.0");
        assertThat(figure(summary, "$.totals.money[0].roiPercent")).isEqualTo("-73.5 50 -247.0");
        assertThat(figure(summary, "$.totals.money[1].spend")).isEqualTo("50 40 25.0");
        assertThat(figure(summary, "$.totals.money[1].revenue")).isEqualTo("200 0 null");
        assertThat(figure(summary, "$.totals.money[1].roiPercent")).isEqualTo("300 -100 400.0");
        // the campaigns: most clicks first, Coast left out, Dune archived with nothing now
        assertThat((List<String>) Json.read(summary, "$.campaigns.items[*].name")).containsExactly("Alpine push",
                "beach sale", "Dune");
        assertThat((Integer) Json.read(summary, "$.campaigns.total")).isEqualTo(3);
        assertThat((List<String>) Json.read(summary, "$.campaigns.items[*].status")).containsExactly("DRAFT", "DRAFT",
                "ARCHIVED");
        assertThat((String) Json.read(summary, "$.campaigns.items[0].campaignId")).isEqualTo(alpine);
        assertThat(figure(summary, "$.campaigns.items[0].kpis.impressions")).isEqualTo("1000 0 null");
        assertThat(figure(summary, "$.campaigns.items[0].kpis.clicks")).isEqualTo("100 50 100.0");
        assertThat(figure(summary, "$.campaigns.items[0].kpis.clickRate")).isEqualTo("10 null null");
        assertThat(figure(summary, "$.campaigns.items[0].kpis.conversions")).isEqualTo("6 0 null");
        assertThat(figure(summary, "$.campaigns.items[0].kpis.money[0].spend")).isEqualTo("120 100 20.0");
        assertThat(figure(summary, "$.campaigns.items[0].kpis.money[0].returnOnAdSpend")).isEqualTo("2.5 1.5 66.7");
        assertThat(figure(summary, "$.campaigns.items[0].kpis.money[0].roiPercent")).isEqualTo("150 50 200.0");
        assertThat((List<String>) Json.read(summary, "$.campaigns.items[1].kpis.money[*].currency"))
                .containsExactly("EUR", "USD");
        assertThat(figure(summary, "$.campaigns.items[1].kpis.clicks")).isEqualTo("80 40 100.0");
        assertThat(figure(summary, "$.campaigns.items[1].kpis.money[0].roiPercent")).isEqualTo("-100 null null");
        assertThat(figure(summary, "$.campaigns.items[1].kpis.money[1].returnOnAdSpend")).isEqualTo("4 0 null");
        assertThat(figure(summary, "$.campaigns.items[2].kpis.clicks")).isEqualTo("0 10 -100.0");
        assertThat(figure(summary, "$.campaigns.items[2].kpis.conversions")).isEqualTo("0 1 -100.0");

        // sorting
        assertThat(names(api.as(viewer).get(RANGE + "&sort=name"))).containsExactly("Alpine push", "beach sale",
                "Dune");
        assertThat(names(api.as(viewer).get(RANGE + "&sort=name,desc"))).containsExactly("Dune", "beach sale",
                "Alpine push");
        assertThat(names(api.as(viewer).get(RANGE + "&sort=conversions,asc"))).containsExactly("Dune", "beach sale",
                "Alpine push");
        MvcTestResult bySpend = api.as(viewer).get(RANGE + "&sort=spend");
        assertThat((String) Json.read(bySpend, "$.sortCurrency")).isEqualTo("EUR");
        assertThat(names(bySpend)).containsExactly("Alpine push", "beach sale", "Dune");
        assertThat(names(api.as(viewer).get(RANGE + "&sort=spend&currency=USD"))).containsExactly("beach sale",
                "Alpine push", "Dune");
        assertThat(names(api.as(viewer).get(RANGE + "&sort=spend,asc&currency=USD"))).containsExactly("Alpine push",
                "Dune", "beach sale");

        // paging: the totals stay the workspace's
        MvcTestResult second = api.as(viewer).get(RANGE + "&size=2&page=1");
        assertThat(names(second)).containsExactly("Dune");
        assertThat((Integer) Json.read(second, "$.campaigns.total")).isEqualTo(3);
        assertThat((Integer) Json.read(second, "$.campaigns.totalPages")).isEqualTo(2);
        assertThat(figure(second, "$.totals.clicks")).isEqualTo("680 100 580.0");
        assertThat((Integer) Json.read(api.as(viewer).get(RANGE + "&size=500"), "$.campaigns.size")).isEqualTo(100);

        // the other workspace sees only its own
        MvcTestResult theirSummary = api.as(stranger).get(RANGE);
        assertThat(names(theirSummary)).containsExactly("Alpine push");
        assertThat(figure(theirSummary, "$.totals.clicks")).isEqualTo("7777 0 null");
        assertThat((List<String>) Json.read(theirSummary, "$.totals.money[*].currency")).containsExactly("EUR", "GBP");
        assertThat((Integer) Json.read(theirSummary, "$.campaignsInTrash")).isZero();
    }

    @Test
    void rangesSortsAndCurrenciesItCannotShowAreRefusedAndStrangersAreNotLetIn() {
        Member owner = workspaces.workspace("Summary refusals");
        for (String bad : List.of("?from=2026-11-22&to=2026-11-16", "?from=2025-01-01&to=2026-11-16",
                "?from=yesterday", "?sort=budget", "?sort=clicks,up", "?sort=spend&currency=eur")) {
            MvcTestResult refused = api.as(owner).get(SUMMARY + bad);
            assertThat(refused).as(bad).hasStatus(400);
            assertThat(refused.getResponse().getContentType()).as(bad).startsWith("application/problem+json");
        }
        assertThat(api.anonymous().get(SUMMARY)).hasStatus(401);

        // nothing yet: the last 30 days by default, an empty list and zero totals
        MvcTestResult empty = api.as(owner).get(SUMMARY);
        assertThat(empty).hasStatusOk();
        assertThat((Integer) Json.read(empty, "$.campaigns.total")).isZero();
        assertThat(figure(empty, "$.totals.clicks")).isEqualTo("0 0 null");
        assertThat(java.time.LocalDate.parse(Json.read(empty, "$.from"))
                .plusDays(29)).isEqualTo(java.time.LocalDate.parse(Json.read(empty, "$.to")));

        // "all" is the summary's own path, never read as a campaign's id
        assertThat(api.as(owner).get("/api/v1/analytics/campaigns/all/dashboard")).hasStatus(400);
    }

    private static List<String> names(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return Json.read(result, "$.campaigns.items[*].name");
    }

    private static Map<String, Object> fact(String campaign, String metric, String day, String value,
            String currency) {
        Map<String, Object> fact = new HashMap<>(Map.of("source", "hand", "objectType", "ad",
                "objectId", campaign + "-" + metric + "-" + day + (currency == null ? "" : currency),
                "campaignId", campaign, "channel", "SEARCH_ADS", "metric", metric, "granularity", "DAY",
                "periodStart", day + "T00:00:00Z", "value", new BigDecimal(value)));
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
