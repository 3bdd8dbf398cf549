package io.flightdeck.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.analytics.ingest.FactIngest;
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
 * The bulk facts API: a contributor's facts are kept once per key and reach the campaign's rollups; sent again they
 * change nothing, revised they replace; one wrong fact (a null, a count with a currency, another workspace's campaign,
 * a source Flightdeck writes itself, too many) refuses the whole request with each problem named, and nothing is
 * written; another workspace's campaign is not found; a viewer and a stranger cannot write.
 */
@FlightdeckTest
class FactIngestApiTests {

    private static final String PATH = "/api/v1/analytics/facts";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    void factsAreKeptOnceAndReachTheRollups() {
        Member owner = workspaces.workspace("Facts API");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = campaigns.create(owner, "Spring sale");
        List<Map<String, Object>> facts = List.of(
                fact(campaign, "ad-1", "SPEND", "DAY", "2026-11-23T00:00:00Z", "125.40", "EUR"),
                fact(campaign, "ad-1", "CLICKS", "DAY", "2026-11-23T00:00:00Z", "310", null),
                fact(campaign, "ad-2", "CLICKS", "HOUR", "2026-11-23T09:00:00Z", "12", null));
        MvcTestResult written = api.as(contributor).post(PATH, Map.of("facts", facts));
        assertThat(written).hasStatusOk();
        assertThat((Integer) Json.read(written, "$.written")).isEqualTo(3);
        // the same again, and one revised: still one number per key
        assertThat(api.as(contributor).post(PATH, Map.of("facts", facts))).hasStatusOk();
        assertThat(api.as(contributor).post(PATH, Map.of("facts", List.of(
                fact(campaign, "ad-2", "CLICKS", "HOUR", "2026-11-23T09:00:00Z", "15", null))))).hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rollups(owner))
                .containsOnly(Map.entry("DAY 2026-11-23 SEARCH_ADS CLICKS ", "325"),
                        Map.entry("DAY 2026-11-23 SEARCH_ADS SPEND EUR", "125.4"),
                        Map.entry("WEEK 2026-11-23 SEARCH_ADS CLICKS ", "325"),
                        Map.entry("WEEK 2026-11-23 SEARCH_ADS SPEND EUR", "125.4")));
    }

    @Test
    void oneWrongFactRefusesTheRequestAndNothingIsWritten() {
        Member owner = workspaces.workspace("Facts API refused");
        String campaign = campaigns.create(owner, "Autumn");
        Member stranger = workspaces.workspace("Facts API stranger");
        String theirs = campaigns.create(stranger, "Theirs");
        List<Map<String, Object>> facts = new ArrayList<>();
        facts.add(fact(campaign, "ad-1", "CLICKS", "DAY", "2026-11-23T00:00:00Z", "10", null));
        facts.add(fact(campaign, "ad-1", "CLICKS", "DAY", "2026-11-24T00:00:00Z", "0", null));
        facts.add(fact(campaign, "ad-2", "CLICKS", "DAY", "2026-11-23T00:00:00Z", "10", "EUR"));
        facts.add(fact(theirs, "ad-3", "CLICKS", "DAY", "2026-11-23T00:00:00Z", "10", null));
        Map<String, Object> email = fact(campaign, "send-1", "OPENS", "HOUR", "2026-11-23T09:00:00Z", "10", null);
        email.put("source", "email");
        facts.add(email);
        facts.add(fact(campaign, "ad-4", "CLICKS", "HOUR", "2026-11-23T09:30:00Z", "10", null));
        MvcTestResult refused = api.as(owner).post(PATH, Map.of("facts", facts));
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("facts[2].currency",
                "facts[4].source", "facts[5].periodStart");
        List<Map<String, Object>> withNull = new ArrayList<>(facts.subList(0, 2));
        withNull.add(1, null);
        MvcTestResult nullInside = api.as(owner).post(PATH, Map.of("facts", withNull));
        assertThat(nullInside).hasStatus(400);
        assertThat((List<String>) Json.read(nullInside, "$.errors[*].field")).containsExactly("facts[1]");
        assertThat(count(owner)).isZero();
        // right facts, but one names another workspace's campaign: not found, and none is written
        MvcTestResult foreign = api.as(owner).post(PATH, Map.of("facts", List.of(facts.get(0), facts.get(3))));
        assertThat(foreign).hasStatus(404);
        assertThat((String) Json.read(foreign, "$.detail")).isEqualTo("Campaign " + theirs
                + ", named by facts[1], was not found");
        assertThat(count(owner)).isZero();

        assertThat(api.as(owner).post(PATH, Map.of("facts", List.of()))).hasStatus(400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= FactIngest.MAX_FACTS; i++) {
            tooMany.add(fact(campaign, "ad-" + i, "CLICKS", "DAY", "2026-11-23T00:00:00Z", "1", null));
        }
        MvcTestResult large = api.as(owner).post(PATH, Map.of("facts", tooMany));
        assertThat(large).hasStatus(400);
        assertThat((String) Json.read(large, "$.errors[0].message")).contains("At most 10000 facts a request");
        MvcTestResult badMetric = api.as(owner).post(PATH, Map.of("facts", List.of(Map.of("metric", "LIKES"))));
        assertThat(badMetric).hasStatus(400);
        assertThat(badMetric.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(count(owner)).isZero();

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        List<Map<String, Object>> one = List.of(fact(campaign, "ad-1", "CLICKS", "DAY", "2026-11-23T00:00:00Z", "1",
                null));
        assertThat(api.as(viewer).post(PATH, Map.of("facts", one))).hasStatus(403);
        assertThat(api.anonymous().post(PATH, Map.of("facts", one))).hasStatus(401);
        // the stranger's own campaign is fine for them, and stays theirs
        assertThat(api.as(stranger).post(PATH, Map.of("facts", List.of(fact(theirs, "ad-1", "CLICKS", "DAY",
                "2026-11-23T00:00:00Z", "1", null))))).hasStatusOk();
        assertThat(count(owner)).isZero();
    }

    private static Map<String, Object> fact(String campaign, String object, String metric, String granularity,
            String periodStart, String value, String currency) {
        Map<String, Object> fact = new HashMap<>(Map.of("source", "google-ads", "objectType", "ad", "objectId", object,
                "campaignId", campaign, "channel", "SEARCH_ADS", "metric", metric, "granularity", granularity,
                "periodStart", periodStart, "value", new java.math.BigDecimal(value)));
        if (currency != null) {
            fact.put("currency", currency);
        }
        return fact;
    }

    private long count(Member owner) {
        return jdbc.sql("select count(*) from analytics_facts where tenant_id = ?").param(owner.workspaceId())
                .query(Long.class).single();
    }

    private Map<String, String> rollups(Member owner) {
        Map<String, String> rows = new HashMap<>();
        jdbc.sql("select granularity, period_start, channel, metric, currency, rollup_value from analytics_rollups"
                + " where tenant_id = ?").param(owner.workspaceId())
                .query((r, i) -> rows.put(r.getString(1) + " " + r.getObject(2, java.time.LocalDate.class) + " "
                        + r.getString(3) + " " + r.getString(4) + " " + r.getString(5),
                        r.getBigDecimal(6).stripTrailingZeros().toPlainString())).list();
        return rows;
    }
}
