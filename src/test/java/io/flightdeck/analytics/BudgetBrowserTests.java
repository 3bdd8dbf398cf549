package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium at a phone's width, a manager opens the budget of a campaign under way (the page walk sees one not yet
 * started), is told which field is wrong, enters a channel's spend and sees the pacing move, with nothing sticking out
 * sideways and no serious accessibility fault at either step.
 */
@BrowserTest
class BudgetBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerEntersSpendOnAPhone(WebUi ui, BrowserContext context) {
        Member owner = workspaces.workspace("Budget browser");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String campaign = Json.read(api.as(owner).post("/api/v1/campaigns", Map.of("name", "Phone sale",
                "type", "OTHER", "startDate", today.minusDays(9).toString(), "endDate", today.plusDays(20).toString(),
                "channels", List.of("INSTAGRAM", "SEARCH_ADS"),
                "budget", Map.of("amount", new BigDecimal("3000.00"), "currency", "EUR"))), "$.id");
        api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", Map.of(
                "platforms", List.of("INSTAGRAM", "SEARCH_ADS"), "goals", List.of("Sign-ups"),
                "adsConfig", Map.of("budgetSplit", Map.of("INSTAGRAM", 40, "SEARCH_ADS", 60))));
        List<Map<String, Object>> facts = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            facts.add(new HashMap<>(Map.of("source", "browser", "objectType", "ad", "objectId", "ad-1",
                    "campaignId", campaign, "channel", "SEARCH_ADS", "metric", "SPEND", "granularity", "DAY",
                    "periodStart", today.minusDays(9 - d) + "T00:00:00Z", "value", new BigDecimal("60"),
                    "currency", "EUR")));
        }
        api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts));
        RolledUp.await(jdbc, owner);

        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, workspaces.addMember(owner, Role.MANAGER));
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/analytics/campaigns/" + campaign + "/budget"));
        // 600 of the 1,000 planned by today
        assertThat(page.locator(".budget-pacing")).hasText("Behind plan: 60.0 % of the EUR 1,000.00 planned to date "
                + "is spent");
        check(page, "the budget");

        page.getByLabel("Channel", new Page.GetByLabelOptions().setExact(true)).selectOption("INSTAGRAM");
        page.getByLabel("First day").fill(today.minusDays(9).toString());
        page.getByLabel("Amount spent over these days").fill("-5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enter spend")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("one field needs a change");
        assertThat(page.locator("#spend-amount-error")).hasText("An amount spent is 0 or more");
        check(page, "a refused entry");

        page.getByLabel("Amount spent over these days").fill("380");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enter spend")).click();
        assertThat(page.locator(".toast")).containsText("EUR 380.00 of Instagram spend entered");
        RolledUp.await(jdbc, owner);
        page.reload();
        assertThat(page.locator(".budget-pacing")).hasText("On plan: 98.0 % of the EUR 1,000.00 planned to date "
                + "is spent");
        page.screenshot(ui.screenshot("phone-campaign-budget"));
        check(page, "the budget after the entry");
    }

    private static void check(Page page, String what) {
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as(what + " at 390 px").isNull();
        assertThat(PageChecks.axeViolations(page)).as(what).isEmpty();
    }
}
