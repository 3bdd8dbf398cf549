package io.flightdeck.planning;

import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events planning publishes, each carrying the workspace id first: {@link TimelineGenerated},
 * {@link TimelineRecalculated}, {@link TaskAssigned} (by a manager and by auto-assignment) and {@link TaskCompleted}.
 */
@FlightdeckTest
@RecordApplicationEvents
class PlanningEventsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationEvents events;

    private PlanningRequests api;
    private TaskTestDataApi tasks;
    private Member owner;
    private Member manager;

    @BeforeEach
    void setUp() {
        api = new PlanningRequests(mvc);
        tasks = new TaskTestDataApi(mvc);
        owner = api.workspace(workspaces, "Planning events");
        manager = workspaces.addMember(owner, Role.MANAGER);
    }

    @Test
    void generatingATimelinePublishesTimelineGenerated() {
        LocalDate end = LocalDate.parse("2031-09-30");
        String id = api.launch(owner, "Generated", null, end);
        events.clear();

        MvcTestResult timeline = api.generated(manager, id, null);

        assertThat(events.stream(TimelineGenerated.class)).singleElement().satisfies(event -> {
            assertThat(event.workspaceId()).isEqualTo(owner.workspaceId());
            assertThat(event.campaignId()).isEqualTo(UUID.fromString(id));
            assertThat(event.timelineId()).isEqualTo(UUID.fromString(Json.read(timeline, "$.id")));
            assertThat(event.templateId()).isEqualTo(UUID.fromString(Json.read(timeline, "$.templateId")));
            assertThat(event.direction()).isEqualTo(TimelineDirection.BACKWARD);
            assertThat(event.items()).isEqualTo(14);
            assertThat(event.endDate()).isEqualTo(end);
            assertThat(event.overrunDays()).isZero();
            assertThat(event.actorId()).isEqualTo(manager.userId());
            assertThat(event.at()).isNotNull();
        });
    }

    @Test
    void recalculatingPublishesTimelineRecalculated() {
        String id = api.launch(owner, "Recalculated", null, LocalDate.parse("2031-09-30"));
        MvcTestResult timeline = api.generated(owner, id, null);
        events.clear();

        assertThat(api.post(owner, PlanningRequests.CAMPAIGNS + "/" + id + "/timeline/recalculate", null)).hasStatusOk();

        assertThat(events.stream(TimelineRecalculated.class)).singleElement().satisfies(event -> {
            assertThat(event.workspaceId()).isEqualTo(owner.workspaceId());
            assertThat(event.campaignId()).isEqualTo(UUID.fromString(id));
            assertThat(event.timelineId()).isEqualTo(UUID.fromString(Json.read(timeline, "$.id")));
            assertThat(event.endDate()).isEqualTo(LocalDate.parse(Json.read(timeline, "$.endDate")));
            assertThat(event.overrunDays()).isZero();
        });
    }

    @Test
    void aManagersAssignmentPublishesTaskAssignedButTakingItAwayDoesNot() {
        String campaign = tasks.campaign(owner, "Assigned");
        String task = tasks.task(owner, campaign, "Write the brief");
        events.clear();

        assertThat(tasks.assign(manager, task, owner.userId().toString())).hasStatusOk();
        assertThat(tasks.assign(manager, task, owner.userId().toString())).hasStatusOk(); // the same again: no news
        assertThat(tasks.assign(manager, task, null)).hasStatusOk();

        assertThat(events.stream(TaskAssigned.class)).singleElement().satisfies(event -> {
            assertThat(event.workspaceId()).isEqualTo(owner.workspaceId());
            assertThat(event.taskId()).isEqualTo(UUID.fromString(task));
            assertThat(event.campaignId()).isEqualTo(UUID.fromString(campaign));
            assertThat(event.assigneeId()).isEqualTo(owner.userId());
            assertThat(event.automatic()).isFalse();
            assertThat(event.actorId()).isEqualTo(manager.userId());
        });
    }

    @Test
    void autoAssignmentPublishesTaskAssignedMarkedAutomatic() {
        String campaign = tasks.campaign(owner, "Auto-assigned");
        String task = tasks.task(owner, campaign, "Draft the posts");
        events.clear();

        MvcTestResult proposal = tasks.autoAssign(manager, task, false);

        assertThat(proposal).hasStatusOk();
        UUID chosen = UUID.fromString(Json.read(proposal, "$.chosenId"));
        assertThat(events.stream(TaskAssigned.class)).singleElement().satisfies(event -> {
            assertThat(event.workspaceId()).isEqualTo(owner.workspaceId());
            assertThat(event.assigneeId()).isEqualTo(chosen);
            assertThat(event.automatic()).isTrue();
        });
        assertThat(tasks.autoAssign(manager, task, true)).hasStatusOk(); // a dry run assigns nobody
        assertThat(events.stream(TaskAssigned.class)).hasSize(1);
    }

    @Test
    void finishingATaskPublishesTaskCompleted() {
        String campaign = tasks.campaign(owner, "Completed");
        String task = tasks.createId(owner, campaign, "{\"title\":\"Send the mailing\",\"dueDate\":\"2031-01-15\"}");
        assertThat(tasks.assign(owner, task, manager.userId().toString())).hasStatusOk();
        assertThat(tasks.move(owner, task, "in_progress")).hasStatusOk();
        assertThat(events.stream(TaskCompleted.class)).isEmpty();

        assertThat(tasks.move(owner, task, "done")).hasStatusOk();

        assertThat(events.stream(TaskCompleted.class)).singleElement().satisfies(event -> {
            assertThat(event.workspaceId()).isEqualTo(owner.workspaceId());
            assertThat(event.taskId()).isEqualTo(UUID.fromString(task));
            assertThat(event.campaignId()).isEqualTo(UUID.fromString(campaign));
            assertThat(event.assigneeId()).isEqualTo(manager.userId());
            assertThat(event.dueDate()).isEqualTo(LocalDate.parse("2031-01-15"));
            assertThat(event.actorId()).isEqualTo(owner.userId());
        });
    }
}
