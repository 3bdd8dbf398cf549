package io.flightdeck.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.settings.SettingsTestRows;
import io.flightdeck.planning.tasks.TaskTestRows;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Rows the team tests need from other parts of planning: tasks with hand-set dates, assignees and completion times,
 * and workspace holidays (written by the tasks and settings packages' test rows). Public so the API and page tests use
 * it too.
 */
public final class TeamTestData {

    private final TaskTestRows tasks;
    private final SettingsTestRows settings;
    private final TestWorkspaces workspaces;
    private final ApiClient api;

    private TeamTestData(ApplicationContext context, MockMvcTester mvc) {
        this.tasks = new TaskTestRows(context);
        this.settings = new SettingsTestRows(context);
        this.workspaces = context.getBean(TestWorkspaces.class);
        this.api = new ApiClient(mvc);
    }

    public static TeamTestData of(ApplicationContext context, MockMvcTester mvc) {
        return new TeamTestData(context, mvc);
    }

    /** A draft campaign of type OTHER with no dates (so no timeline comes with it), through the campaigns API. */
    public UUID campaign(Member owner, String name) {
        return UUID.fromString(new TestCampaigns(api).draft(name).priority("MEDIUM").createdBy(owner));
    }

    /** A task dated by hand, assigned to {@code assignee} (or nobody when null). */
    public UUID task(Member as, UUID campaignId, String title, double estimateHours, LocalDate start, LocalDate due,
            UUID assignee) {
        return workspaces.as(as, () -> tasks.task(campaignId, as.userId(), title, estimateHours, start, due, assignee));
    }

    /** Moves a task through in progress (at {@code startedAt}) to done at {@code completedAt}; never started when null. */
    public void complete(Member as, UUID taskId, Instant startedAt, Instant completedAt) {
        workspaces.as(as, () -> {
            tasks.complete(taskId, startedAt, completedAt);
            return null;
        });
    }

    public void cancel(Member as, UUID taskId) {
        workspaces.as(as, () -> {
            tasks.cancel(taskId);
            return null;
        });
    }

    /** Sets the workspace's holidays (the settings row written down first if the workspace had none). */
    public void holidays(Member as, LocalDate... days) {
        workspaces.as(as, () -> {
            settings.holidays(List.of(days));
            return null;
        });
    }
}
