package io.flightdeck.planning;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.planning.tasks.TaskStatus.BLOCKED;
import static io.flightdeck.planning.tasks.TaskStatus.CANCELLED;
import static io.flightdeck.planning.tasks.TaskStatus.DONE;
import static io.flightdeck.planning.tasks.TaskStatus.IN_PROGRESS;
import static io.flightdeck.planning.tasks.TaskStatus.IN_REVIEW;
import static io.flightdeck.planning.tasks.TaskStatus.TODO;
import static org.assertj.core.api.Assertions.assertThat;
import io.flightdeck.planning.tasks.TaskStatus;

/**
 * Every pair of task statuses through POST /api/v1/tasks/{id}/status: the legal moves succeed, the others answer 409
 * naming the current status and the allowed ones; a start waits for open predecessors.
 */
@FlightdeckTest
class TaskTransitionsApiTests {

    /** The moves the status machine allows, spelled out here rather than read from the code under test. */
    static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = Map.of(
            TODO, EnumSet.of(IN_PROGRESS, BLOCKED, CANCELLED),
            IN_PROGRESS, EnumSet.of(TODO, BLOCKED, IN_REVIEW, DONE, CANCELLED),
            BLOCKED, EnumSet.of(TODO, IN_PROGRESS, CANCELLED),
            IN_REVIEW, EnumSet.of(IN_PROGRESS, DONE, CANCELLED),
            DONE, EnumSet.of(IN_PROGRESS),
            CANCELLED, EnumSet.of(TODO));

    /** How to reach each status from a new task. */
    static final Map<TaskStatus, List<String>> PATHS = Map.of(
            TODO, List.of(),
            IN_PROGRESS, List.of("in_progress"),
            BLOCKED, List.of("blocked"),
            IN_REVIEW, List.of("in_progress", "in_review"),
            DONE, List.of("in_progress", "done"),
            CANCELLED, List.of("cancelled"));

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private static Member owner;
    private static Member contributor;
    private static String campaign;
    private TaskTestDataApi api;

    @BeforeEach
    void setUp() {
        api = new TaskTestDataApi(mvc);
        if (owner == null) { // one workspace for the 36 pairs
            owner = workspaces.workspace("Task transitions");
            contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
            campaign = api.campaign(owner, "Transitions");
        }
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void everyMoveIsAllowedOrRefusedAsTheStatusMachineSays(TaskStatus from, TaskStatus to) {
        String id = api.task(contributor, campaign, from + " to " + to);
        for (String step : PATHS.get(from)) {
            assertThat(api.move(contributor, id, step)).as("%s on the way to %s", step, from).hasStatusOk();
        }
        MvcTestResult moved = api.move(contributor, id, to.name().toLowerCase());

        if (ALLOWED.get(from).contains(to)) {
            assertThat(moved).hasStatusOk();
            assertThat((String) Json.read(moved, "$.status")).isEqualTo(to.name());
            assertThat(api.status(owner, id)).isEqualTo(to.name());
        } else {
            assertThat(moved).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) Json.read(moved, "$.type")).endsWith("/illegal-transition");
            assertThat((String) Json.read(moved, "$.currentState")).isEqualTo(from.name());
            assertThat((String) Json.read(moved, "$.attemptedMove")).isEqualTo(to.name());
            assertThat((List<String>) Json.read(moved, "$.allowedMoves"))
                    .containsExactlyInAnyOrderElementsOf(ALLOWED.get(from).stream().map(Enum::name).toList());
            assertThat(api.status(owner, id)).isEqualTo(from.name());
        }
    }

    @Test
    void startedTimestampsFollowTheMoves() {
        String id = api.task(contributor, campaign, "Timestamps");
        assertThat((Object) api.read(owner, id, "$.startedAt")).isNull();
        api.move(contributor, id, "in_progress");
        assertThat((String) api.read(owner, id, "$.startedAt")).isNotNull();
        api.move(contributor, id, "done");
        assertThat((String) api.read(owner, id, "$.completedAt")).isNotNull();
        api.move(contributor, id, "in-progress");
        assertThat((Object) api.read(owner, id, "$.completedAt")).isNull();
    }

    @Test
    void aTaskCannotStartWhileAPredecessorIsOpen() {
        String brief = api.task(contributor, campaign, "Approve the brief");
        String copy = api.task(contributor, campaign, "Write the copy");
        String design = api.task(contributor, campaign, "Design the banner");
        assertThat(api.depend(contributor, design, brief)).hasStatus(201);
        assertThat(api.depend(contributor, design, copy)).hasStatus(201);

        MvcTestResult refused = api.move(contributor, design, "in_progress");
        assertThat(refused).hasStatus(409);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/predecessors-open");
        assertThat((String) Json.read(refused, "$.detail"))
                .isEqualTo("Design the banner cannot start while Approve the brief, Write the copy are still open");
        assertThat((List<String>) Json.read(refused, "$.predecessors[*].title"))
                .containsExactly("Approve the brief", "Write the copy");
        assertThat((List<String>) Json.read(refused, "$.predecessors[*].id")).containsExactly(brief, copy);
        // blocking or cancelling is no start
        assertThat(api.move(contributor, design, "blocked")).hasStatusOk();
        assertThat(api.move(contributor, design, "todo")).hasStatusOk();

        api.move(contributor, brief, "in_progress");
        api.move(contributor, brief, "done");
        assertThat((List<String>) Json.read(api.move(contributor, design, "in_progress"), "$.predecessors[*].title"))
                .containsExactly("Write the copy");
        assertThat(api.move(contributor, copy, "cancelled")).hasStatusOk(); // a cancelled predecessor holds nothing back
        assertThat(api.move(contributor, design, "in_progress")).hasStatusOk();
        assertThat(api.move(contributor, design, "done")).hasStatusOk();
    }

    /** Seen: completing a milestone took several status moves. Now one move, from to do (or blocked), does it. */
    @Test
    void aMilestoneIsCompletedInOneMoveButATaskStillGoesThroughInProgress() {
        String launch = api.createId(contributor, campaign, "{\"title\":\"Launch day\",\"kind\":\"MILESTONE\"}");
        assertThat((List<String>) api.read(owner, launch, "$.allowedStatuses")).contains("DONE");

        MvcTestResult done = api.move(contributor, launch, "done");
        assertThat(done).hasStatusOk();
        assertThat((String) Json.read(done, "$.status")).isEqualTo("DONE");
        assertThat((String) Json.read(done, "$.completedAt")).isNotNull();

        // a task is not a milestone: straight to done is refused, with the moves it has
        String task = api.task(contributor, campaign, "Not a milestone");
        MvcTestResult refused = api.move(contributor, task, "done");
        assertThat(refused).hasStatus(409);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/illegal-transition");
        assertThat((List<String>) Json.read(refused, "$.allowedMoves")).doesNotContain("DONE");
        // nor is a milestone completed while what leads to it is open
        String gate = api.createId(contributor, campaign, "{\"title\":\"Go-live gate\",\"kind\":\"MILESTONE\"}");
        assertThat(api.depend(contributor, gate, task)).hasStatus(201);
        assertThat((String) Json.read(api.move(contributor, gate, "done"), "$.type")).endsWith("/predecessors-open");
        // and a viewer completes nothing
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.move(viewer, gate, "done")).hasStatus(403);
    }

    /** The UI knows before the drag or the click: a waiting task names its open predecessors and the held-back moves. */
    @Test
    void aWaitingTaskSaysWhatItWaitsForAndWhichMovesAreHeldBack() {
        String brief = api.task(contributor, campaign, "Sign off the brief");
        String banner = api.task(contributor, campaign, "Draw the banner");
        assertThat(api.depend(contributor, banner, brief)).hasStatus(201);

        MvcTestResult waiting = api.task(contributor, banner);
        assertThat((List<String>) Json.read(waiting, "$.blockedBy[*].title")).containsExactly("Sign off the brief");
        assertThat((List<String>) Json.read(waiting, "$.waitingStatuses")).containsExactly("IN_PROGRESS");
        assertThat((List<String>) Json.read(waiting, "$.allowedStatuses")).contains("IN_PROGRESS", "BLOCKED");
        assertThat((List<String>) Json.read(api.task(contributor, brief), "$.blockedBy")).isEmpty();

        api.move(contributor, brief, "cancelled");
        MvcTestResult free = api.task(contributor, banner);
        assertThat((List<String>) Json.read(free, "$.blockedBy")).isEmpty();
        assertThat((List<String>) Json.read(free, "$.waitingStatuses")).isEmpty();
    }

    @Test
    void unknownStatusesAre400() {
        String id = api.task(contributor, campaign, "Unknown");
        MvcTestResult refused = api.move(contributor, id, "sleeping");
        assertThat(refused).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("status");
        assertThat(api.post(contributor, "/api/v1/tasks/" + id + "/status", "{}")).hasStatus(400);
    }
}
