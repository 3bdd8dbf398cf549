package io.flightdeck.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-assignment through the API on crafted teams: Alice writes (copywriting 4), Bob writes and draws a little
 * (copywriting 3, design 2), Carol designs (design 5), all 8 hours a weekday; the owner has no hours for campaign work.
 * The choice follows skills, time off and the load of tasks already assigned, and explains itself.
 */
@FlightdeckTest
class TaskAssignmentsApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationContext context;
    @Autowired
    MutableClock clock;

    private TaskTestDataApi api;
    private TaskTestData data;
    private Member owner;
    private Member manager;
    private Member alice;
    private Member bob;
    private Member carol;
    private Member viewer;
    private String campaign;

    @BeforeEach
    void setUp() {
        api = new TaskTestDataApi(mvc);
        data = new TaskTestData(context);
        owner = workspaces.workspace("Assignments");
        manager = workspaces.addMember(owner, Role.MANAGER);
        alice = workspaces.addMember(owner, Role.CONTRIBUTOR);
        bob = workspaces.addMember(owner, Role.CONTRIBUTOR);
        carol = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
        api.rename(alice, "Alice");
        api.rename(bob, "Bob");
        api.rename(carol, "Carol");
        api.rename(manager, "Max Manager");
        data.profile(owner.workspaceId(), owner.userId(), Map.of(), 0);
        data.profile(owner.workspaceId(), manager.userId(), Map.of(), 0);
        data.profile(owner.workspaceId(), alice.userId(), Map.of("copywriting", 4), 8);
        data.profile(owner.workspaceId(), bob.userId(), Map.of("copywriting", 3, "design", 2), 8);
        data.profile(owner.workspaceId(), carol.userId(), Map.of("design", 5), 8);
        campaign = api.campaign(owner, "Assignments");
    }

    /** A window of five working days starting a week or two from now. */
    private LocalDate nextMonday() {
        LocalDate day = LocalDate.now(clock).plusDays(7);
        while (day.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private String taskIn(LocalDate start, String title, double hours, String skills) {
        return api.createId(owner, campaign, "{\"title\":\"" + title + "\",\"estimateHours\":" + hours + ",\"skills\":"
                + skills + ",\"startDate\":\"" + start + "\",\"dueDate\":\"" + start.plusDays(4) + "\"}");
    }

    private static <T> List<T> candidate(MvcTestResult result, String name, String field) {
        return Json.read(result, "$.candidates[?(@.name == '" + name + "')]." + field);
    }

    @Test
    void onlyMembersWithTheSkillAtTheLevelQualify() {
        String id = api.createId(owner, campaign, "{\"title\":\"Key visual\",\"estimateHours\":8,\"skills\":{\"design\":3}}");

        MvcTestResult chosen = api.autoAssign(manager, id, false);
        assertThat(chosen).hasStatusOk();
        assertThat((String) Json.read(chosen, "$.chosenName")).isEqualTo("Carol");
        assertThat((Boolean) Json.read(chosen, "$.assigned")).isTrue();
        assertThat((String) Json.read(chosen, "$.explanation")).startsWith("Assigned Carol: score");
        assertThat((List<String>) Json.read(chosen, "$.candidates[*].name")).startsWith("Carol").hasSize(5);
        assertThat(TaskAssignmentsApiTests.<Boolean>candidate(chosen, "Carol", "eligible")).containsExactly(true);
        assertThat((List<Boolean>) Json.read(chosen, "$.candidates[?(@.name == 'Carol')].chosen")).containsExactly(true);
        assertThat((List<List<String>>) Json.read(chosen, "$.candidates[?(@.name == 'Bob')].reasons"))
                .containsExactly(List.of("design level 2, needs 3"));
        assertThat((List<List<String>>) Json.read(chosen, "$.candidates[?(@.name == 'Alice')].reasons"))
                .containsExactly(List.of("lacks design"));
        assertThat((List<Integer>) Json.read(chosen, "$.candidates[?(@.name == 'Bob')].score")).containsExactly(0);
        // no dates: measured over the next ten working days (80 hours), so 8 hours is 10 %
        assertThat((List<Integer>) Json.read(chosen, "$.candidates[?(@.name == 'Carol')].loadPct")).containsExactly(10);

        MvcTestResult task = api.task(viewer, id);
        assertThat((String) Json.read(task, "$.assigneeName")).isEqualTo("Carol");
        assertThat((String) Json.read(task, "$.assignedBy")).isEqualTo("auto");
    }

    @Test
    void timeOffInTheWindowRulesAMemberOut() {
        LocalDate monday = nextMonday();
        String id = taskIn(monday, "Newsletter copy", 8, "{\"copywriting\":3}");
        MvcTestResult before = api.autoAssign(manager, id, true);
        assertThat((String) Json.read(before, "$.chosenName")).isEqualTo("Alice"); // same load, more skill
        assertThat(candidate(before, "Alice", "reasons").toString()).contains("skills above the minimum (+5)");

        data.timeOff(owner.workspaceId(), alice.userId(), monday, monday.plusDays(4));
        MvcTestResult after = api.autoAssign(manager, id, true);
        assertThat((String) Json.read(after, "$.chosenName")).isEqualTo("Bob");
        assertThat(TaskAssignmentsApiTests.<Boolean>candidate(after, "Alice", "eligible")).containsExactly(false);
        assertThat((List<List<String>>) Json.read(after, "$.candidates[?(@.name == 'Alice')].reasons"))
                .containsExactly(List.of("0.0 h free, needs 8.0 h"));
    }

    @Test
    void workAlreadyAssignedCountsAgainstAMember() {
        LocalDate monday = nextMonday();
        String existing = taskIn(monday, "Landing page copy", 30, "{}");
        assertThat(api.assign(manager, existing, alice.userId().toString())).hasStatusOk();
        String id = taskIn(monday, "Ad copy", 8, "{\"copywriting\":3}");

        MvcTestResult chosen = api.autoAssign(manager, id, false);
        assertThat((String) Json.read(chosen, "$.chosenName")).isEqualTo("Bob");
        assertThat((List<Integer>) Json.read(chosen, "$.candidates[?(@.name == 'Alice')].loadPct")).containsExactly(95);
        assertThat((List<Integer>) Json.read(chosen, "$.candidates[?(@.name == 'Bob')].loadPct")).containsExactly(20);
        assertThat((List<Double>) Json.read(chosen, "$.candidates[?(@.name == 'Alice')].assignedHours")).containsExactly(30.0);
        assertThat((List<Integer>) Json.read(chosen, "$.candidates[?(@.name == 'Bob')].score")).containsExactly(64 + 0);
    }

    @Test
    void aDryRunExplainsWithoutAssigning() {
        String id = api.createId(owner, campaign, "{\"title\":\"Key visual\",\"estimateHours\":8,\"skills\":{\"design\":3}}");
        MvcTestResult dry = api.autoAssign(manager, id, true);
        assertThat(dry).hasStatusOk();
        assertThat((Boolean) Json.read(dry, "$.dryRun")).isTrue();
        assertThat((Boolean) Json.read(dry, "$.assigned")).isFalse();
        assertThat((String) Json.read(dry, "$.chosenName")).isEqualTo("Carol");
        assertThat((String) Json.read(dry, "$.explanation")).startsWith("Would assign Carol");
        assertThat((Object) api.read(viewer, id, "$.assigneeId")).isNull();
    }

    @Test
    void nobodyQualifiesAndTheAnswerSaysWhy() {
        String id = api.createId(owner, campaign, "{\"title\":\"Video edit\",\"estimateHours\":8,\"skills\":{\"video\":2}}");
        MvcTestResult none = api.autoAssign(manager, id, false);
        assertThat(none).hasStatusOk();
        assertThat((Object) Json.read(none, "$.chosenId")).isNull();
        assertThat((Boolean) Json.read(none, "$.assigned")).isFalse();
        assertThat((String) Json.read(none, "$.explanation"))
                .isEqualTo("Nobody qualifies: nobody has video at level 2 or above");
        assertThat((List<String>) Json.read(none, "$.shortfall.missingSkills")).containsExactly("video 2");
        assertThat((List<Boolean>) Json.read(none, "$.candidates[*].eligible")).containsOnly(false);
        String milestone = api.createId(owner, campaign, "{\"title\":\"Launch\",\"kind\":\"MILESTONE\"}");
        assertThat(api.autoAssign(manager, milestone, true)).hasStatus(409);
    }

    /** Seen: a bulk run said only "nobody qualifies for 3". Now each such task comes back with its reason. */
    @Test
    void bulkAssignmentNamesTheTasksNobodyQualifiesForAndWhy() {
        LocalDate monday = nextMonday();
        taskIn(monday, "Blog post", 8, "{\"copywriting\":3}");
        String video = taskIn(monday, "Video edit", 8, "{\"video\":2}");
        taskIn(monday, "Brand book", 500, "{\"design\":4}");
        taskIn(monday, "Annotated mock-ups", 4, "{\"copywriting\":4,\"design\":4}");

        MvcTestResult bulk = api.post(manager, "/api/v1/campaigns/" + campaign + "/tasks/auto-assign", null);
        assertThat(bulk).hasStatusOk();
        assertThat((Integer) Json.read(bulk, "$.assigned")).isEqualTo(1);
        assertThat((Integer) Json.read(bulk, "$.unassignable")).isEqualTo(3);
        assertThat((List<String>) Json.read(bulk, "$.unqualified[*].taskTitle"))
                .containsExactly("Video edit", "Brand book", "Annotated mock-ups");
        assertThat((List<String>) Json.read(bulk, "$.unqualified[*].reason")).containsExactly(
                "nobody has video at level 2 or above",
                "the one member with the skills is away or over capacity then (needs 500.0 h: Carol 40.0 h free)",
                "each skill is there, but nobody has all of them (copywriting 4, design 4)");
        assertThat((List<String>) Json.read(bulk, "$.unqualified[0].missingSkills")).containsExactly("video 2");
        assertThat((List<Boolean>) Json.read(bulk, "$.unqualified[*].overCapacity")).containsExactly(false, true, false);
        assertThat((String) Json.read(bulk, "$.unqualified[0].taskId")).isEqualTo(video);

        // the same structure for chosen tasks; bad input and a contributor are refused before anything is assigned
        MvcTestResult chosen = api.post(manager, "/api/v1/tasks/auto-assign", "{\"taskIds\":[\"" + video + "\"]}");
        assertThat((List<String>) Json.read(chosen, "$.unqualified[*].reason"))
                .containsExactly("nobody has video at level 2 or above");
        assertThat(api.post(manager, "/api/v1/tasks/auto-assign", "{\"taskIds\":[]}")).hasStatus(400);
        assertThat(api.post(alice, "/api/v1/campaigns/" + campaign + "/tasks/auto-assign", null)).hasStatus(403);
    }

    @Test
    void aManagerOverridesAndAContributorMayNot() {
        String id = api.createId(owner, campaign, "{\"title\":\"Key visual\",\"skills\":{\"design\":3}}");
        api.autoAssign(manager, id, false);

        MvcTestResult overridden = api.assign(manager, id, bob.userId().toString());
        assertThat(overridden).hasStatusOk();
        assertThat((String) Json.read(overridden, "$.assigneeName")).isEqualTo("Bob");
        assertThat((String) Json.read(overridden, "$.assignedBy")).isEqualTo("manual");
        assertThat(api.assign(alice, id, alice.userId().toString())).hasStatus(403);
        assertThat(api.autoAssign(alice, id, true)).hasStatus(403);
        assertThat(api.assign(manager, id, viewer.userId().toString())).hasStatus(400);
        assertThat(api.assign(manager, id, java.util.UUID.randomUUID().toString())).hasStatus(400);
        Member stranger = workspaces.workspace("Stranger");
        assertThat(api.assign(manager, id, stranger.userId().toString())).hasStatus(400);

        MvcTestResult cleared = api.assign(manager, id, null);
        assertThat((Object) Json.read(cleared, "$.assigneeId")).isNull();
        assertThat((Object) Json.read(cleared, "$.assignedBy")).isNull();
    }

    @Test
    void bulkAssignmentSpreadsTheLoad() {
        for (int i = 1; i <= 4; i++) {
            api.createId(owner, campaign, "{\"title\":\"Post " + i + "\",\"estimateHours\":16,\"skills\":{\"copywriting\":2}}");
        }
        api.createId(owner, campaign, "{\"title\":\"Go live\",\"kind\":\"MILESTONE\"}");
        String done = api.createId(owner, campaign, "{\"title\":\"Old post\",\"estimateHours\":16}");
        api.move(owner, done, "cancelled");

        MvcTestResult dry = api.post(manager, "/api/v1/campaigns/" + campaign + "/tasks/auto-assign?dryRun=true", null);
        assertThat(dry).hasStatusOk();
        assertThat((Integer) Json.read(dry, "$.assigned")).isZero();
        assertThat(api.titles(viewer, "/api/v1/campaigns/" + campaign + "/tasks?assignee=none")).hasSize(6);

        MvcTestResult bulk = api.post(manager, "/api/v1/campaigns/" + campaign + "/tasks/auto-assign", null);
        assertThat(bulk).hasStatusOk();
        assertThat((Integer) Json.read(bulk, "$.tasks")).isEqualTo(4);
        assertThat((Integer) Json.read(bulk, "$.assigned")).isEqualTo(4);
        assertThat((List<String>) Json.read(bulk, "$.choices[*].taskTitle")).containsExactly("Post 1", "Post 2", "Post 3", "Post 4");
        assertThat((List<String>) Json.read(bulk, "$.choices[*].chosenName")).containsExactly("Alice", "Bob", "Alice", "Bob");
        assertThat(api.titles(viewer, "/api/v1/campaigns/" + campaign + "/tasks?assignee=" + alice.userId())).hasSize(2);
        assertThat(api.titles(viewer, "/api/v1/campaigns/" + campaign + "/tasks?assignee=" + bob.userId())).hasSize(2);

        // running it again finds nothing left to assign
        assertThat((Integer) Json.read(api.post(manager, "/api/v1/campaigns/" + campaign + "/tasks/auto-assign", null),
                "$.tasks")).isZero();
    }

    @Test
    void bulkAssignmentOfChosenTasks() {
        String a = api.createId(owner, campaign, "{\"title\":\"Banner\",\"estimateHours\":8,\"skills\":{\"design\":1}}");
        String b = api.createId(owner, campaign, "{\"title\":\"Caption\",\"estimateHours\":8,\"skills\":{\"copywriting\":4}}");
        MvcTestResult bulk = api.post(manager, "/api/v1/tasks/auto-assign", "{\"taskIds\":[\"" + a + "\",\"" + b + "\"]}");
        assertThat(bulk).hasStatusOk();
        assertThat((List<String>) Json.read(bulk, "$.choices[*].chosenName")).containsExactly("Carol", "Alice");
        assertThat((String) api.read(viewer, b, "$.assigneeName")).isEqualTo("Alice");
        assertThat(api.post(manager, "/api/v1/tasks/auto-assign", "{\"taskIds\":[]}")).hasStatus(400);
    }
}
