package io.flightdeck.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.ScheduledReportFailed;
import io.flightdeck.assets.AssetImportEnded;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.mcp.McpConnectionHealthChanged;
import io.flightdeck.planning.TaskAssigned;
import io.flightdeck.planning.TaskDeadline;
import io.flightdeck.publishing.ChannelAccountTrouble;
import io.flightdeck.search.SavedSearchFoundNew;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.notifications.NotificationFeed.each;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification listeners that tell one person about their own work, each fed by a {@link Scenario} in the shared
 * context: a network account in trouble (whoever connected it), an MCP server broken (the admins), a task assigned,
 * commented on or falling due
 * (planning's events: its assignee and its discussion), a scheduled report that failed (its schedule's owner) and an
 * import that ended (its uploader). A listener that needs nothing but its event is published its event; planning's
 * triggers read the task, so the task is real (made through the planning API) and the assignment and the comment are
 * the real changes. Deadlines come from a sweep every quarter of an hour, so their event is published for a real task.
 * Each case also pins who is not told, and the triggers that claim it are delivered twice and tell once.
 */
@FlightdeckTest
@EnableScenarios
class NotificationListenerScenarioTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    private NotificationFeed feed;
    private Member owner;
    private Member ann;
    private UUID campaign;

    @BeforeEach
    void setUp() {
        feed = new NotificationFeed(api, jdbc);
        owner = workspaces.workspace("Listener news");
        ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        campaign = UUID.fromString(campaigns.create(owner, "Autumn roast"));
    }

    // ---- ChannelTriggers

    @Test
    void aBrokenAccountTellsWhoConnectedItOnce(Scenario scenario) {
        UUID account = UUID.randomUUID();
        ChannelAccountTrouble broken = new ChannelAccountTrouble(owner.workspaceId(), account, Channel.TWITTER,
                "Roastery on X", "BROKEN", "X refused the permission: it was revoked", ann.userId(), Instant.now());
        scenario.stimulate(feed.twice(broken, "ChannelTriggers", account))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(ann, "CHANNEL_BROKEN"), told -> !told.isEmpty()
                        && feed.handled("ChannelTriggers", ChannelAccountTrouble.class, account) == 2)
                .andVerify(told -> {
                    assertThat(told).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("title", "X (Twitter) account Roastery on X can no longer post")
                            .containsEntry("body", "X refused the permission: it was revoked")
                            .containsEntry("link", "/channels")
                            .containsEntry("reason", "You connected this account.")
                            .containsEntry("priority", "HIGH")
                            .containsEntry("subjectType", "channel-account")
                            .containsEntry("subjectId", account.toString()));
                    assertThat(feed.all(owner)).as("who did not connect it").isEmpty();
                });
    }

    @Test
    void anExpiringAccountAsksWhoConnectedItToConnectItAgain(Scenario scenario) {
        UUID account = UUID.randomUUID();
        scenario.publish(new ChannelAccountTrouble(owner.workspaceId(), account, Channel.LINKEDIN, "Roastery",
                        "EXPIRING", "LinkedIn's permission ends in 5 days and cannot be renewed", owner.userId(),
                        Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(owner, "CHANNEL_EXPIRING"), told -> !told.isEmpty())
                .andVerify(told -> {
                    assertThat(told).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("title", "LinkedIn account Roastery needs connecting again soon")
                            .containsEntry("body", "LinkedIn's permission ends in 5 days and cannot be renewed")
                            .containsEntry("link", "/channels")
                            .containsEntry("priority", "NORMAL"));
                    assertThat(feed.all(ann)).isEmpty();
                });
    }

    // ---- SearchTriggers

    @Test
    void aSavedSearchsNewResultsAreToldToItsOwnerOnce(Scenario scenario) {
        UUID search = UUID.randomUUID();
        SavedSearchFoundNew found = new SavedSearchFoundNew(owner.workspaceId(), search, owner.userId(), "Launch posts",
                2, List.of("Teaser video", "Countdown post"), "/search?q=launch&type=post", Instant.now());
        scenario.stimulate(feed.twice(found, "SearchTriggers", search))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(owner, "SEARCH_ALERT"), told -> !told.isEmpty()
                        && feed.handled("SearchTriggers", SavedSearchFoundNew.class, search) == 2)
                .andVerify(told -> {
                    assertThat(told).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("title", "2 new results for “Launch posts”")
                            .containsEntry("body", "Teaser video\nCountdown post")
                            .containsEntry("link", "/search?q=launch&type=post")
                            .containsEntry("category", "SEARCHES")
                            .containsEntry("subjectType", "saved-search")
                            .containsEntry("subjectId", search.toString()));
                    assertThat(feed.all(ann)).as("no one but its owner").isEmpty();
                });
    }

    // ---- McpServerTriggers

    @Test
    void aBrokenMcpServerTellsTheAdminsOnceButNotTheOneWhoCheckedIt(Scenario scenario) {
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        Member checker = workspaces.addMember(owner, Role.ADMIN);
        UUID connection = UUID.randomUUID();
        McpConnectionHealthChanged broken = new McpConnectionHealthChanged(owner.workspaceId(), connection,
                "Marketing agent", "BROKEN", "The server refused the secret (HTTP 401).", checker.userId(), Instant.now());
        scenario.stimulate(feed.twice(broken, "McpServerTriggers", connection))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(admin, "MCP_SERVER_BROKEN"), told -> !told.isEmpty()
                        && feed.handled("McpServerTriggers", McpConnectionHealthChanged.class, connection) == 2)
                .andVerify(told -> {
                    assertThat(told).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("title", "MCP server Marketing agent is broken")
                            .containsEntry("body", "The server refused the secret (HTTP 401).")
                            .containsEntry("link", "/settings/mcp-connections")
                            .containsEntry("reason", "You are an admin of this workspace: you manage its MCP servers.")
                            .containsEntry("priority", "HIGH")
                            .containsEntry("subjectType", "mcp-connection")
                            .containsEntry("subjectId", connection.toString()));
                    assertThat(feed.told(owner, "MCP_SERVER_BROKEN")).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("reason", "You own this workspace, and its MCP servers with it."));
                    assertThat(feed.all(checker)).as("who checked it by hand").isEmpty();
                    assertThat(feed.all(ann)).as("a contributor").isEmpty();
                });
    }

    @Test
    void anMcpServerThatAnswersAgainSettlesItsAlarm(Scenario scenario) {
        UUID connection = UUID.randomUUID();
        scenario.publish(new McpConnectionHealthChanged(owner.workspaceId(), connection, "Chat tool", "BROKEN",
                        "The server did not answer within 10 seconds.", null, Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(owner, "MCP_SERVER_BROKEN"), told -> !told.isEmpty());
        scenario.publish(new McpConnectionHealthChanged(owner.workspaceId(), connection, "Chat tool", "HEALTHY", null,
                        null, Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(owner, "MCP_SERVER_BROKEN"),
                        told -> ((String) told.get(0).get("title")).startsWith("Settled: "))
                .andVerify(told -> assertThat(told).singleElement().satisfies(n -> assertThat(n)
                        .containsEntry("title", "Settled: MCP server Chat tool is broken")
                        .containsEntry("body", "It answered again. The server did not answer within 10 seconds.")
                        .satisfies(settled -> assertThat(settled.get("readAt")).as("no longer new").isNotNull())));
    }

    // ---- TaskTriggers

    private String task(String title, LocalDate due) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title));
        if (due != null) {
            body.put("dueDate", due.toString());
        }
        MvcTestResult created = api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", body);
        assertThat(created).as(Json.body(created)).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private MvcTestResult assign(String task, Member to) {
        return api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", to.userId()));
    }

    /** A task of the campaign given to the member, whose assignment has been told (so later waits see only theirs). */
    private String assignedTask(String title, LocalDate due, Member to) {
        String task = task(title, due);
        assertThat(assign(task, to)).hasStatusOk();
        Awaitility.await().atMost(PATIENCE).until(() -> !feed.told(to, "TASK_ASSIGNED").isEmpty());
        return task;
    }

    @Test
    void anAssignedTaskTellsItsAssignee(Scenario scenario) {
        LocalDate due = LocalDate.parse("2031-05-02");
        String task = task("Write the launch email", due);
        scenario.stimulate(transactions -> { // no transaction around it: the request opens its own
                    assertThat(assign(task, ann)).hasStatusOk();
                    return task;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(ann, "TASK_ASSIGNED"), told -> !told.isEmpty())
                .andVerify((told, id) -> {
                    assertThat(told).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("title", "Task for you: Write the launch email")
                            .containsEntry("reason", "You were assigned this task in Autumn roast")
                            .containsEntry("body", "Due 2031-05-02")
                            .containsEntry("link", "/tasks/" + id)
                            .containsEntry("campaignId", campaign.toString())
                            .containsEntry("actorId", owner.userId().toString()));
                    assertThat(feed.all(owner)).as("who assigned it").isEmpty();
                });
    }

    @Test
    void anAutomaticAssignmentSaysSo(Scenario scenario) {
        String task = task("Pick the hero image", null);
        assertThat(assign(task, ann)).hasStatusOk(); // the task is ann's, as auto-assignment would have left it
        Instant later = Instant.now().plusSeconds(1); // a later assignment than the manager's: told on its own
        scenario.publish(new TaskAssigned(owner.workspaceId(), UUID.fromString(task), campaign, ann.userId(), true,
                        null, later))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(ann, "TASK_ASSIGNED").stream()
                        .filter(n -> ((String) n.get("reason")).startsWith("Auto-assignment")).toList(),
                        told -> !told.isEmpty())
                .andVerify(told -> assertThat(told).singleElement().satisfies(n -> assertThat(n)
                        .containsEntry("title", "Task for you: Pick the hero image")
                        .containsEntry("reason", "Auto-assignment chose you for this task in Autumn roast")
                        .containsEntry("body", null)
                        .containsEntry("actorId", null)));
    }

    @Test
    void anAssignmentTheTaskHasLeftSinceTellsNobody(Scenario scenario) {
        Member bob = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String task = assignedTask("Book the photographer", null, bob);
        scenario.publish(new TaskAssigned(owner.workspaceId(), UUID.fromString(task), campaign, ann.userId(), false,
                        owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.handled("TaskTriggers", TaskAssigned.class, task, ann.userId()),
                        handled -> handled == 1)
                .andVerify(handled -> {
                    assertThat(feed.all(ann)).as("the task is bob's now").isEmpty();
                    assertThat(feed.told(bob, "TASK_ASSIGNED")).hasSize(1);
                });
    }

    @Test
    void aTaskCommentTellsTheDiscussionButNotItsAuthor(Scenario scenario) {
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member bystander = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String task = assignedTask("Write the launch email", null, ann);
        assertThat(api.as(admin).post("/api/v1/tasks/" + task + "/comments", Map.of("body", "First draft attached")))
                .hasStatus(201);
        scenario.stimulate(transactions -> {
                    MvcTestResult posted = api.as(manager).post("/api/v1/tasks/" + task + "/comments",
                            Map.of("body", "Shorter subject line, please"));
                    assertThat(posted).hasStatus(201);
                    return task;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> commentsBy(ann, "A Manager"), told -> !told.isEmpty())
                .andVerify((told, id) -> {
                    assertThat(told).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("title", "A Manager commented on Write the launch email")
                            .containsEntry("reason", "The task is yours")
                            .containsEntry("link", "/tasks/" + id)
                            .containsEntry("actorId", manager.userId().toString()));
                    assertThat(commentsBy(admin, "A Manager")).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("reason", "You commented on this task before"));
                    assertThat(commentsBy(manager, "A Manager")).as("the author").isEmpty();
                    assertThat(feed.all(owner)).as("not in the discussion").isEmpty();
                    assertThat(feed.all(bystander)).isEmpty();
                });
    }

    private List<Map<String, Object>> commentsBy(Member member, String author) {
        return feed.told(member, "TASK_COMMENT").stream()
                .filter(n -> ((String) n.get("title")).startsWith(author + " commented")).toList();
    }

    @Test
    void aTaskDueTomorrowRemindsItsAssignee(Scenario scenario) {
        Instant now = Instant.now();
        LocalDate tomorrow = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        String task = assignedTask("Proof the newsletter", tomorrow, ann);
        scenario.publish(new TaskDeadline(owner.workspaceId(), UUID.fromString(task), campaign, ann.userId(), tomorrow,
                        false, now))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(ann, "TASK_DUE_SOON"), told -> !told.isEmpty())
                .andVerify(told -> assertThat(told).singleElement().satisfies(n -> assertThat(n)
                        .containsEntry("title", "Due tomorrow: Proof the newsletter")
                        .containsEntry("reason", "The task is yours")
                        .containsEntry("link", "/tasks/" + task)
                        .containsEntry("priority", "NORMAL")));
    }

    @Test
    void anOverdueTaskTellsItsCurrentAssigneeOnce(Scenario scenario) {
        LocalDate due = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).minusDays(3);
        String task = assignedTask("Send the press kit", due, ann);
        // raised while the task was the owner's: the reminder goes to whoever has it now
        TaskDeadline overdue = new TaskDeadline(owner.workspaceId(), UUID.fromString(task), campaign, owner.userId(),
                due, true, Instant.now());
        scenario.stimulate(feed.twice(overdue, "TaskTriggers", task))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(ann, "TASK_OVERDUE"), told -> !told.isEmpty()
                        && feed.handled("TaskTriggers", TaskDeadline.class, task) >= 2) // the sweep may add its own
                .andVerify(told -> {
                    assertThat(told).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("title", "Overdue since " + due + ": Send the press kit")
                            .containsEntry("reason", "The task is yours")
                            .containsEntry("priority", "HIGH"));
                    assertThat(feed.all(owner)).isEmpty();
                });
    }

    @Test
    void aDeadlineTheTaskHasMovedFromTellsNobody(Scenario scenario) {
        LocalDate due = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).plusDays(20);
        String task = assignedTask("Order the samples", due, ann);
        scenario.publish(new TaskDeadline(owner.workspaceId(), UUID.fromString(task), campaign, ann.userId(),
                        due.minusDays(19), false, Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.handled("TaskTriggers", TaskDeadline.class, task), n -> n == 1)
                .andVerify(handled -> assertThat(feed.all(ann)).extracting(n -> n.get("trigger"))
                        .containsExactly("TASK_ASSIGNED"));
    }

    // ---- ReportTriggers

    @Test
    void aScheduledReportThatDidNotArriveTellsItsOwnerOnceEach(Scenario scenario) {
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        UUID schedule = UUID.randomUUID();
        UUID failedRun = UUID.randomUUID();
        ScheduledReportFailed failed = new ScheduledReportFailed(owner.workspaceId(), schedule, failedRun,
                manager.userId(), "Autumn roast", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-08"),
                "FAILED", "The mail server refused two recipients");
        ScheduledReportFailed inDoubt = new ScheduledReportFailed(owner.workspaceId(), schedule, UUID.randomUUID(),
                manager.userId(), "Autumn roast", LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-09"),
                "IN_DOUBT", "Cut off while sending");
        scenario.stimulate(each(failed, failed, inDoubt))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(manager, "REPORT_FAILED"), told -> told.size() >= 2
                        && feed.handled("ReportTriggers", ScheduledReportFailed.class, schedule) == 3)
                .andVerify(told -> {
                    assertThat(told).extracting(n -> n.get("title")).containsExactlyInAnyOrder(
                            "Scheduled report of Autumn roast failed (2026-11-02 to 2026-11-08)",
                            "Scheduled report of Autumn roast may not have arrived (2026-11-09)");
                    assertThat(told).filteredOn(n -> ((String) n.get("title")).contains("failed")).singleElement()
                            .satisfies(n -> assertThat(n)
                                    .containsEntry("body", "The mail server refused two recipients")
                                    .containsEntry("link", "/analytics/schedules#schedule-" + schedule)
                                    .containsEntry("reason", "You scheduled this report.")
                                    .containsEntry("subjectId", failedRun.toString())
                                    .containsEntry("priority", "HIGH"));
                    assertThat(feed.all(owner)).as("not their schedule").isEmpty();
                });
    }

    // ---- ImportTriggers

    @Test
    void anImportsEndTellsItsUploaderOnce(Scenario scenario) {
        UUID finished = UUID.randomUUID();
        AssetImportEnded succeeded = new AssetImportEnded(owner.workspaceId(), finished, UUID.randomUUID(),
                "ads.csv", "SUCCEEDED", 1200, 0, null, ann.userId(), Instant.now());
        scenario.stimulate(feed.twice(succeeded, "ImportTriggers", finished))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(ann, "IMPORT_FINISHED"), told -> !told.isEmpty()
                        && feed.handled("ImportTriggers", AssetImportEnded.class, finished) == 2)
                .andVerify(told -> {
                    assertThat(told).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("title", "Import of ads.csv finished: 1,200 rows imported")
                            .containsEntry("body", "1,200 rows imported, 0 rows rejected.")
                            .containsEntry("link", "/imports/" + finished)
                            .containsEntry("reason", "You uploaded ads.csv.")
                            .containsEntry("priority", "LOW"));
                    assertThat(feed.all(owner)).as("who did not upload it").isEmpty();
                });
    }
}
