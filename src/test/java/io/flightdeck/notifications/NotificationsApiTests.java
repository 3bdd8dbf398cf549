package io.flightdeck.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalCommentPosted;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The in-app inbox through the API: a trigger reaches the people it concerns and nobody else (not the actor, not
 * another workspace, not another member), once per event; the bell counts what is new; seen, read and archived are
 * the member's own.
 */
@FlightdeckTest
class NotificationsApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    private Member owner;
    private Member ann;
    private Member outsider;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Inbox");
        ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        outsider = workspaces.workspace("Someone else's inbox");
    }

    @Test
    void assigningATaskTellsTheAssigneeAndNobodyElse() {
        String task = assignedTask("Write the launch email");

        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 1);
        MvcTestResult feed = api.as(ann).get("/api/v1/notifications");
        assertThat(feed).hasStatusOk();
        assertThat((String) Json.read(feed, "$.items[0].title")).isEqualTo("Task for you: Write the launch email");
        assertThat((String) Json.read(feed, "$.items[0].link")).isEqualTo("/tasks/" + task);
        assertThat((String) Json.read(feed, "$.items[0].reason")).startsWith("You were assigned this task in ");
        assertThat((String) Json.read(feed, "$.items[0].category")).isEqualTo("TASKS");
        assertThat((Object) Json.read(feed, "$.items[0].seenAt")).isNull();

        assertThat(unseen(owner)).as("the actor").isZero();
        assertThat(unseen(outsider)).as("another workspace").isZero();
        String id = Json.read(feed, "$.items[0].id");
        assertThat(api.as(owner).post("/api/v1/notifications/" + id + "/read")).as("another member's item").hasStatus(404);
        assertThat(api.as(outsider).post("/api/v1/notifications/" + id + "/read")).as("another workspace").hasStatus(404);
    }

    @Test
    void aTaskCommentReachesItsAssigneeAndEarlierCommentersButNotItsAuthor() {
        String task = assignedTask("Brief the studio");
        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 1);
        Member bob = workspaces.addMember(owner, Role.CONTRIBUTOR);

        api.as(ann).post("/api/v1/tasks/" + task + "/comments", Map.of("body", "On it"));
        api.as(owner).post("/api/v1/tasks/" + task + "/comments", Map.of("body", "Thanks, Tuesday works"));
        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 2);
        assertThat(unseen(owner)).as("owner's own comment and ann's, made before the owner took part").isZero();

        api.as(bob).post("/api/v1/tasks/" + task + "/comments", Map.of("body", "I can help"));
        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 3 && unseen(owner) == 1);
        assertThat(unseen(bob)).as("the author").isZero();
        MvcTestResult annFeed = api.as(ann).get("/api/v1/notifications");
        assertThat((String) Json.read(annFeed, "$.items[0].title")).isEqualTo("A Contributor commented on Brief the studio");
        assertThat((String) Json.read(annFeed, "$.items[0].reason")).isEqualTo("The task is yours");
        assertThat((String) Json.read(annFeed, "$.items[0].category")).isEqualTo("COMMENTS");
        assertThat((String) Json.read(api.as(owner).get("/api/v1/notifications"), "$.items[0].reason"))
                .isEqualTo("You commented on this task before");
        assertThat(unseen(outsider)).isZero();
    }

    @Test
    void seenReadArchivedAndBackAreTheMembersOwn() {
        assignedTask("Draft the teaser");
        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 1);
        String id = Json.read(api.as(ann).get("/api/v1/notifications"), "$.items[0].id");

        MvcTestResult seen = api.as(ann).post("/api/v1/notifications/seen");
        assertThat((Integer) Json.read(seen, "$.changed")).isEqualTo(1);
        assertThat(unseen(ann)).isZero();
        assertThat(ids(api.as(ann).get("/api/v1/notifications?unread=true"))).as("seen is not read").containsExactly(id);

        MvcTestResult read = api.as(ann).post("/api/v1/notifications/" + id + "/read");
        assertThat(read).hasStatusOk();
        String readAt = Json.read(read, "$.readAt");
        assertThat(readAt).isNotNull();
        assertThat((String) Json.read(api.as(ann).post("/api/v1/notifications/" + id + "/read"), "$.readAt"))
                .as("the first time is kept").isEqualTo(readAt);
        assertThat(ids(api.as(ann).get("/api/v1/notifications?unread=true"))).isEmpty();

        assertThat(api.as(ann).post("/api/v1/notifications/" + id + "/archive")).hasStatusOk();
        assertThat(ids(api.as(ann).get("/api/v1/notifications"))).isEmpty();
        assertThat(ids(api.as(ann).get("/api/v1/notifications?archived=true"))).containsExactly(id);
        assertThat(api.as(ann).post("/api/v1/notifications/" + id + "/restore")).hasStatusOk();
        assertThat(ids(api.as(ann).get("/api/v1/notifications"))).containsExactly(id);
    }

    @Test
    void readAllLeavesOthersAloneAndAReadOnlyKeyOnlyReads() {
        assignedTask("Pick the hero image");
        assignedTask("Check the landing page");
        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 2);
        String key = Json.read(api.as(ann).post("/api/v1/api-keys", Map.of("name", "bell", "roleCeiling", "VIEWER")),
                "$.secret");

        assertThat(api.as(ann).header("Authorization", "Bearer " + key).get("/api/v1/notifications")).hasStatusOk();
        assertThat(api.as(ann).header("Authorization", "Bearer " + key).post("/api/v1/notifications/read-all"))
                .hasStatus(403);
        assertThat(unseen(ann)).isEqualTo(2);

        assertThat((Integer) Json.read(api.as(ann).post("/api/v1/notifications/read-all"), "$.changed")).isEqualTo(2);
        assertThat(ids(api.as(ann).get("/api/v1/notifications?unread=true"))).isEmpty();
        assertThat(unseen(ann)).as("read implies seen").isZero();
    }

    @Test
    void aMentionReachesTheMentionedOnceWhateverTheRetries() {
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String campaign = campaigns.create(owner, "Mentions");
        ApprovalCommentPosted posted = new ApprovalCommentPosted(owner.workspaceId(), UUID.randomUUID(),
                UUID.fromString(campaign), UUID.randomUUID(), owner.userId(),
                List.of(ann.userId(), owner.userId(), outsider.userId(), viewer.userId()), Instant.now(), false);
        publish(posted);
        publish(posted); // the publication registry resubmits an event whose listener did not finish

        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 1);
        MvcTestResult feed = api.as(ann).get("/api/v1/notifications");
        assertThat((String) Json.read(feed, "$.items[0].title")).endsWith("mentioned you in a review of Mentions");
        assertThat((String) Json.read(feed, "$.items[0].link")).isEqualTo("/approvals/" + posted.approvalId());
        publish(new ApprovalCommentPosted(owner.workspaceId(), posted.approvalId(), posted.campaignId(),
                UUID.randomUUID(), owner.userId(), List.of(), Instant.now(), false));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> unseen(ann) == 1);
        assertThat(unseen(owner)).as("the author").isZero();
        assertThat(unseen(outsider)).as("not a member").isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(viewer) == 1);
        String viewersItem = Json.read(api.as(viewer).get("/api/v1/notifications"), "$.items[0].id");
        assertThat(api.as(viewer).post("/api/v1/notifications/" + viewersItem + "/read")).as("a viewer's own item")
                .hasStatusOk();
    }

    private String assignedTask(String title) {
        String campaign = campaigns.create(owner, "Inbox " + title);
        MvcTestResult created = api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title));
        assertThat(created).hasStatus(201);
        String task = Json.read(created, "$.id");
        assertThat(api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", ann.userId())))
                .hasStatusOk();
        return task;
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
    }

    private long unseen(Member member) {
        return ((Number) Json.read(api.as(member).get("/api/v1/notifications/unseen-count"), "$.unseen")).longValue();
    }

    private static List<String> ids(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return Json.read(result, "$.items[*].id");
    }
}
