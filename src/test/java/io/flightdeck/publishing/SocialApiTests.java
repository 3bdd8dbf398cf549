package io.flightdeck.publishing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The social scheduler's API: scheduling to one account or several (each at its best time, or at a given time),
 * validation before anything is written, the minimum gap, a post that partly publishes, the queue, calendar and
 * dead-letter lists, channel accounts, tenancy and roles.
 */
@FlightdeckTest
class SocialApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private ApprovalRequests requests;
    private Member owner;
    private Member contributor;
    private String campaign;
    private String linkedIn;
    private String x;

    @BeforeEach
    void setUp() {
        requests = new ApprovalRequests(mvc);
        owner = workspaces.withoutApprovals("Social");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        campaign = requests.campaign(owner, "Spring launch");
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        linkedIn = account(owner, "LinkedIn (sandbox)", "LINKEDIN", "Europe/Berlin", "NORMAL");
        x = account(owner, "X (sandbox)", "TWITTER", "America/New_York", "NORMAL");
    }

    private String account(Member as, String name, String channel, String zone, String mode) {
        var created = api.as(as).post("/api/v1/channels/sandbox", """
                {"displayName":"%s","channel":"%s","timeZone":"%s","settings":{"mode":"%s"}}"""
                .formatted(name, channel, zone, mode));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private long postCount(Member as) {
        var queue = api.as(as).get("/api/v1/social/queue/" + campaign);
        assertThat(queue).hasStatusOk();
        return ((Number) Json.read(queue, "$.total")).longValue();
    }

    @Test
    void aPostToOneAccountWithoutATimeGoesAtItsNextBestTime() {
        var created = api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Spring roast is back","firstComment":"example.com/spring"}"""
                .formatted(campaign, linkedIn));
        assertThat(created).hasStatus(201);
        assertThat(Json.<String>read(created, "$.status")).isEqualTo("SCHEDULED");
        assertThat(Json.<String>read(created, "$.title")).isEqualTo("Spring roast is back");
        Instant at = Instant.parse(Json.read(created, "$.channels[0].scheduledAt"));
        assertThat(Json.<String>read(created, "$.channels[0].plannedBy")).isEqualTo("BEST_TIME");
        int hour = at.atZone(ZoneId.of("Europe/Berlin")).getHour();
        assertThat(hour).as("LinkedIn's window, 8–17 in Berlin").isBetween(8, 16);
        assertThat(at.atZone(ZoneId.of("Europe/Berlin")).getMinute() % 5).isZero();

        var best = api.as(owner).get("/api/v1/social/best-times?campaignId=" + campaign + "&accountId=" + linkedIn);
        assertThat(best).hasStatusOk();
        Instant next = Instant.parse(Json.read(best, "$.at"));
        assertThat(Duration.between(at, next).abs()).as("the gap to the first").isGreaterThanOrEqualTo(Duration.ofHours(2));
    }

    @Test
    void aPostToSeveralAccountsKeepsAStateAndTextPerChannelAndOneFailingLeavesTheOthers() {
        String refusing = account(owner, "Instagram (refuses)", "INSTAGRAM", "UTC", "REFUSE");
        Instant soon = Instant.now().plusSeconds(2);
        var created = api.as(contributor).post("/api/v1/social/schedule-multi-platform", """
                {"campaignId":"%s","title":"Launch day","text":"Spring roast is back",
                 "targets":[{"accountId":"%s","at":"%s"},
                            {"accountId":"%s","text":"Spring roast is back 🌱 #coffee","at":"%s"},
                            {"accountId":"%s","at":"%s"}]}"""
                .formatted(campaign, linkedIn, soon, x, soon, refusing, soon));
        assertThat(created).hasStatus(201);
        String id = Json.read(created, "$.id");
        assertThat(Json.<List<String>>read(created, "$.channels[*].text")).containsExactlyInAnyOrder(
                "Spring roast is back", "Spring roast is back 🌱 #coffee", "Spring roast is back");

        // until every channel is through: the post reads "partly published" as soon as one is out and another failed
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Json.<List<String>>read(
                api.as(owner).get("/api/v1/social/posts/" + id), "$.channels[?(@.status in ['SCHEDULED', "
                        + "'PUBLISHING'])].id").isEmpty());
        var post = api.as(owner).get("/api/v1/social/posts/" + id);
        assertThat(Json.<String>read(post, "$.status")).isEqualTo("PARTLY_PUBLISHED");
        assertThat(Json.<List<String>>read(post, "$.channels[?(@.channel == 'INSTAGRAM')].status"))
                .containsExactly("FAILED");
        assertThat(Json.<List<String>>read(post, "$.channels[?(@.channel != 'INSTAGRAM')].status"))
                .containsExactly("PUBLISHED", "PUBLISHED");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten() {
        String tooLong = "x".repeat(281);
        assertThat(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"%s"}""".formatted(campaign, x, tooLong)))
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString().isNotBlank();
        assertThat(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s"}""".formatted(campaign, x))).hasStatus(400);
        assertThat(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Hi","at":"2020-01-01T00:00:00Z"}""".formatted(campaign, x)))
                .hasStatus(400);
        assertThat(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Hi"}""".formatted(campaign,
                "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b"))).hasStatus(400);
        assertThat(api.as(contributor).post("/api/v1/social/schedule-multi-platform", """
                {"campaignId":"%s","text":"Hi","targets":[{"accountId":"%s"},{"accountId":"%s"}]}"""
                .formatted(campaign, x, x))).hasStatus(400);
        assertThat(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Hi","mediaAssetIds":["0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b"]}"""
                .formatted(campaign, x))).hasStatus(400);
        assertThat(postCount(owner)).isZero();
    }

    @Test
    void twoPostsOfACampaignOnOneChannelKeepTheMinimumGap() {
        Instant at = Instant.now().plus(Duration.ofDays(3));
        assertThat(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"First","at":"%s"}""".formatted(campaign, x, at)))
                .hasStatus(201);
        var tooClose = api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Second","at":"%s"}""".formatted(campaign, x,
                at.plus(Duration.ofMinutes(90))));
        assertThat(tooClose).hasStatus(400);
        assertThat(Json.body(tooClose)).contains("120 minutes");
        // another channel is not held by it
        assertThat(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Second","at":"%s"}""".formatted(campaign, linkedIn,
                at.plus(Duration.ofMinutes(90))))).hasStatus(201);
    }

    @Test
    void aScheduledPostCanBeEditedRescheduledAndCancelledButNotTwice() {
        Instant at = Instant.now().plus(Duration.ofDays(5));
        var created = api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Draft text","at":"%s"}""".formatted(campaign, x, at));
        String channelPost = Json.read(created, "$.channels[0].id");
        var current = api.as(contributor).get("/api/v1/social/channel-posts/" + channelPost);
        String etag = current.getResponse().getHeader("ETag");

        var edited = api.as(contributor).ifMatch(etag).patch("/api/v1/social/channel-posts/" + channelPost,
                "{\"text\":\"Final text\",\"firstComment\":\"#spring\"}");
        assertThat(edited).hasStatusOk();
        assertThat(Json.<String>read(edited, "$.text")).isEqualTo("Final text");
        // the old ETag is stale now
        assertThat(api.as(contributor).ifMatch(etag).patch("/api/v1/social/channel-posts/" + channelPost,
                "{\"text\":\"Other\"}")).hasStatus(412);

        var moved = api.as(contributor).post("/api/v1/social/channel-posts/" + channelPost + "/reschedule",
                "{\"at\":\"" + at.plus(Duration.ofDays(1)) + "\"}");
        assertThat(moved).hasStatusOk();
        assertThat(Instant.parse(Json.read(moved, "$.scheduledAt"))).isEqualTo(at.plus(Duration.ofDays(1)));

        assertThat(api.as(contributor).post("/api/v1/social/channel-posts/" + channelPost + "/cancel")).hasStatusOk();
        var again = api.as(contributor).post("/api/v1/social/channel-posts/" + channelPost + "/cancel");
        assertThat(again).hasStatus(409);
        assertThat(Json.<String>read(again, "$.type")).endsWith("/illegal-transition");
        assertThat(Json.<String>read(again, "$.attemptedMove")).isEqualTo("cancel");
        assertThat(api.as(contributor).post("/api/v1/social/channel-posts/" + channelPost + "/retry")).hasStatus(409);
    }

    @Test
    void aPostCarriesItsNetworkChoicesWhichAreCheckedAndCanBeChanged() {
        Instant at = Instant.now().plus(Duration.ofDays(6));
        // bad choices are refused before anything is written
        long before = postCount(contributor);
        for (String bad : new String[] {"{\"Format\":\"reel\"}", "{\"format\":null}", "{\"format\":\"\"}",
                "{\"format\":\"" + "r".repeat(101) + "\"}"}) {
            var refused = api.as(contributor).post("/api/v1/social/schedule", """
                    {"campaignId":"%s","accountId":"%s","text":"Reel","at":"%s","networkOptions":%s}"""
                    .formatted(campaign, x, at, bad));
            assertThat(refused).as(bad).hasStatus(400);
            assertThat(Json.<String>read(refused, "$.errors[0].field")).startsWith("targets[0].options");
        }
        assertThat(postCount(contributor)).isEqualTo(before);

        var created = api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Reel","at":"%s","networkOptions":{"format":"reel"}}"""
                .formatted(campaign, x, at));
        assertThat(created).hasStatus(201);
        String channelPost = Json.read(created, "$.channels[0].id");
        assertThat(Json.<String>read(created, "$.channels[0].networkOptions.format")).isEqualTo("reel");

        // an edit of the text keeps the choices; {} clears them
        var edited = api.as(contributor).patch("/api/v1/social/channel-posts/" + channelPost, "{\"text\":\"Reel!\"}");
        assertThat(Json.<String>read(edited, "$.networkOptions.format")).isEqualTo("reel");
        var cleared = api.as(contributor).patch("/api/v1/social/channel-posts/" + channelPost,
                "{\"networkOptions\":{}}");
        assertThat(cleared).hasStatusOk();
        assertThat(Json.<java.util.Map<String, Object>>read(cleared, "$.networkOptions")).isEmpty();

        // a post written before there were choices (its column empty) reads and edits as one without any
        jdbc.sql("update channel_posts set network_options = null where id = ?").param(java.util.UUID.fromString(
                channelPost)).update();
        assertThat(Json.<java.util.Map<String, Object>>read(api.as(contributor).get("/api/v1/social/channel-posts/"
                + channelPost), "$.networkOptions")).isEmpty();
        assertThat(Json.<String>read(api.as(contributor).patch("/api/v1/social/channel-posts/" + channelPost,
                "{\"text\":\"Reel again\"}"), "$.text")).isEqualTo("Reel again");

        // the sandbox offers no choices; another workspace does not see the account
        var offered = api.as(contributor).get("/api/v1/channels/post-options/" + x);
        assertThat(offered).hasStatusOk();
        assertThat(Json.<List<Object>>read(offered, "$.options")).isEmpty();
        assertThat(Json.<Object>read(offered, "$.unavailable")).isNull();
        assertThat(api.as(workspaces.withoutApprovals("Other")).get("/api/v1/channels/post-options/" + x))
                .hasStatus(404);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult csv(Member as, String body) {
        return api.as(as).raw(org.springframework.http.HttpMethod.POST, "/api/v1/social/batch?campaignId=" + campaign,
                "text/csv", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aCsvOfPostsIsScheduledAllOrNothing() {
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(20);
        var bad = csv(contributor, """
                account,at,text,first_comment
                LinkedIn (sandbox),%s 09:00,Monday post,#spring
                Nobody,%s 10:00,Who?,
                X (sandbox),tomorrow-ish,Bad time,
                X (sandbox),,%s,
                """.formatted(day, day, "y".repeat(300)));
        assertThat(bad).hasStatus(400);
        assertThat(Json.<List<String>>read(bad, "$.errors[*].field")).containsExactly("row 3 account", "row 4 at",
                "row 5 text");
        assertThat(postCount(owner)).as("nothing written").isZero();

        var good = csv(contributor, """
                account,at,text,first_comment,title
                LinkedIn (sandbox),%s 09:00,Monday post,#spring,Week 1
                %s,%sT15:00:00Z,Afternoon on X,,
                X (sandbox),,Whenever it is best,,
                """.formatted(day, x, day));
        assertThat(good).hasStatus(201);
        assertThat(Json.<Integer>read(good, "$.created")).isEqualTo(3);
        assertThat(postCount(owner)).isEqualTo(3);
        // 09:00 in the LinkedIn account's zone (Berlin)
        Instant nine = Instant.parse(Json.read(good, "$.posts[0].channels[0].scheduledAt"));
        assertThat(nine.atZone(ZoneId.of("Europe/Berlin")).getHour()).isEqualTo(9);

        // a second file whose post is too close to one already planned: refused with its row
        var tooClose = csv(contributor, """
                account,at,text
                LinkedIn (sandbox),%s 10:00,Too close
                """.formatted(day));
        assertThat(tooClose).hasStatus(400);
        assertThat(Json.<List<String>>read(tooClose, "$.errors[*].field")).containsExactly("row 2 at");
        assertThat(csv(contributor, "who,what\nx,y\n")).hasStatus(400);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(csv(viewer, "account,text\nX (sandbox),Hi\n")).hasStatus(403);
    }

    @Test
    void manyPostsMoveTogetherOrNotAtAll() {
        Instant base = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String first = Json.read(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"One","at":"%s"}""".formatted(campaign, x, base)),
                "$.channels[0].id");
        String second = Json.read(api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Two","at":"%s"}""".formatted(campaign, x,
                base.plus(Duration.ofHours(3)))), "$.channels[0].id");
        var moved = api.as(contributor).post("/api/v1/social/bulk-reschedule", """
                {"channelPostIds":["%s","%s"],"shift":"P1D"}""".formatted(first, second));
        assertThat(moved).hasStatusOk();
        assertThat(Json.<List<String>>read(moved, "$[*].scheduledAt")).containsExactly(
                base.plus(Duration.ofDays(1)).toString(), base.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)).toString());

        assertThat(api.as(contributor).post("/api/v1/social/channel-posts/" + second + "/cancel")).hasStatusOk();
        var refused = api.as(contributor).post("/api/v1/social/bulk-reschedule", """
                {"channelPostIds":["%s","%s"],"shift":"PT1H"}""".formatted(first, second));
        assertThat(refused).hasStatus(400);
        assertThat(Json.<List<String>>read(refused, "$.errors[*].field")).containsExactly("channelPostIds[1]");
        Instant firstNow = Instant.parse(Json.read(api.as(owner).get("/api/v1/social/channel-posts/" + first),
                "$.scheduledAt"));
        assertThat(firstNow).as("the first did not move either").isEqualTo(base.plus(Duration.ofDays(1)));
    }

    @Test
    void theCalendarListsPostsBetweenTwoInstants() {
        Instant at = Instant.now().plus(Duration.ofDays(10));
        api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"In range","at":"%s"}""".formatted(campaign, x, at));
        var calendar = api.as(owner).get("/api/v1/social/posts?from=" + at.minus(Duration.ofDays(1)) + "&to="
                + at.plus(Duration.ofDays(1)));
        assertThat(calendar).hasStatusOk();
        assertThat(Json.<List<String>>read(calendar, "$[*].text")).containsExactly("In range");
        assertThat(api.as(owner).get("/api/v1/social/posts?from=" + at + "&to=" + at.minusSeconds(1))).hasStatus(400);
        assertThat(api.as(owner).get("/api/v1/social/posts?from=" + at + "&to=" + at.plus(Duration.ofDays(90))))
                .hasStatus(400);
    }

    @Test
    void anotherWorkspaceSeesNothingAndAViewerChangesNothing() {
        var created = api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Ours","at":"%s"}"""
                .formatted(campaign, x, Instant.now().plus(Duration.ofDays(2))));
        String postId = Json.read(created, "$.id");
        String channelPost = Json.read(created, "$.channels[0].id");

        Member stranger = workspaces.withoutApprovals("Elsewhere");
        assertThat(api.as(stranger).get("/api/v1/social/posts/" + postId)).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/social/channel-posts/" + channelPost)).hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/social/channel-posts/" + channelPost + "/cancel")).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/social/queue/" + campaign)).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/channels/" + x)).hasStatus(404);
        String theirCampaign = requests.campaign(stranger, "Theirs");
        // our account cannot be used from their workspace
        assertThat(api.as(stranger).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Hi"}""".formatted(theirCampaign, x))).hasStatus(400);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).get("/api/v1/social/posts/" + postId)).hasStatusOk();
        assertThat(api.as(viewer).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Hi"}""".formatted(campaign, x))).hasStatus(403);
        assertThat(api.as(viewer).post("/api/v1/social/channel-posts/" + channelPost + "/cancel")).hasStatus(403);
        assertThat(api.as(contributor).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Mine\",\"channel\":\"TWITTER\"}")).as("accounts are the admins'").hasStatus(403);
    }

    @Test
    void sandboxAccountsAreCheckedAndCanBeDisconnected() {
        assertThat(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Mail\",\"channel\":\"EMAIL\"}")).hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Bad zone\",\"channel\":\"TWITTER\",\"timeZone\":\"Mars/Olympus\"}")).hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Bad mode\",\"channel\":\"TWITTER\",\"settings\":{\"mode\":\"EXPLODE\"}}")).hasStatus(400);
        var networks = api.as(owner).get("/api/v1/channels/networks");
        assertThat(Json.<List<String>>read(networks, "$[*].network")).contains("sandbox");

        assertThat(api.as(owner).delete("/api/v1/channels/" + x)).hasStatus(204);
        assertThat(api.as(owner).get("/api/v1/channels/" + x)).hasStatus(404);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/channels"), "$[*].id")).containsExactly(linkedIn);
    }
}
