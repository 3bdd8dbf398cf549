package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * The budget through the API on numbers worked out by hand. The campaign runs 30 days, from 9 days before today to 20
 * days after (workspaces here are on UTC), with a budget of EUR 3,000.00 split INSTAGRAM 40 % and SEARCH_ADS 60 %:
 * EUR 100.00 a day planned, so 1,000.00 by today. Each of its 10 days so far SEARCH_ADS spent 60 and earned 150 with
 * 2 conversions (sent through the facts API), and INSTAGRAM's 380.00 was entered by hand (38.00 a day). Spend entered
 * again replaces; validation answers problems; viewers read but do not write; another workspace's campaign is not
 * found and its numbers never count, not even in the totals.
 */
@FlightdeckTest
class BudgetApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void pacingForecastAndChannelsOnHandComputedNumbers() {
        Member owner = workspaces.workspace("Budget");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String campaign = campaign(owner, today);
        List<Map<String, Object>> facts = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            LocalDate day = today.minusDays(9 - d);
            facts.add(fact(campaign, "SEARCH_ADS", "SPEND", day, "60", "EUR"));
            facts.add(fact(campaign, "SEARCH_ADS", "REVENUE", day, "150", "EUR"));
            facts.add(fact(campaign, "SEARCH_ADS", "CONVERSIONS", day, "2", null));
        }
        // a day before the start and one after today are not spend to date; dollars are never counted in euros
        facts.add(fact(campaign, "SEARCH_ADS", "SPEND", today.minusDays(10), "999", "EUR"));
        facts.add(fact(campaign, "SEARCH_ADS", "SPEND", today.plusDays(1), "999", "EUR"));
        facts.add(fact(campaign, "SEARCH_ADS", "SPEND", today.minusDays(1), "20", "USD"));
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();
        // 500.00 first, then 380.00 for the same channel and days: the second replaces the first
        String spend = "/api/v1/analytics/campaigns/" + campaign + "/spend";
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        assertThat(api.as(manager).post(spend, entry("INSTAGRAM", today.minusDays(9), today, "500.00", "EUR")))
                .hasStatusOk();
        MvcTestResult entered = api.as(manager).post(spend, entry("INSTAGRAM", today.minusDays(9), today, "380", "EUR"));
        assertThat(entered).hasStatusOk();
        assertThat((Integer) Json.read(entered, "$.days")).isEqualTo(10);
        assertThat(number(entered, "$.amount")).isEqualTo("380");
        RolledUp.await(jdbc, owner);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MvcTestResult budget = api.as(viewer).get("/api/v1/analytics/campaigns/" + campaign + "/budget");
        assertThat(budget).hasStatusOk();
        assertThat((Integer) Json.read(budget, "$.totalDays")).isEqualTo(30);
        assertThat((Integer) Json.read(budget, "$.elapsedDays")).isEqualTo(10);
        assertThat(number(budget, "$.budget.amount")).isEqualTo("3000");
        // planned 3,000 x 10 / 30 = 1,000; spent 10 x (60 + 38) = 980: 98.0 %, on plan
        assertThat(number(budget, "$.plannedToDate")).isEqualTo("1000");
        assertThat(number(budget, "$.spentToDate")).isEqualTo("980");
        assertThat(number(budget, "$.remaining")).isEqualTo("2020");
        assertThat((String) Json.read(budget, "$.pacing.state")).isEqualTo("ON_PLAN");
        assertThat(number(budget, "$.pacing.percent")).isEqualTo("98");
        // the last 7 days spent 686 (98.00 a day): 980 + 686 x 20 / 7 = 2,940.00, 60.00 under
        assertThat(number(budget, "$.forecast.projectedSpend")).isEqualTo("2940");
        assertThat(number(budget, "$.forecast.overBudget")).isEqualTo("-60");
        assertThat((String) Json.read(budget, "$.forecast.method")).isEqualTo("EUR 980.00 spent so far plus the "
                + "average of the last 7 days (EUR 98.00 a day) for each of the 20 days left");
        // revenue 1,500 now, 1,500 + 1,050 x 20 / 7 = 4,500 at the end; ROI (1,500 - 980) / 980 = 53.1 %, and
        // (4,500 - 2,940) / 2,940 = 53.1 %
        assertThat(number(budget, "$.roiForecast.projectedRevenue")).isEqualTo("4500");
        assertThat(number(budget, "$.roiForecast.roiToDatePercent")).isEqualTo("53.1");
        assertThat(number(budget, "$.roiForecast.projectedRoiPercent")).isEqualTo("53.1");
        assertThat((List<String>) Json.read(budget, "$.channels[*].channel")).containsExactly("INSTAGRAM",
                "SEARCH_ADS");
        // INSTAGRAM: 1,200 planned, 400 to date, 380 spent (95.0 %), 38.8 % of all spend
        assertThat(number(budget, "$.channels[0].plannedToDate")).isEqualTo("400");
        assertThat(number(budget, "$.channels[0].spent")).isEqualTo("380");
        assertThat(number(budget, "$.channels[0].utilisationPercent")).isEqualTo("95");
        assertThat(number(budget, "$.channels[0].shareOfSpendPercent")).isEqualTo("38.8");
        assertThat(number(budget, "$.notCounted[0].spent")).isEqualTo("20");
        assertThat((String) Json.read(budget, "$.notCounted[0].currency")).isEqualTo("USD");

        // seed 002's two views say the same
        MvcTestResult efficiency = api.as(viewer).get("/api/v1/campaigns/" + campaign + "/budget-efficiency");
        assertThat(efficiency).hasStatusOk();
        assertThat((String) Json.read(efficiency, "$.currency")).isEqualTo("EUR");
        // SEARCH_ADS: return 1,500 / 600 = 2.50, cost per acquisition 600 / 20 = 30.00
        assertThat(number(efficiency, "$.channels[1].returnOnAdSpend")).isEqualTo("2.5");
        assertThat(number(efficiency, "$.channels[1].costPerAcquisition")).isEqualTo("30");
        MvcTestResult roi = api.as(viewer).get("/api/v1/campaigns/" + campaign + "/roi-forecast");
        assertThat(roi).hasStatusOk();
        assertThat((Integer) Json.read(roi, "$.daysLeft")).isEqualTo(20);
        assertThat(number(roi, "$.roi.projectedSpend")).isEqualTo("2940");
        assertThat(number(roi, "$.roi.projectedRevenue")).isEqualTo("4500");
    }

    @Test
    void enteredSpendIsSpreadOverItsDaysReplacedWhenEnteredAgainAndRemoved() {
        Member owner = workspaces.workspace("Budget spend");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String campaign = campaign(owner, today);
        String spend = "/api/v1/analytics/campaigns/" + campaign + "/spend";
        LocalDate first = LocalDate.of(2026, 3, 1);
        // 100.00 over 3 days: 33.33, 33.33 and the odd cent on the last, 33.34
        assertThat(api.as(owner).post(spend, entry("EMAIL", first, first.plusDays(2), "100.00", "EUR"))).hasStatusOk();
        MvcTestResult listed = api.as(owner).get(spend);
        assertThat(listed).hasStatusOk();
        assertThat((Integer) Json.read(listed, "$.total")).isEqualTo(3);
        assertThat((List<String>) Json.read(listed, "$.items[*].day")).containsExactly("2026-03-01", "2026-03-02",
                "2026-03-03");
        assertThat(amounts(listed)).containsExactly("33.33", "33.33", "33.34");
        // entered again over the middle day only: that day is replaced, the others stay
        assertThat(api.as(owner).post(spend, entry("EMAIL", first.plusDays(1), first.plusDays(1), "10", "EUR")))
                .hasStatusOk();
        listed = api.as(owner).get(spend + "?channel=EMAIL&size=2");
        assertThat((Integer) Json.read(listed, "$.total")).isEqualTo(3);
        assertThat((Integer) Json.read(listed, "$.totalPages")).isEqualTo(2);
        assertThat(amounts(listed)).containsExactly("33.33", "10");
        MvcTestResult removed = api.as(owner).delete(spend + "?channel=EMAIL&from=2026-03-02&to=2026-03-03");
        assertThat(removed).hasStatusOk();
        assertThat((Integer) Json.read(removed, "$.removedDays")).isEqualTo(2);
        assertThat((Integer) Json.read(api.as(owner).get(spend), "$.total")).isEqualTo(1);
        assertThat(api.as(owner).get(spend + "?channel=MYSPACE")).hasStatus(400);

        // each entry and removal is in the audit log, with who made it and what it said
        MvcTestResult audit = api.as(owner).get("/api/v1/audit-log?entityType=SpendEntry&size=10");
        assertThat(audit).hasStatusOk();
        assertThat((List<String>) Json.read(audit, "$.items[*].action")).containsOnly("created").hasSize(3);
        assertThat((List<String>) Json.read(audit, "$.items[*].actorUserId"))
                .containsOnly(owner.userId().toString());
        assertThat(Json.body(audit)).contains("\"amount\":{\"from\":null,\"to\":\"100\"}", "\"to\":\"REMOVED\"",
                "\"fromDay\":{\"from\":null,\"to\":\"2026-03-02\"}");
    }

    @Test
    void refusedEntriesNameEveryFieldAtFault() {
        Member owner = workspaces.workspace("Budget refused");
        String campaign = campaigns.create(owner, "Refused");
        String spend = "/api/v1/analytics/campaigns/" + campaign + "/spend";
        MvcTestResult empty = api.as(owner).post(spend, Map.of());
        assertThat(empty).hasStatus(400);
        assertThat(empty.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat((List<String>) Json.read(empty, "$.errors[*].field")).containsExactly("channel", "from", "to",
                "amount", "currency");
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThat(fields(api.as(owner).post(spend, entry("MYSPACE", day, day, "-1", "eur"))))
                .containsExactly("channel", "amount", "currency");
        assertThat(fields(api.as(owner).post(spend, entry(" ", day, day.minusDays(1), "1000000000000", "ABC"))))
                .containsExactly("channel", "to", "amount", "currency");
        assertThat(fields(api.as(owner).post(spend, entry("EMAIL", day, day.plusDays(366), "1.234", "EUR"))))
                .containsExactly("to", "amount");
        assertThat(api.as(owner).post(spend, entry("EMAIL", day, day.plusDays(365), "999999999999.99", "EUR")))
                .hasStatusOk();
        assertThat(api.as(owner).post(spend, "{\"channel\":\"EMAIL\",\"from\":\"yesterday\"}")).hasStatus(400);
        assertThat(fields(api.as(owner).delete(spend + "?channel=EMAIL&from=2026-03-02"))).containsExactly("to");
        assertThat(api.as(owner).delete(spend + "?channel=EMAIL&from=2026-03-02&to=soon")).hasStatus(400);
        assertThat((Integer) Json.read(api.as(owner).get(spend), "$.total")).isEqualTo(366);
    }

    @Test
    void viewersAndContributorsReadButDoNotWrite() {
        Member owner = workspaces.workspace("Budget roles");
        String campaign = campaigns.create(owner, "Roles");
        String spend = "/api/v1/analytics/campaigns/" + campaign + "/spend";
        Map<String, Object> entry = entry("EMAIL", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), "5", "EUR");
        for (Role role : List.of(Role.VIEWER, Role.CONTRIBUTOR, Role.APPROVER)) {
            Member member = workspaces.addMember(owner, role);
            assertThat(api.as(member).post(spend, entry)).as(role.name()).hasStatus(403);
            assertThat(api.as(member).delete(spend + "?channel=EMAIL&from=2026-03-01&to=2026-03-01")).as(role.name())
                    .hasStatus(403);
            assertThat(api.as(member).get(spend)).as(role.name()).hasStatusOk();
            assertThat(api.as(member).get("/api/v1/analytics/campaigns/" + campaign + "/budget")).as(role.name())
                    .hasStatusOk();
        }
        // nor through the facts API, which would let a contributor overwrite what a manager entered
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MvcTestResult sneaked = api.as(contributor).post("/api/v1/analytics/facts", Map.of("facts", List.of(Map.of(
                "source", "entered", "objectType", "channel-spend", "objectId", campaign + ":EMAIL",
                "campaignId", campaign, "channel", "EMAIL", "metric", "SPEND", "granularity", "DAY",
                "periodStart", "2026-03-01T00:00:00Z", "value", 1, "currency", "EUR"))));
        assertThat(fields(sneaked)).containsExactly("facts[0].source");
        assertThat((Integer) Json.read(api.as(owner).get(spend), "$.total")).isZero();
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        assertThat(api.as(admin).post(spend, entry)).hasStatusOk();
        assertThat(api.anonymous().get("/api/v1/analytics/campaigns/" + campaign + "/budget")).hasStatus(401);
    }

    @Test
    void anotherWorkspacesCampaignIsNotFoundAndItsNumbersNeverCount() {
        Member owner = workspaces.workspace("Budget tenancy");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String campaign = campaign(owner, today);
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", List.of(
                fact(campaign, "SEARCH_ADS", "SPEND", today, "100", "EUR"))))).hasStatusOk();
        Member stranger = workspaces.workspace("Budget stranger");
        String theirs = campaign(stranger, today);
        assertThat(api.as(stranger).post("/api/v1/analytics/facts", Map.of("facts", List.of(
                fact(theirs, "SEARCH_ADS", "SPEND", today, "5000", "EUR"))))).hasStatusOk();
        RolledUp.await(jdbc, owner);
        RolledUp.await(jdbc, stranger);
        // a rollup row of the stranger's workspace that names our campaign's id: a query that forgot the workspace
        // would add it to our totals
        jdbc.sql("insert into analytics_rollups (tenant_id, campaign_id, granularity, period_start, channel, metric,"
                + " currency, rollup_value, updated_at) values (?, ?, 'DAY', ?, 'SEARCH_ADS', 'SPEND', 'EUR', 7777,"
                + " current_timestamp)").params(stranger.workspaceId(), UUID.fromString(campaign), today).update();

        for (String path : List.of("/api/v1/analytics/campaigns/%s/budget", "/api/v1/campaigns/%s/budget-efficiency",
                "/api/v1/campaigns/%s/roi-forecast", "/api/v1/analytics/campaigns/%s/spend")) {
            assertThat(api.as(stranger).get(path.formatted(campaign))).as(path).hasStatus(404);
            assertThat(api.as(owner).get(path.formatted(theirs))).as(path).hasStatus(404);
        }
        String spend = "/api/v1/analytics/campaigns/" + campaign + "/spend";
        assertThat(api.as(stranger).post(spend, entry("EMAIL", today, today, "5", "EUR"))).hasStatus(404);
        assertThat(api.as(stranger).delete(spend + "?channel=EMAIL&from=" + today + "&to=" + today)).hasStatus(404);

        MvcTestResult budget = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign + "/budget");
        assertThat(number(budget, "$.spentToDate")).isEqualTo("100");
        assertThat(number(budget, "$.channels[?(@.channel == 'SEARCH_ADS')].spent")).isEqualTo("100");
        MvcTestResult efficiency = api.as(owner).get("/api/v1/campaigns/" + campaign + "/budget-efficiency");
        assertThat(number(efficiency, "$.spentToDate")).isEqualTo("100");
        assertThat(number(api.as(stranger).get("/api/v1/analytics/campaigns/" + theirs + "/budget"), "$.spentToDate"))
                .isEqualTo("5000");
    }

    /** A campaign of 30 days, 9 days before today to 20 after, EUR 3,000.00, split INSTAGRAM 40 and SEARCH_ADS 60. */
    private String campaign(Member owner, LocalDate today) {
        String campaign = campaigns.draft("Spring").dates(today.minusDays(9), today.plusDays(20))
                .channels("INSTAGRAM", "SEARCH_ADS").budget("3000.00", "EUR").createdBy(owner);
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", Map.of(
                "platforms", List.of("INSTAGRAM", "SEARCH_ADS"), "goals", List.of("Sign-ups"),
                "adsConfig", Map.of("objective", "LEADS", "budgetSplit", Map.of("INSTAGRAM", 40, "SEARCH_ADS", 60)))))
                .hasStatus(201);
        return campaign;
    }

    private static Map<String, Object> entry(String channel, LocalDate from, LocalDate to, String amount,
            String currency) {
        return Map.of("channel", channel, "from", from.toString(), "to", to.toString(), "amount",
                new BigDecimal(amount), "currency", currency);
    }

    private static Map<String, Object> fact(String campaign, String channel, String metric, LocalDate day, String value,
            String currency) {
        Map<String, Object> fact = new HashMap<>(Map.of("source", "hand", "objectType", "ad",
                "objectId", channel + "-" + metric + "-" + currency, "campaignId", campaign, "channel", channel,
                "metric", metric, "granularity", "DAY", "periodStart", day + "T00:00:00Z", "value",
                new BigDecimal(value)));
        if (currency != null) {
            fact.put("currency", currency);
        }
        return fact;
    }

    private static List<String> amounts(MvcTestResult result) {
        return ((List<Object>) Json.read(result, "$.items[*].amount")).stream()
                .map(a -> new BigDecimal(a.toString()).stripTrailingZeros().toPlainString()).toList();
    }

    private static List<String> fields(MvcTestResult result) {
        assertThat(result).hasStatus(400);
        return Json.read(result, "$.errors[*].field");
    }

    private static String number(MvcTestResult result, String path) {
        Object value = Json.read(result, path);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        return value == null ? "null" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
}
