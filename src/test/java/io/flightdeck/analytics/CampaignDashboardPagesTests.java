package io.flightdeck.analytics;

import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard page says what the API says, in words: each figure with its change on the days before, money in its
 * currency, the trend's table behind the chart (and the JSON the chart is drawn from), the channels; a range it cannot
 * show is said and the default shown; the campaign page's Analytics tab carries the last 30 days in brief. A viewer
 * reads it; another workspace finds nothing.
 */
@FlightdeckTest
class CampaignDashboardPagesTests {

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

    @Test
    void thePageShowsTheFiguresWithTheirChangesInWords() {
        Member owner = workspaces.workspace("Dashboard page");
        String campaign = campaigns.create(owner, "Autumn <launch>");
        List<Map<String, Object>> facts = List.of(
                fact(campaign, "CLICKS", "2026-11-16", 50, null), fact(campaign, "CLICKS", "2026-11-10", 40, null),
                fact(campaign, "IMPRESSIONS", "2026-11-16", 1000, null),
                fact(campaign, "SPEND", "2026-11-17", 100, "EUR"), fact(campaign, "REVENUE", "2026-11-18", 250, "EUR"));
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();
        RolledUp.await(jdbc, owner);

        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        String path = "/analytics/campaigns/" + campaign + "?from=2026-11-16&to=2026-11-22";
        String page = web.page(viewer, path);
        assertThat(page).contains("Analytics: Autumn &lt;launch&gt;", "From <span>16 Nov 2026</span> to",
                "<span>9 Nov 2026</span> to", "Up 25.0 % on the 7 days before", "Nothing to compare with in the 7 days before",
                "Money in EUR", "EUR 100.00", "EUR 250.00", "2.50 ×", "150 %", "5 %", "Day by day",
                "The numbers, day by day", "Channels", "SEARCH_ADS");
        // the channels ranked, the funnel, ROI by channel, and why clicks moved (the default figure)
        assertThat(page).contains("Share of clicks", "Funnel", "(5 % of the step before)",
                "Return on investment by channel", "Why did it move?", "Clicks rose from 40 to 50 (+10, +25.0 %) between"
                + " 9 Nov 2026 to 15 Nov 2026 and 16 Nov 2026 to 22 Nov 2026. All of the rise came from Search ads"
                + " (+10, +25.0 %).");
        assertThat(web.page(viewer, path + "&why=SPEND:EUR")).contains("Spend in EUR rose from EUR 0.00 to EUR 100.00");
        assertThat(web.page(viewer, path + "&why=SPEND")).contains("That figure cannot be explained", "Clicks rose");
        // each channel leads to the items behind its numbers, for the same days
        assertThat(page).contains("href=\"/analytics/campaigns/" + campaign + "/channels/SEARCH_ADS?from=2026-11-16&amp;to=2026-11-22\"");
        assertThat(web.page(viewer, "/analytics/campaigns/" + campaign + "/channels/SEARCH_ADS?from=2026-11-16&to=2026-11-22"))
                .contains("SEARCH_ADS in Autumn &lt;launch&gt;", "What earned them", "ad ad-CLICKS", "EUR 250.00");
        // the chart's data: the API's object, unable to close its script element
        assertThat(page).contains("id=\"analytics-dashboard-data\"", "\"campaignName\":\"Autumn \\u003claunch\\u003e\"");

        assertThat(mvc.get().uri("/analytics/campaigns/" + campaign + "?from=2026-11-22&to=2026-11-16")
                .session(viewer).exchange()).hasStatus(400).bodyText()
                .contains("The range starts after it ends", "Showing the last 30 days instead");

        // read again in place (htmx): the figures alone, which name the stream that says when to read them again
        String figures = web.fragment(viewer, path);
        assertThat(figures).startsWith("<div id=\"dashboard-figures\"").contains("Up 25.0 % on the 7 days before",
                "data-live-source=\"/analytics/campaigns/" + campaign + "/stream?shown=").doesNotContain("<h1");

        String panel = web.fragment(viewer, "/analytics/campaigns/" + campaign + "/panel");
        assertThat(panel).contains("The last 30 days", "Open the dashboard", "/analytics/campaigns/" + campaign + "/stream");
        assertThat(web.page(viewer, "/campaigns/" + campaign + "/tabs/analytics")).contains("Analytics",
                "/analytics/campaigns/" + campaign + "/panel");

        MockHttpSession stranger = web.signIn(workspaces.workspace("Dashboard page stranger"));
        assertThat(mvc.get().uri(path).session(stranger).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/analytics/campaigns/" + campaign + "/panel").session(stranger).exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/analytics/campaigns/" + campaign + "/stream").session(stranger).exchange())
                .hasStatus(404);
    }

    private static Map<String, Object> fact(String campaign, String metric, String day, int value, String currency) {
        Map<String, Object> fact = new java.util.HashMap<>(Map.of("source", "page", "objectType", "ad",
                "objectId", "ad-" + metric, "campaignId", campaign, "channel", "SEARCH_ADS", "metric", metric,
                "granularity", "DAY", "periodStart", day + "T00:00:00Z", "value", value));
        if (currency != null) {
            fact.put("currency", currency);
        }
        return fact;
    }
}
