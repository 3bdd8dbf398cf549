package io.flightdeck.planning.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows the team tests need from other parts of planning, written straight through the entities: tasks with hand-set
 * dates, assignees and completion times, and workspace holidays. Public so the API and page tests use it too.
 */
public final class TeamTestData {

    private final TaskRepository tasks;
    private final PlanningSettingsRepository settings;
    private final PlanningConfiguration configuration;
    private final TransactionTemplate transactions;
    private final TestWorkspaces workspaces;
    private final MockMvcTester mvc;

    private TeamTestData(ApplicationContext context, MockMvcTester mvc) {
        this.tasks = context.getBean(TaskRepository.class);
        this.settings = context.getBean(PlanningSettingsRepository.class);
        this.configuration = context.getBean(PlanningConfiguration.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.workspaces = context.getBean(TestWorkspaces.class);
        this.mvc = mvc;
    }

    public static TeamTestData of(ApplicationContext context, MockMvcTester mvc) {
        return new TeamTestData(context, mvc);
    }

    /** A draft campaign of type OTHER with no dates (so no timeline comes with it), through the campaigns API. */
    public UUID campaign(Member owner, String name) {
        MvcTestResult created = mvc.post().uri("/api/v1/campaigns").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"type\":\"OTHER\",\"priority\":\"MEDIUM\"}").exchange();
        assertThat(created).hasStatus(201);
        return UUID.fromString(Json.read(created, "$.id"));
    }

    /** A task dated by hand, assigned to {@code assignee} (or nobody when null). */
    public UUID task(Member as, UUID campaignId, String title, double estimateHours, LocalDate start, LocalDate due,
            UUID assignee) {
        return workspaces.as(as, () -> transactions.execute(status -> {
            Task task = new Task(campaignId, null, TaskKind.TASK, title, as.userId(), Instant.now());
            task.describe(title, null, io.flightdeck.campaigns.CampaignPriority.MEDIUM, estimateHours,
                    java.util.Map.of(), List.of(), List.of(), Instant.now());
            task.dateByHand(start, due, Instant.now());
            if (assignee != null) {
                task.assign(assignee, "manual", Instant.now());
            }
            return tasks.saveAndFlush(task).getId();
        }));
    }

    /** Moves a task through in progress (at {@code startedAt}, unless null) to done at {@code completedAt}. */
    public void complete(Member as, UUID taskId, Instant startedAt, Instant completedAt) {
        workspaces.as(as, () -> transactions.execute(status -> {
            Task task = tasks.findById(taskId).orElseThrow();
            if (startedAt != null) {
                task.moveTo(TaskStatus.IN_PROGRESS, startedAt);
            }
            task.moveTo(TaskStatus.DONE, completedAt);
            return tasks.saveAndFlush(task);
        }));
    }

    public void cancel(Member as, UUID taskId) {
        workspaces.as(as, () -> transactions.execute(status -> {
            Task task = tasks.findById(taskId).orElseThrow();
            task.moveTo(TaskStatus.CANCELLED, Instant.now());
            return tasks.saveAndFlush(task);
        }));
    }

    /** Sets the workspace's holidays (the settings row written down first if the workspace had none). */
    public void holidays(Member as, LocalDate... days) {
        workspaces.as(as, () -> transactions.execute(status -> {
            PlanningSettings row = configuration.persisted();
            row.change(row.isAutoTimeline(), row.bufferPct(io.flightdeck.campaigns.CampaignPriority.URGENT),
                    row.bufferPct(io.flightdeck.campaigns.CampaignPriority.HIGH),
                    row.bufferPct(io.flightdeck.campaigns.CampaignPriority.MEDIUM),
                    row.bufferPct(io.flightdeck.campaigns.CampaignPriority.LOW), List.of(days));
            return settings.saveAndFlush(row);
        }));
    }
}
