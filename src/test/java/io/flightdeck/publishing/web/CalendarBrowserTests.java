package io.flightdeck.publishing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content calendar in Chromium: a post dragged to another day moves there at the same time of day (the API says
 * so after the drop), a move the minimum gap refuses puts the post back and says why, and the month fits a phone; each
 * post shows its text and campaign, the campaign and channel filters narrow the calendar and stay on from month to
 * month, and a phone opens on today without scrolling sideways.
 */
@BrowserTest
class CalendarBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;

    @Test
    void aPostDraggedToAnotherDayMovesThereAtTheSameTime(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Calendar");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Winter");
        String account = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}"), "$.id");
        // the 10th and the 20th of next month at 10:30 UTC (the owner's zone), well apart
        LocalDate month = LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(1);
        Instant first = month.withDayOfMonth(10).atTime(LocalTime.of(10, 30)).toInstant(ZoneOffset.UTC);
        Instant second = month.withDayOfMonth(20).atTime(LocalTime.of(10, 30)).toInstant(ZoneOffset.UTC);
        String moving = Json.read(api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Winter blend","at":"%s"}""".formatted(campaign, account, first)),
                "$.channels[0].id");
        api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Holiday hours","at":"%s"}""".formatted(campaign, account, second));

        PageChecks.install(page.context());
        ui.signIn(page, owner);
        page.navigate(ui.url("/social/calendar?date=" + month));
        Locator post = page.locator(".calendar-post[data-channel-post-id='" + moving + "']");
        assertThat(post).containsText("10:30");
        assertThat(page.locator(".calendar-day[data-date='" + month.withDayOfMonth(10) + "'] .calendar-post")).hasCount(1);

        post.dragTo(page.locator(".calendar-day[data-date='" + month.withDayOfMonth(12) + "']"));
        assertThat(page.locator(".calendar-day[data-date='" + month.withDayOfMonth(12) + "'] .calendar-post"))
                .containsText("Roastery on X");
        assertThat(page.locator("#calendar-live")).hasText("Moved to " + month.withDayOfMonth(12) + ".");
        Instant moved = Instant.parse(Json.read(api.as(owner).get("/api/v1/social/channel-posts/" + moving), "$.scheduledAt"));
        assertThat(moved).isEqualTo(month.withDayOfMonth(12).atTime(LocalTime.of(10, 30)).toInstant(ZoneOffset.UTC));

        // onto the other post's day: closer than the two-hour gap, so refused, and the post goes back
        page.locator(".calendar-post[data-channel-post-id='" + moving + "']")
                .dragTo(page.locator(".calendar-day[data-date='" + month.withDayOfMonth(20) + "']"));
        assertThat(page.locator("#calendar .alert-error")).containsText("keep at least 120 minutes");
        assertThat(page.locator(".calendar-day[data-date='" + month.withDayOfMonth(12) + "'] .calendar-post")).hasCount(1);

        page.screenshot(ui.screenshot("calendar"));
        page.navigate(ui.url("/social/calendar?view=week&date=" + month.withDayOfMonth(12)));
        assertThat(page.locator(".calendar-post")).hasCount(1);
        page.setViewportSize(390, 844);
        for (String view : new String[] {"month", "week", "day"}) {
            page.navigate(ui.url("/social/calendar?view=" + view + "&date=" + month.withDayOfMonth(12)));
            page.waitForLoadState();
            assertThat(PageChecks.overflow(page)).as(view).isNull();
            assertThat(PageChecks.axeViolations(page)).as(view).isEmpty();
        }
    }

    @Test
    void postsShowTheirTextAndCampaignTheFiltersNarrowThemAndAPhoneOpensOnToday(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Calendar filters");
        ApprovalRequests requests = new ApprovalRequests(mvc);
        String aurora = requests.campaign(owner, "Aurora launch");
        String beacon = requests.campaign(owner, "Beacon promo");
        String x = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}"), "$.id");
        String linkedIn = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on LinkedIn\",\"channel\":\"LINKEDIN\",\"timeZone\":\"UTC\"}"), "$.id");
        LocalDate month = LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(1);
        String[][] posts = {{aurora, x, "Winter blend is back", "8"}, {beacon, linkedIn, "Spring roast tasting", "15"},
                {aurora, linkedIn, "Aurora behind the scenes", "22"}};
        for (String[] p : posts) {
            Instant at = month.withDayOfMonth(Integer.parseInt(p[3])).atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
            api.as(owner).post("/api/v1/social/schedule", """
                    {"campaignId":"%s","accountId":"%s","text":"%s","at":"%s"}""".formatted(p[0], p[1], p[2], at));
        }

        PageChecks.install(page.context());
        ui.signIn(page, owner);
        page.navigate(ui.url("/social/calendar?date=" + month));
        Locator shown = page.locator(".calendar-post");
        assertThat(shown).hasCount(3);
        Locator winter = page.locator(".calendar-day[data-date='" + month.withDayOfMonth(8) + "'] .calendar-post");
        assertThat(winter.locator(".calendar-post-text")).hasText("Winter blend is back");
        assertThat(winter.locator("a.calendar-campaign")).hasText("Aurora launch");
        assertThat(winter.locator("a.calendar-campaign")).hasAttribute("href", "/campaigns/" + aurora);
        assertThat(winter).containsText("X (Twitter)");
        assertThat(winter).containsText("09:00");

        // by campaign (htmx on change): the address names the filter, and the next month and back keep it
        PageChecks.settle(page);
        page.selectOption("#calendar-campaign", aurora);
        assertThat(shown).hasCount(2);
        assertThat(page.locator(".calendar-post-text")).hasText(new String[] {"Winter blend is back", "Aurora behind the scenes"});
        assertThat(page).hasURL(ui.url("/social/calendar?view=month&date=" + month + "&campaignId=" + aurora));
        page.locator(".calendar-nav a", new Page.LocatorOptions().setHasText("Next month")).click();
        assertThat(page.locator(".calendar-empty")).containsText("No posts in this month for the campaign Aurora launch.");
        assertThat(page.locator("#calendar-campaign")).hasValue(aurora);
        page.locator(".calendar-nav a", new Page.LocatorOptions().setHasText("Previous month")).click();
        assertThat(shown).hasCount(2);
        assertThat(page).hasURL(ui.url("/social/calendar?view=month&date=" + month + "&campaignId=" + aurora));

        // and by channel too: only Aurora's LinkedIn post; then every campaign on LinkedIn (the swap can take a
        // while on a loaded machine: wait for its address first)
        PageChecks.settle(page); // the swapped-in form listens for changes only once htmx has settled it
        page.selectOption("#calendar-channel", "linkedin");
        assertThat(page).hasURL(ui.url("/social/calendar?view=month&date=" + month + "&campaignId=" + aurora
                + "&channel=linkedin"), new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(20_000));
        assertThat(shown).hasCount(1);
        assertThat(shown).containsText("Aurora behind the scenes");
        PageChecks.settle(page);
        page.selectOption("#calendar-campaign", "");
        assertThat(page.locator(".calendar-post-text")).hasText(new String[] {"Spring roast tasting", "Aurora behind the scenes"});
        assertThat(page).hasURL(ui.url("/social/calendar?view=month&date=" + month + "&channel=linkedin"));
        assertThat(PageChecks.axeViolations(page)).as("filtered").isEmpty();
        page.reload();
        assertThat(shown).hasCount(2);
        assertThat(page.locator("#calendar-channel")).hasValue("linkedin");

        // a phone opens on today: the first day it shows is today, in view, and nothing scrolls sideways
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        page.setViewportSize(390, 844);
        for (String view : new String[] {"month", "week"}) {
            page.navigate(ui.url("/social/calendar?view=" + view));
            page.waitForLoadState();
            Object first = page.evaluate("() => [...document.querySelectorAll('.calendar-day')]"
                    + ".find(d => d.getClientRects().length > 0).dataset.date");
            assertThat(first).as(view).isEqualTo(today.toString());
            Locator todayCell = page.locator(".calendar-day.is-today");
            assertThat(todayCell).isInViewport();
            assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth")).as(view)
                    .isLessThanOrEqualTo(390);
            assertThat(PageChecks.axeViolations(page)).as(view).isEmpty();
        }
        page.navigate(ui.url("/social/calendar"));
        if (today.getDayOfMonth() > 1) {
            Locator earlier = page.locator(".calendar-day[data-date='" + today.minusDays(1) + "']");
            assertThat(earlier).isHidden();
            page.locator("label.calendar-earlier").click();
            assertThat(earlier).isVisible();
        }
        page.screenshot(ui.screenshot("calendar-phone"));
        page.navigate(ui.url("/social/calendar?date=" + month + "&campaignId=" + aurora));
        assertThat(page.locator(".calendar-post-text")).hasText(new String[] {"Winter blend is back", "Aurora behind the scenes"});
        assertThat(PageChecks.overflow(page)).isNull();
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
    }
}
