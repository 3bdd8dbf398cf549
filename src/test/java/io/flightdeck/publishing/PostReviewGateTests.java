package io.flightdeck.publishing;

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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes out is what was approved, per post: a post carries a creative and its version; it goes out only when that
 * version is approved (content scope) and the post itself is (schedule scope). A decision on a scope decides the items
 * waiting in it. A post added or changed after approval waits alone, with its blocker; the others go out.
 */
@FlightdeckTest
class PostReviewGateTests {

    private static final String CREATIVES = "/api/v1/content/creatives";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    io.flightdeck.support.WebSessions web;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private ApprovalRequests requests;
    private Member owner;
    private Member contributor;
    private Member approver;
    private String campaign;
    private String x;
    private String linkedIn;

    @BeforeEach
    void setUp() {
        requests = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Post gate");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        approver = workspaces.addMember(owner, Role.APPROVER);
        // this workspace reviews content and schedules; strategy and ads are not what these tests are about
        for (String scope : List.of("strategy", "ads")) {
            assertThat(api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}")).hasStatusOk();
        }
        campaign = requests.campaign(owner, "Spring launch");
        requests.makeReady(owner, campaign);
        requests.initialized(contributor, campaign);
        x = account("X (sandbox)", "TWITTER");
        linkedIn = account("LinkedIn (sandbox)", "LINKEDIN");
    }

    private String account(String name, String channel) {
        MvcTestResult created = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"%s","channel":"%s","timeZone":"UTC","settings":{"mode":"NORMAL"}}""".formatted(name, channel));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private MvcTestResult schedule(String account, String text, Instant at) {
        MvcTestResult created = api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"%s","at":"%s"}""".formatted(campaign, account, text, at));
        assertThat(created).hasStatus(201);
        return created;
    }

    private String item(String itemId) {
        MvcTestResult items = api.as(owner).get(ApprovalRequests.CAMPAIGNS + "/" + campaign + "/approval-items?size=100");
        assertThat(items).hasStatusOk();
        List<String> ids = Json.read(items, "$.items[?(@.itemId=='" + itemId + "')].id");
        assertThat(ids).as("the approval item of " + itemId).hasSize(1);
        return ids.get(0);
    }

    private String status(String postId) {
        return Json.read(api.as(owner).get("/api/v1/social/posts/" + postId), "$.status");
    }

    private List<String> blockerKeys(String postId) {
        return Json.read(api.as(owner).get("/api/v1/social/posts/" + postId), "$.channels[0].blockers[*].key");
    }

    private void approveScopes() {
        assertThat(requests.approve(approver, requests.scopeId(owner, campaign, "content"))).hasStatusOk();
        assertThat(requests.approve(approver, requests.scopeId(owner, campaign, "schedule"))).hasStatusOk();
    }

    @Test
    void aScopeDecisionDecidesItsItemsAndOnlyAPostAddedAfterwardsWaits() {
        Instant soon = Instant.now().plusSeconds(3);
        MvcTestResult first = schedule(x, "Spring roast is back", soon);
        MvcTestResult second = schedule(linkedIn, "Spring roast is back on LinkedIn", soon);
        String firstId = Json.read(first, "$.id");
        String secondId = Json.read(second, "$.id");
        // a post written as text has a creative behind it, in content review, and the post is in schedule review
        String creative = Json.read(first, "$.creativeId");
        assertThat(creative).isNotNull();
        assertThat((Integer) Json.read(first, "$.channels[0].creativeVersion")).isNotNull();
        assertThat(requests.state(owner, item(creative))).isEqualTo("PENDING");
        assertThat(requests.state(owner, item(firstId))).isEqualTo("PENDING");

        approveScopes();
        // deciding the scopes decided what waited in them, in the decider's name: nothing stays pending in an inbox
        assertThat(requests.state(owner, item(creative))).isEqualTo("APPROVED");
        assertThat(requests.state(owner, item(firstId))).isEqualTo("APPROVED");
        assertThat(requests.state(owner, item(secondId))).isEqualTo("APPROVED");
        MvcTestResult history = requests.history(owner, item(firstId));
        assertThat(Json.<List<String>>read(history, "$.items[?(@.kind=='APPROVED')].comment"))
                .containsExactly("Decided with the Schedule scope");
        assertThat(Json.<List<String>>read(history, "$.items[?(@.kind=='APPROVED')].actor")).doesNotContainNull()
                .allMatch(name -> !name.isBlank());
        assertThat(requests.inbox(approver)).doesNotContain(item(creative), item(firstId), item(secondId));

        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        // another network, so the minimum gap between a campaign's posts on one network does not refuse it
        MvcTestResult late = schedule(account("Facebook (sandbox)", "FACEBOOK"), "50% off everything, today only!",
                Instant.now().plusSeconds(2));
        String lateId = Json.read(late, "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(status(firstId))
                && "PUBLISHED".equals(status(secondId)) && !blockerKeys(lateId).isEmpty());
        assertThat(status(lateId)).isEqualTo("WAITING");
        assertThat(blockerKeys(lateId)).anyMatch(k -> k.startsWith("content-review:"))
                .anyMatch(k -> k.startsWith("schedule-review:"));
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/social/posts/" + lateId),
                "$.channels[0].blockers[*].fixLink")).allMatch(l -> l.startsWith("/approvals/"));

        // the campaign's feed tells what was scheduled and what went out
        List<String> feed = Json.read(api.as(owner).get(ApprovalRequests.CAMPAIGNS + "/" + campaign + "/activity?size=100"),
                "$.items[*].sentence");
        assertThat(feed).anyMatch(l -> l.contains("scheduled “Spring roast is back” to X (sandbox)"))
                .anyMatch(l -> l.contains("published “Spring roast is back” on X (sandbox) (X (Twitter))"));

        // approved on its own, it goes too
        String lateCreative = Json.read(late, "$.creativeId");
        assertThat(requests.approve(approver, item(lateCreative))).hasStatusOk();
        assertThat(requests.approve(approver, item(lateId))).hasStatusOk();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(status(lateId)));

        // the campaign heard once that it was blocked (a PostBlocked for the notifications module, which tells the
        // owner and the followers: CampaignNotificationsTests), however often the post was checked while it waited
        String channelPost = Json.read(api.as(owner).get("/api/v1/social/posts/" + lateId), "$.channels[0].id");
        assertThat(jdbc.queryForObject("select count(*) from event_publication where event_type like ? and "
                + "serialized_event like ?", Integer.class, "%PostBlocked", "%" + channelPost + "%"))
                .as("one PostBlocked for the late post").isEqualTo(1);
    }

    @Test
    void aNewCreativeVersionAfterApprovalHoldsOnlyThePostsThatCarryIt() {
        MvcTestResult made = api.as(contributor).post(CREATIVES, """
                {"campaignId":"%s","title":"Spring teaser","channels":["TWITTER","LINKEDIN"],"mode":"MANUAL",
                 "texts":{"CAPTION":"Our spring roast is here."}}""".formatted(campaign));
        assertThat(made).hasStatus(201);
        String creative = Json.read(made, "$.id");
        Instant soon = Instant.now().plusSeconds(4);
        MvcTestResult carriesOld = api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","creativeId":"%s","accountId":"%s","at":"%s"}""".formatted(campaign, creative, x, soon));
        assertThat(carriesOld).hasStatus(201);
        assertThat(Json.<String>read(carriesOld, "$.channels[0].text")).isEqualTo("Our spring roast is here.");
        approveScopes();
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();

        // the creative changes after approval: a new version, back in review
        MvcTestResult changed = api.as(contributor).put(CREATIVES + "/" + creative + "/components/caption",
                "{\"text\":\"Our spring roast is here, and it is half price.\"}");
        assertThat(changed).hasStatusOk();
        int newVersion = Json.read(changed, "$.revision");
        MvcTestResult carriesNew = api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","creativeId":"%s","creativeVersion":%d,"accountId":"%s","at":"%s"}"""
                .formatted(campaign, creative, newVersion, linkedIn, Instant.now().plusSeconds(2)));
        assertThat(carriesNew).hasStatus(201);
        assertThat((Integer) Json.read(carriesNew, "$.channels[0].creativeVersion")).isEqualTo(newVersion);
        String oldId = Json.read(carriesOld, "$.id");
        String newId = Json.read(carriesNew, "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(status(oldId))
                && !blockerKeys(newId).isEmpty());
        assertThat(blockerKeys(newId)).contains("content-review:" + creative);

        // a stale version is refused before anything is written
        long before = total();
        assertThat(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","creativeId":"%s","creativeVersion":%d,"accountId":"%s"}"""
                .formatted(campaign, creative, newVersion - 1, x))).hasStatus(409);
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void changingAPostsCopyForOneNetworkIsAnEditOfTheCreativesCopyThere() {
        MvcTestResult made = api.as(contributor).post("/api/v1/social/schedule-multi-platform", """
                {"campaignId":"%s","text":"Spring roast is back","targets":[{"accountId":"%s"},{"accountId":"%s"}]}"""
                .formatted(campaign, x, linkedIn));
        assertThat(made).hasStatus(201);
        String creative = Json.read(made, "$.creativeId");
        String xPost = Json.<List<String>>read(made, "$.channels[?(@.channel=='TWITTER')].id").get(0);
        int before = Json.<List<Integer>>read(made, "$.channels[?(@.channel=='TWITTER')].creativeVersion").get(0);
        int postRevision = Json.read(made, "$.revision");

        MvcTestResult edited = api.as(contributor).patch("/api/v1/social/channel-posts/" + xPost,
                "{\"text\":\"Spring roast is back. Short and sweet for X.\"}");
        assertThat(edited).hasStatusOk();
        assertThat((Integer) Json.read(edited, "$.creativeVersion")).isGreaterThan(before);
        MvcTestResult creativeNow = api.as(owner).get(CREATIVES + "/" + creative);
        assertThat(Json.<String>read(creativeNow, "$.channelTexts.TWITTER"))
                .isEqualTo("Spring roast is back. Short and sweet for X.");
        assertThat(Json.<java.util.Map<String, String>>read(creativeNow, "$.channelTexts")).containsOnlyKeys("TWITTER");
        MvcTestResult post = api.as(owner).get("/api/v1/social/posts/" + Json.read(made, "$.id"));
        assertThat((Integer) Json.read(post, "$.revision")).isEqualTo(postRevision + 1);
        assertThat(Json.<List<String>>read(post, "$.channels[?(@.channel=='LINKEDIN')].text"))
                .containsExactly("Spring roast is back");
    }

    @Test
    void theApproverSeesThePostsSubmittedToTheScheduleScopeAndTheAdsPlanWithItsAmounts() {
        schedule(x, "Spring roast is back", Instant.now().plusSeconds(3600));
        String page = web.page(web.signIn(approver), "/approvals/" + requests.scopeId(owner, campaign, "schedule"));
        assertThat(page).contains("Items submitted (1)").contains("Post “Spring roast is back”")
                .contains("Spring roast is back").contains("X (sandbox)").contains("(UTC)").doesNotContain("Nothing has been submitted")
                .doesNotContain("for the account");

        // a reader elsewhere reads the time in their own zone, as every other time on the page, and the account's
        // clock beside it (seen: each account's own zone, beside times in the reader's)
        Instant at = Instant.parse("2027-03-04T10:30:00Z");
        schedule(x, "Spring roast in Tokyo", at);
        assertThat(api.as(approver).put("/api/v1/me", "{\"displayName\":\"Aki Approver\",\"timeZone\":\"Asia/Tokyo\"}"))
                .hasStatusOk();
        assertThat(web.page(web.signIn(approver), "/approvals/" + requests.scopeId(owner, campaign, "schedule")))
                .contains("Thu 4 Mar 2027, 19:30 (Asia/Tokyo), Thu 10:30 for the account (UTC)");

        assertThat(api.as(owner).put("/api/v1/approval-scopes/ads", "{\"enabled\":true}")).hasStatusOk();
        assertThat(api.as(contributor).post(io.flightdeck.strategy.StrategyRequests.base(campaign),
                io.flightdeck.strategy.StrategyRequests.FULL)).hasStatus(201);
        requests.initialized(contributor, campaign);
        String ads = web.page(web.signIn(approver), "/approvals/" + requests.scopeId(owner, campaign, "ads"));
        assertThat(ads).contains("Ads plan (strategy version 1)").contains("Leads").contains("Cap CPC at 2 EUR")
                .contains("60 %").contains("3,000.00 EUR").contains("2,000.00 EUR").contains("Budget split of 5,000.00 EUR");
    }

    @Test
    void anotherWorkspacesCreativeIsRefusedAndAViewerCannotSchedule() {
        Member stranger = workspaces.withoutApprovals("Elsewhere");
        String theirCampaign = requests.campaign(stranger, "Theirs");
        MvcTestResult theirs = api.as(stranger).post(CREATIVES, """
                {"campaignId":"%s","title":"Theirs","channels":["TWITTER"],"mode":"MANUAL","texts":{"CAPTION":"Hi"}}"""
                .formatted(theirCampaign));
        assertThat(theirs).hasStatus(201);
        long before = total();
        assertThat(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","creativeId":"%s","accountId":"%s"}""".formatted(campaign, Json.read(theirs, "$.id"), x)))
                .hasStatus(400);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Hello"}""".formatted(campaign, x))).hasStatus(403);
        assertThat(total()).isEqualTo(before);
        assertThat(api.as(stranger).get(ApprovalRequests.CAMPAIGNS + "/" + campaign + "/approval-items")).hasStatus(404);
    }

    private long total() {
        return ((Number) Json.read(api.as(owner).get("/api/v1/social/queue/" + campaign), "$.total")).longValue();
    }
}
