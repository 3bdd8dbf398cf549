package io.flightdeck.analytics;

import java.util.HashMap;
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

/**
 * The Analytics page says what the summary API says, in words: the workspace's totals with their change on the days
 * before and as of when, money per currency, the campaigns in a table whose headings sort it (a second click turns
 * the order round), paged, each linking to its dashboard for the same days; with no numbers it says so; a range or
 * order it cannot show is said and the default shown. A viewer finds it in the navigation; another workspace's
 * campaigns never show.
 */
@FlightdeckTest
class WorkspaceSummaryPagesTests {

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
    void thePageShowsTheWorkspaceAndEachCampaignInWords() {
        Member owner = workspaces.workspace("Summary page");
        String autumn = campaigns.create(owner, "Autumn <launch>");
        String winter = campaigns.create(owner, "Winter sale");
        List<Map<String, Object>> facts = List.of(
                fact(autumn, "CLICKS", "2026-11-16", 50, null), fact(autumn, "CLICKS", "2026-11-10", 40, null),
                fact(autumn, "IMPRESSIONS", "2026-11-16", 1000, null),
                fact(autumn, "SPEND", "2026-11-17", 100, "EUR"), fact(autumn, "REVENUE", "2026-11-18", 250, "EUR"),
                fact(winter, "CLICKS", "2026-11-20", 30, null), fact(winter, "SPEND", "2026-11-20", 20, "USD"));
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();
        RolledUp.await(jdbc, owner);
        Member stranger = workspaces.workspace("Summary page stranger");
        String theirs = campaigns.create(stranger, "Their secret launch");
        assertThat(api.as(stranger).post("/api/v1/analytics/facts", Map.of("facts", List.of(
                fact(theirs, "CLICKS", "2026-11-16", 9, null))))).hasStatusOk();
        RolledUp.await(jdbc, stranger);

        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.page(viewer, "/")).contains("href=\"/analytics\"", "<span>Analytics</span>");
        String page = web.page(viewer, "/analytics?from=2026-11-16&to=2026-11-22");
        assertThat(page).contains("<h1>Analytics</h1>", "from <span>16 Nov 2026</span> to",
                "<span>9 Nov 2026</span> to", "As of", "The workspace", "Up 100.0 % on the 7 days before",
                "Money in EUR", "Money in USD", "EUR 100.00", "EUR 250.00", "2.50 ×", "USD 20.00",
                "Nothing to compare with in the 7 days before", "Autumn &lt;launch&gt;", "Winter sale",
                "2 campaigns with numbers in these days or the 7 days before, by clicks, most first",
                "Spend (EUR)", "Spend (USD)", "+25.0 %", "new");
        assertThat(page).doesNotContain("Their secret launch", "in the trash");
        // most clicks first; the heading sorted by says so, and a second click turns it round
        assertThat(page.indexOf("Autumn &lt;launch&gt;")).isLessThan(page.indexOf(">Winter sale<"));
        assertThat(page).contains("aria-sort=\"descending\"",
                "href=\"/analytics?from=2026-11-16&amp;to=2026-11-22&amp;sort=clicks,asc\"",
                "href=\"/analytics?from=2026-11-16&amp;to=2026-11-22&amp;sort=name,asc\"",
                "href=\"/analytics?from=2026-11-16&amp;to=2026-11-22&amp;sort=spend,desc&amp;currency=USD\"",
                "href=\"/analytics/campaigns/" + autumn + "?from=2026-11-16&amp;to=2026-11-22\"",
                "href=\"/analytics?from=2026-11-16&amp;to=2026-11-22&amp;sort=clicks,desc\">7 days");

        String byUsd = web.page(viewer, "/analytics?from=2026-11-16&to=2026-11-22&sort=spend,desc&currency=USD");
        assertThat(byUsd.indexOf(">Winter sale<")).isLessThan(byUsd.indexOf("Autumn &lt;launch&gt;"));
        assertThat(byUsd).contains("by spend in USD, highest first",
                "href=\"/analytics?from=2026-11-16&amp;to=2026-11-22&amp;sort=spend,asc&amp;currency=USD\"");

        // read again in place (htmx) when numbers move: the figures alone, for the same days and order
        String figures = web.fragment(viewer, "/analytics?from=2026-11-16&to=2026-11-22&sort=spend,desc&currency=USD");
        assertThat(figures).startsWith("<div id=\"summary-figures\"").doesNotContain("<h1").contains(
                "data-live-source=\"/analytics/stream?shown=",
                "hx-get=\"/analytics?from=2026-11-16&amp;to=2026-11-22&amp;sort=spend,desc&amp;currency=USD\"");

        // a page of one: the pager keeps the days, order and size, and the totals are still the workspace's
        String second = web.page(viewer, "/analytics?from=2026-11-16&to=2026-11-22&sort=name,desc&page=1&size=1");
        assertThat(second).contains("Autumn &lt;launch&gt;", "Page 2 of 2", "EUR 100.00", "USD 20.00",
                "href=\"/analytics?from=2026-11-16&amp;to=2026-11-22&amp;sort=name,desc&amp;size=1&amp;page=0\"")
                .doesNotContain(">Winter sale<");

        assertThat(mvc.get().uri("/analytics?from=2026-11-22&to=2026-11-16").session(viewer).exchange())
                .hasStatus(400).bodyText().contains("The range starts after it ends",
                        "Showing the last 30 days, most clicks first, instead");
        assertThat(mvc.get().uri("/analytics?sort=budget").session(viewer).exchange()).hasStatus(400).bodyText()
                .contains("The sort must be one of clicks");

        String empty = web.page(viewer, "/analytics?from=2031-06-01&to=2031-06-07");
        assertThat(empty).contains("No campaign has numbers for these days")
                .doesNotContain("Winter sale");

        MockHttpSession theirSession = web.signIn(stranger);
        assertThat(web.page(theirSession, "/analytics?from=2026-11-16&to=2026-11-22")).contains("Their secret launch")
                .doesNotContain("Winter sale", "Autumn");
    }

    private static Map<String, Object> fact(String campaign, String metric, String day, int value, String currency) {
        Map<String, Object> fact = new HashMap<>(Map.of("source", "page", "objectType", "ad",
                "objectId", campaign + "-" + metric + "-" + day, "campaignId", campaign, "channel", "SEARCH_ADS",
                "metric", metric, "granularity", "DAY", "periodStart", day + "T00:00:00Z", "value", value));
        if (currency != null) {
            fact.put("currency", currency);
        }
        return fact;
    }
}
