package io.flightdeck.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Preferences through the API: a member's own setting wins over the workspace's default, which wins over Flightdeck's;
 * each notification says which one let it through; "stop these" changes exactly that setting and can be undone;
 * admins alone change the defaults; bad input is a problem, not a 500.
 */
@FlightdeckTest
class NotificationPreferencesTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    private Member owner;
    private Member ann;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Preferences");
        ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
    }

    @Test
    void theMembersOwnSettingWinsOverTheWorkspacesWhichWinsOverFlightdecks() {
        MvcTestResult grid = api.as(ann).get("/api/v1/notifications/preferences");
        assertThat(grid).hasStatusOk();
        assertThat(cell(grid, "TASKS", "EMAIL", "fallback")).isEqualTo("IMMEDIATE");
        assertThat(cell(grid, "TASKS", "EMAIL", "fallbackSource")).isEqualTo("BUILT_IN");
        assertThat(cell(grid, "RENDERING", "EMAIL", "fallback")).isEqualTo("OFF");

        // the workspace switches task emails off: Ann, who has not chosen, gets tasks in the app only
        assertThat(api.as(owner).patch("/api/v1/notifications/defaults",
                Map.of("changes", List.of(Map.of("category", "TASKS", "channel", "EMAIL", "mode", "OFF"))))).hasStatusOk();
        assertThat(cell(api.as(ann).get("/api/v1/notifications/preferences"), "TASKS", "EMAIL", "fallbackSource"))
                .isEqualTo("WORKSPACE");
        assignedTask("Quiet task");
        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 1);
        MvcTestResult feed = api.as(ann).get("/api/v1/notifications");
        assertThat((String) Json.read(feed, "$.items[0].inAppSource")).isEqualTo("BUILT_IN");
        assertThat((List<?>) Json.read(feed, "$.items[0].deliveries")).isEmpty();

        // Ann wants them by email after all: her own setting wins, and the email says so
        assertThat(api.as(ann).patch("/api/v1/notifications/preferences",
                Map.of("changes", List.of(Map.of("category", "TASKS", "channel", "EMAIL", "mode", "IMMEDIATE"))))).hasStatusOk();
        assignedTask("Loud task");
        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 2);
        feed = api.as(ann).get("/api/v1/notifications");
        assertThat((String) Json.read(feed, "$.items[0].title")).isEqualTo("Task for you: Loud task");
        assertThat((String) Json.read(feed, "$.items[0].deliveries[0].channel")).isEqualTo("EMAIL");
        assertThat((String) Json.read(feed, "$.items[0].deliveries[0].source")).isEqualTo("MEMBER");

        // back to the default: a null mode
        java.util.Map<String, Object> reset = new java.util.HashMap<>(Map.of("category", "TASKS", "channel", "EMAIL"));
        reset.put("mode", null);
        assertThat(cell(api.as(ann).patch("/api/v1/notifications/preferences", Map.of("changes", List.of(reset))),
                "TASKS", "EMAIL", "own")).isNull();
    }

    @Test
    void theAppSwitchedOffKeepsTheEmailButNotTheBell() {
        api.as(ann).patch("/api/v1/notifications/preferences", Map.of("changes", List.of(
                Map.of("category", "TASKS", "channel", "IN_APP", "mode", "OFF"))));
        assignedTask("Email only");
        await().atMost(Duration.ofSeconds(30)).until(() -> !outbox(owner).isEmpty());
        assertThat(unseen(ann)).isZero();
        assertThat((List<?>) Json.read(api.as(ann).get("/api/v1/notifications"), "$.items")).isEmpty();

        api.as(ann).patch("/api/v1/notifications/preferences", Map.of("changes", List.of(
                Map.of("category", "TASKS", "channel", "EMAIL", "mode", "OFF"))));
        String nowhere = assignedTask("Nowhere");
        // the listener runs after the assignment's commit, on its own: let it finish before the setting changes back
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from event_publication"
                + " where listener_id like '%TaskTriggers%' and serialized_event like ? and completion_date is not null")
                .param("%" + nowhere + "%").query(Integer.class).single() == 1);
        api.as(ann).patch("/api/v1/notifications/preferences", Map.of("changes", List.of(
                Map.of("category", "TASKS", "channel", "EMAIL", "mode", "IMMEDIATE"))));
        assignedTask("Canary");
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(owner).size() == 2);
        assertThat(outbox(owner)).containsExactlyInAnyOrder("Task for you: Email only", "Task for you: Canary");
        assertThat(unseen(ann)).isZero();
    }

    @Test
    void stopTheseChangesExactlyThatSettingAndCanBeUndone() {
        assignedTask("Stop me");
        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 1);
        String id = Json.read(api.as(ann).get("/api/v1/notifications"), "$.items[0].id");

        MvcTestResult stopped = api.as(ann).post("/api/v1/notifications/" + id + "/stop", Map.of("channel", "EMAIL"));
        assertThat(stopped).hasStatusOk();
        assertThat((String) Json.read(stopped, "$.category")).isEqualTo("TASKS");
        assertThat((Object) Json.read(stopped, "$.before")).as("the default applied").isNull();
        MvcTestResult grid = api.as(ann).get("/api/v1/notifications/preferences");
        assertThat(cell(grid, "TASKS", "EMAIL", "own")).isEqualTo("OFF");
        assertThat(cell(grid, "TASKS", "IN_APP", "own")).as("the other channel").isNull();
        assertThat(cell(grid, "APPROVALS", "EMAIL", "own")).as("another category").isNull();

        assertThat(api.as(owner).post("/api/v1/notifications/" + id + "/stop", Map.of("channel", "EMAIL")))
                .as("another member's item").hasStatus(404);
        Member outsider = workspaces.workspace("Elsewhere");
        assertThat(api.as(outsider).post("/api/v1/notifications/" + id + "/stop", Map.of("channel", "EMAIL")))
                .as("another workspace").hasStatus(404);
    }

    @Test
    void onlyAdminsChangeTheDefaultsAndBadInputIsAProblem() {
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Map<String, Object> off = Map.of("changes", List.of(Map.of("category", "TASKS", "channel", "EMAIL", "mode", "OFF")));
        assertThat(api.as(ann).patch("/api/v1/notifications/defaults", off)).hasStatus(403);
        assertThat(api.as(viewer).patch("/api/v1/notifications/defaults", off)).hasStatus(403);
        assertThat(api.as(viewer).patch("/api/v1/notifications/preferences", off)).as("a viewer's own settings").hasStatusOk();
        assertThat(api.as(viewer).get("/api/v1/notifications/defaults")).hasStatusOk();

        assertThat(api.as(ann).patch("/api/v1/notifications/preferences",
                Map.of("changes", List.of(Map.of("category", "NOPE", "channel", "EMAIL", "mode", "OFF"))))).hasStatus(400);
        assertThat(api.as(ann).patch("/api/v1/notifications/preferences",
                Map.of("changes", List.of(Map.of("category", "TASKS", "mode", "OFF"))))).hasStatus(400);
        assertThat(api.as(ann).patch("/api/v1/notifications/preferences", Map.of("changes", List.of()))).hasStatus(400);
        assertThat(api.as(ann).raw(org.springframework.http.HttpMethod.PATCH, "/api/v1/notifications/preferences",
                "application/json", "{\"changes\":[null]}".getBytes())).hasStatus(400);
        assertThat(api.as(ann).post("/api/v1/notifications/" + java.util.UUID.randomUUID() + "/stop",
                Map.of("channel", "SMOKE"))).hasStatus(400);
        assertThat(cell(api.as(ann).get("/api/v1/notifications/preferences"), "TASKS", "EMAIL", "own"))
                .as("nothing written").isNull();
    }

    private String assignedTask(String title) {
        String campaign = campaigns.create(owner, "Prefs " + title);
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title)), "$.id");
        assertThat(api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", ann.userId())))
                .hasStatusOk();
        return task;
    }

    private List<String> outbox(Member admin) {
        return Json.read(api.as(admin).get("/api/v1/mail-outbox"), "$.items[*].subject");
    }

    private long unseen(Member member) {
        return ((Number) Json.read(api.as(member).get("/api/v1/notifications/unseen-count"), "$.unseen")).longValue();
    }

    private static String cell(MvcTestResult grid, String category, String channel, String field) {
        List<String> values = Json.read(grid, "$[?(@.category == '" + category + "' && @.channel == '" + channel + "')]."
                + field);
        return values.get(0);
    }
}
