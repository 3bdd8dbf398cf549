package io.flightdeck.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In Chromium at a phone's width: the campaign page's Analytics tab loads its card, which leads to the dashboard; the
 * chart is drawn from the page's JSON with the numbers the table shows; the 7-day link narrows the range, and the
 * figures follow. Numbers that arrive while the dashboard or the card is open show in place, without a reload.
 */
@BrowserTest
class CampaignDashboardBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTabLeadsToTheDashboardWhoseChartHoldsTheTablesNumbers(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Dashboard browser");
        String campaign = Json.read(api.as(owner).post("/api/v1/campaigns", Map.of("name", "Browser sale",
                "type", "OTHER")), "$.id");
        // clicks on each of the last ten days: 10, 11, ... 19 (today last)
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Map<String, Object>> facts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            facts.add(new HashMap<>(Map.of("source", "browser", "objectType", "ad", "objectId", "ad-1",
                    "campaignId", campaign, "channel", "INSTAGRAM", "metric", "CLICKS", "granularity", "DAY",
                    "periodStart", today.minusDays(9 - i) + "T00:00:00Z", "value", 10 + i)));
        }
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts)).getResponse().getStatus())
                .isEqualTo(200);
        RolledUp.await(jdbc, owner);
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add(message.text());
            }
        });
        ui.signIn(page, owner);
        page.setViewportSize(390, 844);

        page.navigate(ui.url("/campaigns/" + campaign + "/tabs/analytics"));
        assertThat(page.locator(".analytics-panel")).containsText("145"); // 10 + 11 + ... + 19
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the dashboard")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Analytics: Browser sale");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart=trend]'))");
        List<?> clicks = (List<?>) page.evaluate("() => Chart.getChart(document.querySelector('canvas[data-chart=trend]'))"
                + ".data.datasets[0].data");
        assertThat(clicks).hasSize(30);
        assertThat(clicks.subList(20, 30).stream().map(n -> ((Number) n).intValue()).toList())
                .containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        page.screenshot(ui.screenshot("phone-campaign-dashboard"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("7 days").setExact(true)).click();
        var figures = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Key figures"));
        assertThat(figures).containsText("112"); // 13 + ... + 19
        assertThat(figures).containsText("Up 239.4 % on the 7 days before"); // 10 + 11 + 12 = 33 before
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart=trend]'))");
        assertThat((List<?>) page.evaluate("() => Chart.getChart(document.querySelector('canvas[data-chart=trend]'))"
                + ".data.datasets[0].data")).hasSize(7);
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);

        // new numbers arrive while the page is open: the figures and the chart follow without a reload
        page.evaluate("() => { window.notReloaded = true; }");
        postClicks(owner, campaign, "ad-2", today, 100);
        assertThat(figures).containsText("212"); // 112 + 100
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart=trend]'))"
                + " && Chart.getChart(document.querySelector('canvas[data-chart=trend]')).data.datasets[0].data[6] === 119");
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);

        // and so does the campaign page's card
        page.navigate(ui.url("/campaigns/" + campaign + "/tabs/analytics"));
        assertThat(page.locator(".analytics-panel")).containsText("245"); // 145 + 100
        page.evaluate("() => { window.notReloaded = true; }");
        postClicks(owner, campaign, "ad-3", today.minusDays(1), 1000);
        assertThat(page.locator(".analytics-panel")).containsText("1,245");
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
        org.assertj.core.api.Assertions.assertThat(errors).isEmpty();
    }

    private void postClicks(Member owner, String campaign, String ad, LocalDate day, int clicks) {
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", List.of(Map.of("source", "browser",
                "objectType", "ad", "objectId", ad, "campaignId", campaign, "channel", "INSTAGRAM", "metric", "CLICKS",
                "granularity", "DAY", "periodStart", day + "T00:00:00Z", "value", clicks))))
                .getResponse().getStatus()).isEqualTo(200);
    }
}
