package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget page says what the API says, in words: the plan to date against spend with the pacing bar and its
 * numbers in text, the forecast with its method, the channels, money in another currency apart. Managers enter spend
 * through its form (a refused entry comes back marked, having written nothing); others see no form and may not post
 * one. A campaign with nothing set says what is missing. Another workspace finds nothing.
 */
@FlightdeckTest
class BudgetPagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void thePageShowsTheBudgetAndManagersEnterSpend() {
        Member owner = workspaces.workspace("Budget page");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        // 30 days, 9 before today to 20 after: EUR 3,000.00, 1,000.00 planned by today
        String campaign = campaigns.draft("Spring <sale>").dates(today.minusDays(9), today.plusDays(20))
                .channels("INSTAGRAM", "SEARCH_ADS").budget("3000.00", "EUR").createdBy(owner);
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", Map.of(
                "platforms", List.of("INSTAGRAM", "SEARCH_ADS"), "goals", List.of("Sign-ups"),
                "adsConfig", Map.of("budgetSplit", Map.of("INSTAGRAM", 40, "SEARCH_ADS", 60))))).hasStatus(201);
        List<Map<String, Object>> facts = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            facts.add(fact(campaign, "SPEND", today.minusDays(9 - d), "60", "EUR"));
        }
        facts.add(fact(campaign, "SPEND", today, "20", "USD"));
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();

        MockHttpSession manager = web.signIn(workspaces.addMember(owner, Role.MANAGER));
        String page = "/analytics/campaigns/" + campaign + "/budget";
        String post = page + "/spend";
        // refused: every field that is wrong is marked, and nothing is written
        MvcTestResult refused = web.post(manager, post, "channel", "INSTAGRAM", "from", today.toString(), "to",
                today.minusDays(1).toString(), "amount", "lots", "currency", "zz");
        assertThat(refused).hasStatus(400).bodyText().contains("3 fields need a change",
                "The last day comes before the first", "Not an amount: lots", "Not a currency: ZZ",
                "value=\"lots\"", "aria-invalid=\"true\"");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/analytics/campaigns/" + campaign + "/spend"),
                "$.total")).isZero();
        // INSTAGRAM's 380.00 over the 10 days so far: 38.00 a day, 98 a day in all
        MvcTestResult entered = web.post(manager, post, "channel", "INSTAGRAM", "from", today.minusDays(9).toString(),
                "to", today.toString(), "amount", "380", "currency", "eur");
        assertThat(entered).hasStatus3xxRedirection().hasRedirectedUrl(page);
        assertThat(String.valueOf(entered.getMvcResult().getFlashMap().get("flash"))).contains("EUR 380.00 of Instagram spend entered");
        RolledUp.await(jdbc, owner);

        String shown = web.page(manager, page);
        assertThat(shown).contains("Budget: Spring &lt;sale&gt;", "<span>10 of 30 days</span>", "EUR 3,000.00", "EUR 1,000.00",
                "EUR 980.00", "EUR 2,020.00", "On plan: 98.0 % of the EUR 1,000.00 planned to date is spent",
                "EUR 980.00 spent so far plus the average of the last 7 days (EUR 98.00 a day) for each of the 20 days "
                        + "left.", "EUR 2,940.00", "EUR 60.00 under budget",
                "Not counted against the budget", "USD 20.00 spent", "Search ads", "Instagram", "61.2 %", "95 %",
                "against the split of strategy version 1", "Enter spend", "name=\"_csrf\"");
        // the bar: the fill is 980 of 3,000 (32.67 %), the plan's mark centred on 1,000 of 3,000 (33.33 - 0.4)
        assertThat(shown).contains("width=\"32.67\"", "x=\"32.93\"", "aria-label=\"Bar: EUR 980.00 spent of the "
                + "EUR 3,000.00 budget, EUR 1,000.00 planned to date\"");
        assertThat(web.page(manager, "/analytics/campaigns/" + campaign)).contains(page);

        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.page(viewer, page)).contains("On plan: 98.0 %").doesNotContain("Enter spend");
        assertThat(web.post(viewer, post, "channel", "EMAIL", "from", today.toString(), "to", today.toString(),
                "amount", "1", "currency", "EUR")).hasStatus(403);

        MockHttpSession stranger = web.signIn(workspaces.workspace("Budget page stranger"));
        assertThat(mvc.get().uri(page).session(stranger).exchange()).hasStatus(404);
        assertThat(web.post(stranger, post, "channel", "EMAIL", "from", today.toString(), "to", today.toString(),
                "amount", "1", "currency", "EUR")).hasStatus(404);
    }

    @Test
    void aCampaignWithNothingSetSaysWhatIsMissing() {
        Member owner = workspaces.workspace("Budget page empty");
        String campaign = campaigns.create(owner, "Bare");
        String shown = web.page(web.signIn(owner), "/analytics/campaigns/" + campaign + "/budget");
        assertThat(shown).contains("This campaign has no budget yet", "Set its budget",
                "No budget: set the campaign&#39;s budget and its start and end dates to see its pacing and forecast",
                "No forecast: set the campaign&#39;s budget and its start and end dates.",
                "The strategy has no budget split per channel yet", "No spend yet",
                "No channel has spent, earned or converted yet", "Enter spend");
    }

    private static Map<String, Object> fact(String campaign, String metric, LocalDate day, String value,
            String currency) {
        return new HashMap<>(Map.of("source", "page", "objectType", "ad", "objectId", "ad-" + currency,
                "campaignId", campaign, "channel", "SEARCH_ADS", "metric", metric, "granularity", "DAY",
                "periodStart", day + "T00:00:00Z", "value", new BigDecimal(value), "currency", currency));
    }
}
