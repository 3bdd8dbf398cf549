package io.flightdeck.publishing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The content calendar through a member's session: each post with its text, campaign (linked), channel, account, time
 * and state; the campaign and channel filters as query parameters that the pages' links keep; an htmx request answers
 * the calendar alone with a clean address; another workspace's campaign is not found; bad input answers 400, never a
 * 500.
 */
@FlightdeckTest
class CalendarPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    private Member owner;
    private String aurora;
    private String beacon;
    private LocalDate month;

    @BeforeEach
    void setUp() {
        owner = workspaces.withoutApprovals("Calendar pages");
        ApprovalRequests requests = new ApprovalRequests(mvc);
        aurora = requests.campaign(owner, "Aurora launch");
        beacon = requests.campaign(owner, "Beacon promo");
        String x = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}"), "$.id");
        String linkedIn = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on LinkedIn\",\"channel\":\"LINKEDIN\",\"timeZone\":\"UTC\"}"), "$.id");
        month = LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(1);
        schedule(aurora, x, "Winter blend is back", month.withDayOfMonth(10));
        schedule(beacon, linkedIn, "Spring roast tasting", month.withDayOfMonth(14));
    }

    private void schedule(String campaign, String account, String text, LocalDate day) {
        Instant at = day.atTime(LocalTime.of(10, 30)).toInstant(ZoneOffset.UTC);
        api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"%s","at":"%s"}""".formatted(campaign, account, text, at));
    }

    private MvcTestResult get(MockHttpSession session, String path) {
        return mvc.get().uri(path).session(session).exchange();
    }

    @Test
    void eachPostShowsItsTextCampaignChannelTimeAndState() {
        MockHttpSession session = web.signIn(owner);
        String page = web.page(session, "/social/calendar?date=" + month);
        assertThat(page).contains("Winter blend is back").contains("Spring roast tasting")
                .contains("href=\"/campaigns/" + aurora + "\">Aurora launch</a>")
                .contains("href=\"/campaigns/" + beacon + "\">Beacon promo</a>")
                .contains("X (Twitter)").contains("Roastery on X").contains("LinkedIn").contains("10:30")
                .contains("Scheduled").contains("title=\"Winter blend is back\"");
        // the select offers the workspace's campaigns and the channels
        assertThat(page).contains("<option value=\"" + aurora + "\">Aurora launch</option>")
                .contains("<option value=\"linkedin\">LinkedIn</option>");
    }

    @Test
    void theFiltersNarrowTheCalendarAndThePagesLinksKeepThem() {
        MockHttpSession session = web.signIn(owner);
        String byCampaign = web.page(session, "/social/calendar?date=" + month + "&campaignId=" + aurora);
        assertThat(byCampaign).contains("Winter blend is back").doesNotContain("Spring roast tasting")
                .contains("<option value=\"" + aurora + "\" selected=\"selected\">Aurora launch</option>")
                .contains("Clear filters");
        String byChannel = web.page(session, "/social/calendar?view=month&date=" + month + "&channel=linkedin");
        assertThat(byChannel).contains("Spring roast tasting").doesNotContain("Winter blend is back")
                .contains("<option value=\"linkedin\" selected=\"selected\">LinkedIn</option>");
        // the channel in any case
        assertThat(web.page(session, "/social/calendar?date=" + month + "&channel=TWITTER"))
                .contains("Winter blend is back").doesNotContain("Spring roast tasting");

        // previous, next and the views keep the filter
        String next = "/social/calendar?view=month&amp;date=" + month.plusMonths(1) + "&amp;campaignId=" + beacon
                + "&amp;channel=linkedin";
        String both = web.page(session, "/social/calendar?date=" + month + "&campaignId=" + beacon + "&channel=linkedin");
        assertThat(both).contains("Spring roast tasting").contains("href=\"" + next + "\"")
                .contains("href=\"/social/calendar?view=week&amp;date=" + month + "&amp;campaignId=" + beacon
                        + "&amp;channel=linkedin\"");
        // the move keeps the channel too (the script sends the rest)
        assertThat(both).contains("data-move-url=\"/social/calendar/move?channel=linkedin\"");

        String nothing = web.page(session, "/social/calendar?date=" + month + "&campaignId=" + aurora + "&channel=linkedin");
        assertThat(nothing).contains("No posts in this month for the campaign Aurora launch on LinkedIn.")
                .contains("Show every campaign and channel").doesNotContain("Winter blend is back");
        assertThat(web.page(session, "/social/calendar?view=week&date=" + month.withDayOfMonth(20) + "&channel=twitter"))
                .contains("No posts in this week on X (Twitter).");
    }

    @Test
    void anHtmxRequestAnswersTheCalendarAloneWithAnAddressNamingOnlyTheFiltersSet() {
        MockHttpSession session = web.signIn(owner);
        MvcTestResult result = mvc.get().uri("/social/calendar?view=week&date=" + month.withDayOfMonth(14)
                + "&campaignId=&channel=linkedin").header("HX-Request", "true").session(session).exchange();
        assertThat(result).hasStatusOk().hasHeader("HX-Push-Url",
                "/social/calendar?view=week&date=" + month.withDayOfMonth(14) + "&channel=linkedin");
        assertThat(result).bodyText().startsWith("<div id=\"calendar\"").contains("Spring roast tasting")
                .doesNotContain("<html");
    }

    @Test
    void aPhoneOpensOnTodayBehindAToggleForTheEarlierDays() {
        MockHttpSession session = web.signIn(owner);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String page = web.page(session, "/social/calendar");
        assertThat(page).contains("data-date=\"" + today + "\" aria-current=\"date\"");
        if (today.getDayOfMonth() > 1) {
            assertThat(page).contains("calendar-earlier-toggle")
                    .contains("Show the " + (today.getDayOfMonth() - 1) + " earlier")
                    .contains("data-date=\"" + today.minusDays(1) + "\"");
        } else {
            assertThat(page).doesNotContain("calendar-earlier-toggle");
        }
        // another month has nothing to fold
        assertThat(web.page(session, "/social/calendar?date=" + month)).doesNotContain("calendar-earlier-toggle");
    }

    @Test
    void anotherWorkspacesCampaignIsNotFoundAndItsPostsNeverShow() {
        Member stranger = workspaces.withoutApprovals("Calendar stranger");
        MockHttpSession session = web.signIn(stranger);
        assertThat(get(session, "/social/calendar?date=" + month + "&campaignId=" + aurora)).hasStatus(404).bodyText()
                .contains("The campaign was not found").doesNotContain("Winter blend is back");
        assertThat(get(session, "/social/calendar?campaignId=" + UUID.randomUUID())).hasStatus(404);
        assertThat(web.page(session, "/social/calendar?date=" + month)).doesNotContain("Winter blend is back")
                .doesNotContain("Aurora launch").contains("No posts in this month.");
        assertThat(mvc.post().uri("/social/calendar/move").session(session).with(csrf()).param("channelPostId",
                UUID.randomUUID().toString()).param("to", month.toString()).param("campaignId", aurora).exchange())
                .hasStatus(404);
    }

    @Test
    void badInputAnswersAClearPageNeverAServerError() {
        MockHttpSession session = web.signIn(owner);
        assertThat(get(session, "/social/calendar?date=2026-13-45")).hasStatus(400).bodyText()
                .contains("date must be a date such as 2026-12-01.");
        assertThat(get(session, "/social/calendar?channel=myspace")).hasStatus(400).bodyText()
                .contains("channel must be one of").contains("linkedin");
        assertThat(get(session, "/social/calendar?channel=email")).hasStatus(400);
        assertThat(get(session, "/social/calendar?view=year")).hasStatus(400).bodyText()
                .contains("view must be month, week or day.");
        assertThat(get(session, "/social/calendar?campaignId=not-an-id")).hasStatus(400).bodyText()
                .contains("campaignId is not valid");
        // a move to a date that is none says so in the calendar
        String post = Json.read(api.as(owner).get("/api/v1/social/queue/" + aurora), "$.items[0].channels[0].id");
        assertThat(mvc.post().uri("/social/calendar/move").session(session).with(csrf()).header("HX-Request", "true")
                .param("channelPostId", post).param("to", "someday").param("date", month.toString()).exchange())
                .hasStatusOk().bodyText().contains("alert-error").contains("must be a date such as 2026-12-01.");
    }
}
