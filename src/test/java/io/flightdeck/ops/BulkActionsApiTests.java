package io.flightdeck.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk actions on tasks through the API: per-item results with partial failures, the role up front and per item,
 * another workspace's ids failing as "not found" like any unknown id, undo (and an undo refused once undone, a day
 * later, or for an item changed since), cancel, and validation before anything is written.
 */
@FlightdeckTest
class BulkActionsApiTests {

    private static final String BULK = "/api/v1/bulk";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebSessions web;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String task(Member as, String campaign, String title) {
        return Json.read(api.as(as).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title,
                "startDate", "2031-03-02", "dueDate", "2031-03-04")), "$.id");
    }

    private String status(Member as, String task) {
        return Json.read(api.as(as).get("/api/v1/tasks/" + task), "$.status");
    }

    private String start(Member as, String action, List<String> ids, Map<String, Object> params) {
        MvcTestResult started = api.as(as).post(BULK, Map.of("type", "tasks", "action", action, "ids", ids,
                "params", params));
        assertThat(started).hasStatus(202);
        String id = Json.read(started, "$.id");
        assertThat(started.getResponse().getHeader("Location")).isEqualTo(BULK + "/" + id);
        return id;
    }

    private MvcTestResult settled(Member as, String operation, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(Json.read(api.as(as).get(BULK + "/" + operation),
                "$.status")));
        return api.as(as).get(BULK + "/" + operation);
    }

    @Test
    void aStatusChangeSucceedsPerItemFailsWithTheReasonAndIsUndone() {
        Member owner = workspaces.workspace("Bulk status");
        Member stranger = workspaces.workspace("Bulk elsewhere");
        String campaign = campaigns.create(owner, "Bulk status campaign");
        String started = task(owner, campaign, "Started");
        String waiting = task(owner, campaign, "Waiting");
        String foreign = task(stranger, campaigns.create(stranger, "Theirs"), "Their task");
        api.as(owner).post("/api/v1/tasks/" + started + "/status", Map.of("status", "in_progress"));

        String operation = start(owner, "status", List.of(started, waiting, foreign, started), Map.of("status", "DONE"));
        MvcTestResult done = settled(owner, operation, "FINISHED");
        assertThat(Json.<Integer>read(done, "$.total")).as("duplicates count once").isEqualTo(3);
        assertThat(Json.<Integer>read(done, "$.done")).isEqualTo(3);
        assertThat(Json.<Integer>read(done, "$.succeeded")).isEqualTo(1);
        assertThat(Json.<Integer>read(done, "$.failed")).isEqualTo(2);

        MvcTestResult items = api.as(owner).get(BULK + "/" + operation + "/items");
        assertThat(items).hasStatusOk();
        assertThat(Json.<List<String>>read(items, "$.items[*].state")).containsExactly("SUCCEEDED", "FAILED", "FAILED");
        assertThat(Json.<String>read(items, "$.items[1].reason")).contains("cannot move to done");
        assertThat(Json.<String>read(items, "$.items[2].reason")).isEqualTo("Not found");
        assertThat(Json.body(items)).doesNotContain("Their task");
        assertThat(status(owner, started)).isEqualTo("DONE");
        assertThat(api.as(stranger).get(BULK + "/" + operation)).as("another workspace's operation").hasStatus(404);
        assertThat(Json.<Integer>read(api.as(owner).get(BULK), "$.total")).isEqualTo(1);

        assertThat(api.as(owner).post(BULK + "/" + operation + "/undo")).hasStatus(202);
        MvcTestResult undone = settled(owner, operation, "UNDONE");
        assertThat(Json.<Integer>read(undone, "$.undone")).isEqualTo(1);
        assertThat(status(owner, started)).isEqualTo("IN_PROGRESS");
        MvcTestResult again = api.as(owner).post(BULK + "/" + operation + "/undo");
        assertThat(again).hasStatus(409);
        assertThat(Json.body(again)).contains("bulk-already-undone");
    }

    @Test
    void aTaskWaitingOnAnOpenPredecessorFailsWithTheReasonWhileTheOthersStart() {
        Member owner = workspaces.workspace("Bulk predecessors");
        String campaign = campaigns.create(owner, "Bulk predecessors campaign");
        String brief = task(owner, campaign, "Write the brief");
        String banner = task(owner, campaign, "Design the banner");
        String venue = task(owner, campaign, "Book the venue");
        assertThat(api.as(owner).post("/api/v1/tasks/" + banner + "/dependencies", Map.of("predecessorId", brief)))
                .hasStatus(201);

        // the banner comes first in its chunk, before its predecessor moves: the rule is checked per item as it runs
        String operation = start(owner, "status", List.of(banner, brief, venue), Map.of("status", "in_progress"));
        settled(owner, operation, "FINISHED");
        MvcTestResult items = api.as(owner).get(BULK + "/" + operation + "/items");
        assertThat(Json.<List<String>>read(items, "$.items[*].state")).containsExactly("FAILED", "SUCCEEDED",
                "SUCCEEDED");
        assertThat(Json.<String>read(items, "$.items[0].reason")).contains("Design the banner", "Write the brief");
        assertThat(status(owner, banner)).isEqualTo("TODO");
        assertThat(status(owner, brief)).isEqualTo("IN_PROGRESS");
        assertThat(status(owner, venue)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anUndoADayLaterIsRefusedAndAnItemChangedSinceIsLeftAlone() {
        Member owner = workspaces.workspace("Bulk undo");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = campaigns.create(owner, "Bulk undo campaign");
        String first = task(owner, campaign, "First");
        String second = task(owner, campaign, "Second");

        String operation = start(owner, "assign", List.of(first, second), Map.of("assigneeId", ann.userId()));
        settled(owner, operation, "FINISHED");
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/tasks/" + first), "$.assigneeId"))
                .isEqualTo(ann.userId().toString());
        clock.advance(Duration.ofHours(25));
        MvcTestResult late = api.as(owner).post(BULK + "/" + operation + "/undo");
        assertThat(late).hasStatus(409);
        assertThat(Json.body(late)).contains("bulk-undo-expired");
        clock.reset();

        // someone moves the second task's dates after the bulk action: its undo must not overwrite that
        api.as(owner).patch("/api/v1/tasks/" + second, Map.of("title", "Second, renamed"));
        assertThat(api.as(owner).post(BULK + "/" + operation + "/undo")).hasStatus(202);
        settled(owner, operation, "UNDONE");
        MvcTestResult items = api.as(owner).get(BULK + "/" + operation + "/items");
        assertThat(Json.<List<String>>read(items, "$.items[*].state")).containsExactly("UNDONE", "UNDO_FAILED");
        assertThat(Json.<String>read(items, "$.items[1].reason")).contains("changed after the bulk action");
        assertThat(Json.<Object>read(api.as(owner).get("/api/v1/tasks/" + first), "$.assigneeId")).isNull();
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/tasks/" + second), "$.assigneeId"))
                .isEqualTo(ann.userId().toString());
    }

    @Test
    void rolesAreCheckedUpFrontAndNothingIsWrittenForABadRequest() {
        Member owner = workspaces.workspace("Bulk roles");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String task = task(owner, campaigns.create(owner, "Bulk roles campaign"), "Mine");
        Map<String, Object> status = Map.of("type", "tasks", "action", "status", "ids", List.of(task),
                "params", Map.of("status", "IN_PROGRESS"));

        assertThat(api.as(viewer).post(BULK, status)).hasStatus(403);
        MvcTestResult assign = api.as(contributor).post(BULK, Map.of("type", "tasks", "action", "assign",
                "ids", List.of(task), "params", Map.of("assigneeId", contributor.userId())));
        assertThat(assign).as("assigning needs a manager").hasStatus(403);
        assertThat(api.as(owner).post(BULK, Map.of("type", "tasks", "action", "status", "ids", List.of(),
                "params", Map.of("status", "DONE")))).hasStatus(400);
        assertThat(api.as(owner).post(BULK, Map.of("type", "tasks", "action", "status", "ids", List.of(task),
                "params", Map.of("status", "FINISHED")))).hasStatus(400);
        assertThat(api.as(owner).post(BULK, Map.of("type", "tasks", "action", "fly", "ids", List.of(task)))).hasStatus(400);
        assertThat(api.as(owner).post(BULK, "{\"type\":\"tasks\",\"action\":\"delete\",\"ids\":[null]}")).hasStatus(400);
        List<String> tooMany = new ArrayList<>(Collections.nCopies(10_001, task));
        assertThat(api.as(owner).post(BULK, Map.of("type", "tasks", "action", "delete", "ids", tooMany))).hasStatus(400);
        Member stranger = workspaces.workspace("Bulk roles elsewhere");
        assertThat(api.as(owner).post(BULK, Map.of("type", "tasks", "action", "assign", "ids", List.of(task),
                "params", Map.of("assigneeId", stranger.userId())))).as("another workspace's member").hasStatus(400);
        assertThat(jdbc.sql("select count(*) from bulk_operations where tenant_id = ?").param(owner.workspaceId())
                .query(Long.class).single()).isZero();

        MvcTestResult preview = api.as(contributor).post(BULK + "/preview", Map.of("type", "tasks", "action", "delete",
                "ids", List.of(task, UUID.randomUUID().toString())));
        assertThat(preview).hasStatusOk();
        assertThat(Json.<Integer>read(preview, "$.found")).isEqualTo(1);
        MvcTestResult actions = api.as(viewer).get(BULK + "/actions");
        assertThat(Json.<List<String>>read(actions, "$[?(@.type == 'tasks')].actions[*].key"))
                .containsExactly("status", "assign", "reschedule", "delete");

        // a contributor reschedules and deletes; each undone exactly
        String operation = start(contributor, "reschedule", List.of(task), Map.of("shiftDays", 7));
        settled(contributor, operation, "FINISHED");
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/tasks/" + task), "$.dueDate")).isEqualTo("2031-03-11");
        assertThat(api.as(owner).get(BULK + "/" + operation)).as("an admin reads anyone's").hasStatusOk();
        assertThat(api.as(viewer).get(BULK + "/" + operation)).as("not another member's").hasStatus(404);
        api.as(contributor).post(BULK + "/" + operation + "/undo");
        settled(contributor, operation, "UNDONE");
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/tasks/" + task), "$.dueDate")).isEqualTo("2031-03-04");

        String deletion = start(contributor, "delete", List.of(task), Map.of());
        settled(contributor, deletion, "FINISHED");
        assertThat(api.as(owner).get("/api/v1/tasks/" + task)).hasStatus(404);
        MvcTestResult cancel = api.as(contributor).post(BULK + "/" + deletion + "/cancel");
        assertThat(cancel).hasStatus(409);
        api.as(contributor).post(BULK + "/" + deletion + "/undo");
        settled(contributor, deletion, "UNDONE");
        assertThat(api.as(owner).get("/api/v1/tasks/" + task)).hasStatusOk();
    }

    @Test
    void allThatMatchASearchAreChangedAsTheSearchFindsThemNow() {
        Member owner = workspaces.workspace("Bulk by search");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member stranger = workspaces.workspace("Bulk by search elsewhere");
        String campaign = campaigns.create(owner, "Pelican coast");
        List<String> pelicans = List.of(task(owner, campaign, "Pelican banner"), task(owner, campaign, "Pelican leaflet"),
                task(owner, campaign, "Pelican reel"));
        String other = task(owner, campaign, "Harbour map");
        String theirs = task(stranger, campaigns.create(stranger, "Theirs"), "Pelican of theirs");
        await().atMost(Duration.ofSeconds(2)).until(() -> Json.<List<String>>read(
                api.as(owner).get("/api/v1/search?q=pelican&type=task"), "$.items[*].id").size() == 3);
        Map<String, Object> match = Map.of("q", "pelican");

        MvcTestResult preview = api.as(owner).post(BULK + "/preview", Map.of("type", "tasks", "action", "status",
                "match", match, "params", Map.of("status", "in_progress")));
        assertThat(preview).hasStatusOk();
        assertThat(Json.<Integer>read(preview, "$.total")).isEqualTo(3);

        MvcTestResult started = api.as(owner).post(BULK, Map.of("type", "tasks", "action", "status", "match", match,
                "params", Map.of("status", "in_progress")));
        assertThat(started).hasStatus(202);
        String operation = Json.read(started, "$.id");
        MvcTestResult done = settled(owner, operation, "FINISHED");
        assertThat(Json.<Integer>read(done, "$.succeeded")).isEqualTo(3);
        assertThat(Json.<List<String>>read(api.as(owner).get(BULK + "/" + operation + "/items"), "$.items[*].itemId"))
                .containsExactlyInAnyOrderElementsOf(pelicans);
        pelicans.forEach(task -> assertThat(status(owner, task)).isEqualTo("IN_PROGRESS"));
        assertThat(status(owner, other)).isEqualTo("TODO");
        assertThat(status(stranger, theirs)).as("another workspace's match").isEqualTo("TODO");

        // refused before anything is written: the role first, then the request
        assertThat(api.as(viewer).post(BULK, Map.of("type", "tasks", "action", "status", "match", match,
                "params", Map.of("status", "done")))).hasStatus(403);
        assertThat(api.as(owner).post(BULK, Map.of("type", "tasks", "action", "status", "match", match,
                "ids", List.of(other), "params", Map.of("status", "done")))).hasStatus(400);
        MvcTestResult nothing = api.as(owner).post(BULK, Map.of("type", "tasks", "action", "status",
                "match", Map.of("q", "xylophone"), "params", Map.of("status", "done")));
        assertThat(nothing).hasStatus(400);
        assertThat(Json.body(nothing)).contains("\"field\":\"match\"");
        assertThat(api.as(owner).post(BULK, Map.of("type", "tasks", "action", "status",
                "match", Map.of("q", "pelican", "type", List.of("planet")), "params", Map.of("status", "done"))))
                .hasStatus(400);
        assertThat(Json.<Integer>read(api.as(owner).get(BULK), "$.total")).isEqualTo(1);
    }

    @Test
    void allThatMatchWithNoUndoWaitForThePersonToSaySo() {
        Member owner = workspaces.workspace("Bulk erase by search");
        for (String who : List.of("osprey.one", "osprey.two")) {
            assertThat(api.as(owner).post("/api/v1/email/contacts", Map.of("email", who + "@example.com",
                    "name", "Osprey " + who, "consent", Map.of("source", "MANUAL", "evidence", "Asked")))).hasStatus(201);
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> Json.<Integer>read(
                api.as(owner).get("/api/v1/search?q=osprey&type=contact"), "$.total") == 2);
        MockHttpSession session = web.signIn(owner);
        String form = web.page(session, "/bulk/matching?type=contact&q=osprey");
        assertThat(form).contains("Change all 2 contacts that match", "Erase cannot be undone");

        MvcTestResult unconfirmed = web.post(session, "/bulk/matching", "searchType", "contact", "action", "erase",
                "q", "osprey");
        assertThat(unconfirmed).hasStatusOk();
        assertThat(Json.body(unconfirmed)).contains("tick that you know this cannot be undone");
        assertThat(Json.<Integer>read(api.as(owner).get(BULK), "$.total")).as("nothing started").isZero();

        MvcTestResult confirmed = web.post(session, "/bulk/matching", "searchType", "contact", "action", "erase",
                "q", "osprey", "confirmed", "true");
        assertThat(confirmed).hasStatus3xxRedirection();
        String operation = Json.read(api.as(owner).get(BULK), "$.items[0].id");
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/bulk/" + operation);
        assertThat(Json.<Integer>read(settled(owner, operation, "FINISHED"), "$.succeeded")).isEqualTo(2);
    }
}
