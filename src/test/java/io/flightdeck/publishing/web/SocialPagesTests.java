package io.flightdeck.publishing.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The publishing pages through a member's session: channels (connect a sandbox account, change its behaviour,
 * disconnect), the campaign's Social posts card (schedule, the queue with states and blockers), a channel's moves,
 * the dead-letter list and the sandbox's preview of a post.
 */
@FlightdeckTest
class SocialPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    private ApprovalRequests requests;
    private Member owner;
    private String campaign;

    @BeforeEach
    void setUp() {
        requests = new ApprovalRequests(mvc);
        owner = workspaces.withoutApprovals("Social pages");
        campaign = requests.campaign(owner, "Spring roast");
    }

    @Test
    void anAdminConnectsASandboxAccountAndAContributorSchedulesFromTheCampaignCard() {
        MockHttpSession admin = web.signIn(owner);
        assertThat(web.page(admin, "/channels")).contains("No accounts yet").contains("Connect a sandbox account");
        assertThat(web.post(admin, "/channels/sandbox", "displayName", "", "channel", "LINKEDIN"))
                .hasStatus3xxRedirection();
        assertThat(web.page(admin, "/channels")).contains("No accounts yet");
        assertThat(web.post(admin, "/channels/sandbox", "displayName", "Roastery on LinkedIn", "channel", "LINKEDIN",
                "timeZone", "Europe/Berlin", "mode", "NORMAL")).hasStatus3xxRedirection();
        String channels = web.page(admin, "/channels");
        assertThat(channels).contains("Roastery on LinkedIn").contains("Connected").contains("Europe/Berlin");
        String account = Json.<List<String>>read(api.as(owner).get("/api/v1/channels"), "$[*].id").get(0);

        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MockHttpSession session = web.signIn(contributor);
        assertThat(web.page(session, "/channels")).doesNotContain("Connect a sandbox account");
        String card = web.fragment(session, "/campaigns/" + campaign + "/social/panel");
        assertThat(card).contains("Nothing scheduled for this campaign yet").contains("Write a post");
        assertThat(web.page(session, "/campaigns/" + campaign + "/compose")).contains("Roastery on LinkedIn (LinkedIn)")
                .contains("LinkedIn does best from 08:00 to 17:00 in Europe/Berlin");

        // refused: what was typed stays, and the problem is named at its field
        MvcTestResult none = web.post(session, "/campaigns/" + campaign + "/compose", "text", "Hello there", "when", "best");
        assertThat(none).hasStatusOk().bodyText().contains("Tick at least one account").contains("Hello there");

        MvcTestResult scheduled = web.post(session, "/campaigns/" + campaign + "/compose", "accountIds", account,
                "text", "Spring roast is back", "firstComment", "example.com", "when", "best");
        assertThat(scheduled).hasStatus3xxRedirection();
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/social/panel")).contains("Spring roast is back")
                .contains("best time").contains("Scheduled");

        // the campaign is not launched: publishing now says what the post waits for (seen: "Publishing now.")
        String channelPost = Json.read(api.as(owner).get("/api/v1/social/queue/" + campaign), "$.items[0].channels[0].id");
        MvcTestResult now = web.post(session, "/social/channel-posts/" + channelPost + "/publish");
        assertThat(now).hasStatus3xxRedirection();
        assertThat(String.valueOf(now.getMvcResult().getFlashMap().get("flash"))).contains("It cannot go now")
                .contains("posts go out once it is launched").doesNotContain("Publishing now");
        assertThat((String) Json.read(api.as(owner).get("/api/v1/social/queue/" + campaign),
                "$.items[0].channels[0].plannedBy")).isEqualTo("BEST_TIME");
    }

    @Test
    void aRefusedPostShowsOnTheDeadLetterListWithTheNetworksWordsAndCanBeCancelled() {
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        String refusing = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Strict\",\"channel\":\"TWITTER\",\"settings\":{\"mode\":\"REFUSE\"}}"), "$.id");
        String post = Json.read(api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Too bold","at":"%s"}"""
                .formatted(campaign, refusing, Instant.now().plusSeconds(1))), "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "NEEDS_ATTENTION".equals(
                Json.read(api.as(owner).get("/api/v1/social/posts/" + post), "$.status")));

        MockHttpSession session = web.signIn(owner);
        String list = web.page(session, "/social/dead-letter");
        assertThat(list).contains("Too bold").contains("refused the post").contains("Retry").contains("Cancel");
        String channelPost = Json.read(api.as(owner).get("/api/v1/social/posts/" + post), "$.channels[0].id");
        assertThat(web.post(session, "/social/channel-posts/" + channelPost + "/cancel")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/social/dead-letter")).contains("Nothing to fix");
    }

    @Test
    void aCsvFromTheCardSchedulesEveryRowOrNoneAndEveryPostMovesTogether() {
        String account = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}"), "$.id");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/social/panel")).contains("Schedule from a CSV");
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(10);
        String bad = "account,at,text\nRoastery on X,%s 10:00,Fine\nNobody,,Who\n".formatted(day);
        MvcTestResult refused = mvc.post().uri("/campaigns/" + campaign + "/social/batch").multipart()
                .file(new org.springframework.mock.web.MockMultipartFile("file", "posts.csv", "text/csv", bad.getBytes()))
                .session(session).with(csrf()).exchange();
        assertThat(refused).hasStatus3xxRedirection();
        assertThat(web.page(session, "/campaigns/" + campaign + "/tabs/posts")).contains("row 3 account");
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/social/panel"))
                .contains("Nothing scheduled for this campaign yet");

        String good = "account,at,text\nRoastery on X,%s 10:00,Morning\nRoastery on X,%s 10:00,Next day\n"
                .formatted(day, day.plusDays(1));
        assertThat(mvc.post().uri("/campaigns/" + campaign + "/social/batch").multipart()
                .file(new org.springframework.mock.web.MockMultipartFile("file", "posts.csv", "text/csv", good.getBytes()))
                .session(session).with(csrf()).exchange()).hasStatus3xxRedirection();
        assertThat(web.page(session, "/campaigns/" + campaign + "/tabs/posts")).contains("2 posts scheduled.");

        // a day later each, both together: the first lands where the second was, which moved first
        assertThat(web.post(session, "/campaigns/" + campaign + "/social/shift", "days", "1")).hasStatus3xxRedirection();
        List<String> times = Json.read(api.as(owner).get("/api/v1/social/posts?from=" + day.atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC) + "&to=" + day.plusDays(5).atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC)), "$[*].scheduledAt");
        assertThat(times).containsExactly(day.plusDays(1) + "T10:00:00Z", day.plusDays(2) + "T10:00:00Z");
        assertThat(account).isNotBlank();
    }

    @Test
    void theSandboxShowsAPostAsItsNetworkWould() {
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        String account = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\"}"), "$.id");
        String post = Json.read(api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Fresh beans today","firstComment":"#coffee","at":"%s"}"""
                .formatted(campaign, account, Instant.now().plusSeconds(1))), "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(
                Json.read(api.as(owner).get("/api/v1/social/posts/" + post), "$.status")));
        String url = Json.read(api.as(owner).get("/api/v1/social/posts/" + post), "$.channels[0].externalUrl");

        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, url)).contains("Roastery on X").contains("Fresh beans today").contains("#coffee")
                .contains("impressions");
        Member stranger = workspaces.workspace("Elsewhere");
        assertThat(mvc.get().uri(url).session(web.signIn(stranger)).exchange()).hasStatus(404);
    }

    @Test
    void eachQueuedPostHasAPreviewAsItsNetworkWillShowIt() {
        String x = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\"}"), "$.id");
        String linkedIn = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on LinkedIn\",\"channel\":\"LINKEDIN\"}"), "$.id");
        String longText = "Our spring roast is here. ".repeat(12).strip();
        // X counts the link as 23 characters: 257 + 1 + 23 = 281 would be refused, 256 + 1 + 23 = 280 is not
        String link = "https://example.com/spring/" + "a".repeat(60);
        String tooLong = """
                {"campaignId":"%s","at":"%s","targets":[{"accountId":"%s","text":"%s"}]}""".formatted(campaign,
                Instant.now().plus(Duration.ofDays(2)), x, "b".repeat(257) + " " + link);
        assertThat(api.as(owner).post("/api/v1/social/schedule-multi-platform", tooLong)).hasStatus(400)
                .bodyText().contains("at most 280 characters; this has 281");
        String post = Json.read(api.as(owner).post("/api/v1/social/schedule-multi-platform", """
                {"campaignId":"%s","text":"%s","firstComment":"Spring menu: example.com/spring","at":"%s",
                 "targets":[{"accountId":"%s","text":"%s"},{"accountId":"%s"}]}"""
                .formatted(campaign, longText, Instant.now().plus(Duration.ofDays(2)), x, "b".repeat(256) + " " + link,
                        linkedIn)), "$.id");
        List<String> ids = Json.read(api.as(owner).get("/api/v1/social/posts/" + post), "$.channels[*].id");
        List<String> channels = Json.read(api.as(owner).get("/api/v1/social/posts/" + post), "$.channels[*].channel");

        MockHttpSession session = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/social/panel"))
                .contains("/social/channel-posts/" + ids.get(0) + "/preview").contains("Preview as");
        String toX = web.page(session, "/social/channel-posts/" + ids.get(channels.indexOf("TWITTER")) + "/preview");
        assertThat(toX).contains("Roastery on X").contains("Reply").contains("Spring menu: example.com/spring")
                .contains("280/280").contains("characters as X (Twitter) counts them").doesNotContain("will refuse it")
                .doesNotContain("see more");
        String toLinkedIn = web.page(session, "/social/channel-posts/" + ids.get(channels.indexOf("LINKEDIN"))
                + "/preview");
        assertThat(toLinkedIn).contains("Roastery on LinkedIn").contains("First comment").contains("…see more")
                .contains("/3,000").doesNotContain("will refuse it");

        Member stranger = workspaces.workspace("Elsewhere");
        assertThat(mvc.get().uri("/social/channel-posts/" + ids.get(0) + "/preview").session(web.signIn(stranger))
                .exchange()).hasStatus(404);
    }
}
