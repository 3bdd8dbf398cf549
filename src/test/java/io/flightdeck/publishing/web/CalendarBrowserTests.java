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
 * so after the drop), a move the minimum gap refuses puts the post back and says why, and the month fits a phone.
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
}
