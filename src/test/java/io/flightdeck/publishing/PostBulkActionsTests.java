package io.flightdeck.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk reschedule and cancel of social posts through the API: each channel post moved by the scheduler's own rules, a
 * published or cancelled one failing with the reason, undo putting the time before back but leaving a post changed
 * since, and bad parameters or a viewer refused before anything is written.
 */
@FlightdeckTest
class PostBulkActionsTests {

    private static final String BULK = "/api/v1/bulk";
    private static final String CHANNEL_POSTS = "/api/v1/social/channel-posts/";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;

    private Member owner;
    private Member contributor;
    private String campaign;
    private String linkedIn;

    @BeforeEach
    void setUp() {
        ApprovalRequests requests = new ApprovalRequests(mvc);
        owner = workspaces.withoutApprovals("Bulk posts");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        campaign = requests.campaign(owner, "Bulk posts launch");
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        MvcTestResult account = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"LinkedIn (sandbox)","channel":"LINKEDIN","timeZone":"UTC","settings":{"mode":"NORMAL"}}""");
        assertThat(account).hasStatus(201);
        linkedIn = Json.read(account, "$.id");
    }

    /** A post on the LinkedIn account at the given time; answers its one channel post's id. */
    private String post(String text, Instant at) {
        MvcTestResult created = api.as(contributor).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"%s","at":"%s"}""".formatted(campaign, linkedIn, text, at));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.channels[0].id");
    }

    private String field(String channelPost, String path) {
        MvcTestResult found = api.as(owner).get(CHANNEL_POSTS + channelPost);
        assertThat(found).hasStatusOk();
        return Json.read(found, path);
    }

    private String start(Member as, String action, List<String> ids, Map<String, Object> params) {
        MvcTestResult started = api.as(as).post(BULK, Map.of("type", "posts", "action", action, "ids", ids,
                "params", params));
        assertThat(started).hasStatus(202);
        return Json.read(started, "$.id");
    }

    private MvcTestResult settled(String operation, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(Json.read(api.as(contributor).get(BULK + "/"
                + operation), "$.status")));
        return api.as(contributor).get(BULK + "/" + operation);
    }

    @Test
    void aRescheduleMovesWhatCanMoveAndItsUndoLeavesAPostChangedSince() {
        Instant first = Instant.parse("2031-05-05T09:00:00Z");
        Instant second = Instant.parse("2031-05-06T15:00:00Z");
        String a = post("Spring roast is back", first);
        String b = post("Spring roast, second wave", second);
        String cancelled = post("Never mind", Instant.parse("2031-05-20T09:00:00Z"));
        assertThat(api.as(contributor).post(CHANNEL_POSTS + cancelled + "/cancel")).hasStatusOk();
        String published = post("Out already", Instant.now().plusSeconds(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(field(published, "$.status")));

        String operation = start(contributor, "reschedule", List.of(a, b, cancelled, published), Map.of("shiftDays", 2));
        MvcTestResult done = settled(operation, "FINISHED");
        MvcTestResult items = api.as(contributor).get(BULK + "/" + operation + "/items");
        assertThat(Json.<Integer>read(done, "$.succeeded")).as(Json.body(items)).isEqualTo(2);
        assertThat(Json.<Integer>read(done, "$.failed")).isEqualTo(2);
        assertThat(Json.<List<String>>read(items, "$.items[*].state")).as(Json.body(items))
                .containsExactly("SUCCEEDED", "SUCCEEDED", "FAILED", "FAILED");
        assertThat(Json.<List<String>>read(items, "$.items[2:4].reason")).as("the state machine's own words")
                .allSatisfy(reason -> assertThat(reason).isNotBlank().isNotEqualTo("Not found")
                        .doesNotContain("unexpected"));
        assertThat(Json.<List<String>>read(items, "$.items[*].name")).first().asString().contains("Spring roast is back");
        assertThat(Instant.parse(field(a, "$.scheduledAt"))).isEqualTo(first.plus(Duration.ofDays(2)));
        assertThat(Instant.parse(field(b, "$.scheduledAt"))).isEqualTo(second.plus(Duration.ofDays(2)));
        assertThat(field(cancelled, "$.status")).isEqualTo("CANCELLED");
        assertThat(field(published, "$.status")).isEqualTo("PUBLISHED");

        // someone moves the second post by hand after the bulk action: the undo must not overwrite that
        Instant byHand = Instant.parse("2031-06-01T09:00:00Z");
        assertThat(api.as(owner).post(CHANNEL_POSTS + b + "/reschedule", Map.of("at", byHand.toString()))).hasStatusOk();
        assertThat(api.as(contributor).post(BULK + "/" + operation + "/undo")).hasStatus(202);
        settled(operation, "UNDONE");
        MvcTestResult undone = api.as(contributor).get(BULK + "/" + operation + "/items?state=UNDO_FAILED");
        assertThat(Json.<List<String>>read(undone, "$.items[*].reason")).singleElement().asString()
                .contains("changed after the bulk action");
        assertThat(Instant.parse(field(a, "$.scheduledAt"))).isEqualTo(first);
        assertThat(Instant.parse(field(b, "$.scheduledAt"))).isEqualTo(byHand);
    }

    @Test
    void aCancelStopsWaitingPostsAndCannotBeUndone() {
        String a = post("Cancel me", Instant.parse("2031-07-01T09:00:00Z"));
        String operation = start(contributor, "cancel", List.of(a), Map.of());
        assertThat(Json.<Integer>read(settled(operation, "FINISHED"), "$.succeeded")).isEqualTo(1);
        assertThat(field(a, "$.status")).isEqualTo("CANCELLED");
        MvcTestResult undo = api.as(contributor).post(BULK + "/" + operation + "/undo");
        assertThat(undo).hasStatus(409);
        assertThat(Json.body(undo)).contains("bulk-not-undoable");
    }

    @Test
    void badParametersAndViewersAreRefusedBeforeAnythingIsWritten() {
        String a = post("Stay put", Instant.parse("2031-08-01T09:00:00Z"));
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post(BULK, Map.of("type", "posts", "action", "reschedule", "ids", List.of(a),
                "params", Map.of("shiftDays", 1)))).hasStatus(403);
        assertThat(api.as(contributor).post(BULK, Map.of("type", "posts", "action", "reschedule", "ids", List.of(a),
                "params", Map.of("shiftDays", 0)))).hasStatus(400);
        assertThat(api.as(contributor).post(BULK, Map.of("type", "posts", "action", "reschedule", "ids", List.of(a),
                "params", Map.of()))).hasStatus(400);
        assertThat(api.as(contributor).post(BULK, Map.of("type", "posts", "action", "publish", "ids", List.of(a),
                "params", Map.of()))).as("no bulk publish").hasStatus(400);
        assertThat(jdbc.sql("select count(*) from bulk_operations where tenant_id = ?").param(owner.workspaceId())
                .query(Long.class).single()).isZero();
        assertThat(Instant.parse(field(a, "$.scheduledAt"))).isEqualTo(Instant.parse("2031-08-01T09:00:00Z"));

        // another workspace's post is "Not found", like any unknown id
        Member stranger = workspaces.withoutApprovals("Bulk posts elsewhere");
        String operation = start(stranger, "reschedule", List.of(a), Map.of("shiftDays", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "FINISHED".equals(Json.read(api.as(stranger).get(BULK + "/"
                + operation), "$.status")));
        MvcTestResult items = api.as(stranger).get(BULK + "/" + operation + "/items");
        assertThat(Json.<List<String>>read(items, "$.items[*].reason")).containsExactly("Not found");
        assertThat(Json.body(items)).doesNotContain("Stay put");
    }
}
