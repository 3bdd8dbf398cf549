package io.flightdeck.approvals.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalEscalated;
import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.ItemSubmission;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines, escalation and auto-approval with the test clock. The sweep that the two db-scheduler tasks run is
 * called directly (it is package-private, hence this package), so a test does not wait for the scheduler.
 */
@FlightdeckTest
@RecordApplicationEvents
class ApprovalDeadlineTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MutableClock clock;
    @Autowired
    ApprovalJobs.ApprovalSweep sweep;
    @Autowired
    ApprovalItems items;
    @Autowired
    ApplicationEvents events;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    private ApprovalRequests api;
    private Member owner;
    private Member approver;
    private Member manager;

    @BeforeEach
    void setUp() {
        api = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Deadlines");
        approver = workspaces.addMember(owner, Role.APPROVER);
        manager = workspaces.addMember(owner, Role.MANAGER);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MvcTestResult view(String approvalId) {
        MvcTestResult view = api.approval(manager, approvalId);
        assertThat(view).hasStatusOk();
        return view;
    }

    private String contentOf(String priority) {
        String campaignId = api.campaign(manager, priority + " campaign", priority);
        // the owner requests, so that the manager, the escalation target here, may approve (separation of duties)
        api.initialized(owner, campaignId);
        return api.scopeId(manager, campaignId, "content");
    }

    @ParameterizedTest(name = "{0} priority -> {1}, due after {2} hours")
    @CsvSource({"URGENT, URGENT, 4", "HIGH, HIGH, 24", "MEDIUM, NORMAL, 72", "LOW, LOW, 168"})
    void theCampaignsPrioritySetsTheUrgencyAndTheDeadline(String priority, String urgency, int hours) {
        String content = contentOf(priority);

        MvcTestResult view = view(content);
        assertThat((String) Json.read(view, "$.urgency")).isEqualTo(urgency);
        assertThat((Boolean) Json.read(view, "$.overdue")).isFalse();
        Instant requested = Instant.parse(Json.read(api.history(manager, content), "$.items[0].at"));
        Instant due = Instant.parse(Json.read(view, "$.dueAt"));
        assertThat(Duration.between(requested, due)).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void theWorkspacesDeadlinesApplyToStagesOpenedAfterTheChange() {
        MvcTestResult changed = api.put(manager, "/api/v1/approval-settings",
                "{\"urgentHours\":1,\"highHours\":8,\"normalHours\":48,\"lowHours\":96}");
        assertThat(changed).hasStatusOk();
        assertThat((Integer) Json.read(api.get(approver, "/api/v1/approval-settings"), "$.normalHours")).isEqualTo(48);

        String content = contentOf("URGENT");

        Instant requested = Instant.parse(Json.read(api.history(manager, content), "$.items[0].at"));
        assertThat(Duration.between(requested, Instant.parse(Json.read(view(content), "$.dueAt")))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anOverdueStageEscalatesToItsTargetWhoMayThenApprove() {
        String content = contentOf("URGENT");
        // the default stage is routed to approvers; the manager is only its escalation target
        assertThat(api.approve(manager, content)).hasStatus(403);
        assertThat(api.inbox(manager)).doesNotContain(content);
        clock.advance(Duration.ofHours(3).plusMinutes(59));
        assertThat((Boolean) Json.read(view(content), "$.overdue")).isFalse();

        clock.advance(Duration.ofMinutes(2));
        assertThat((Boolean) Json.read(view(content), "$.overdue")).isTrue();
        assertThat(sweep.escalateOverdue()).isPositive();

        MvcTestResult view = view(content);
        assertThat((String) Json.read(view, "$.escalatedAt")).isNotNull();
        assertThat((String) Json.read(view, "$.escalatedTo")).isEqualTo("Managers");
        assertThat((String) Json.read(view, "$.state")).isEqualTo("PENDING");
        MvcTestResult history = api.history(manager, content);
        assertThat((String) Json.read(history, "$.items[0].kind")).isEqualTo("ESCALATED");
        assertThat((String) Json.read(history, "$.items[0].actor")).isEqualTo("Deadline");
        assertThat((String) Json.read(history, "$.items[0].comment")).contains("Managers");
        assertThat(events.stream(ApprovalEscalated.class).filter(e -> e.approvalId().toString().equals(content)))
                .singleElement().satisfies(e -> {
                    assertThat(e.scopeKey()).isEqualTo("content");
                    assertThat(e.stage()).isEqualTo("Review");
                    assertThat(e.escalatedTo()).isEqualTo("Managers");
                    assertThat(e.workspaceId()).isEqualTo(owner.workspaceId());
                });

        // escalated once: the next sweep leaves it alone
        sweep.escalateOverdue();
        assertThat(api.historyKinds(manager, content)).containsOnlyOnce("ESCALATED");

        assertThat(api.inbox(manager)).contains(content);
        assertThat((List<String>) Json.read(view(content), "$.actions")).containsExactly("approve", "reject");
        MvcTestResult approved = api.approve(manager, content, "Approving while the approvers are out");
        assertThat(approved).hasStatusOk();
        assertThat((String) Json.read(approved, "$.state")).isEqualTo("APPROVED");
        assertThat((String) Json.read(api.history(manager, content), "$.items[0].actor")).isEqualTo("A Manager");
    }

    @Test
    void theInboxShowsOverdueAndSoonestDueFirst() {
        String low = contentOf("LOW");
        String high = contentOf("HIGH");
        clock.advance(Duration.ofHours(25));
        String urgent = contentOf("URGENT");

        MvcTestResult inbox = api.get(approver, ApprovalRequests.APPROVALS + "/inbox?size=100");

        List<String> order = Json.read(inbox, "$.items[?(@.scope == 'content')].id");
        assertThat(order).containsExactly(high, urgent, low);
        assertThat((List<Boolean>) Json.read(inbox, "$.items[?(@.scope == 'content')].overdue")).containsExactly(true, false, false);
    }

    @Test
    void theNextStageStartsWithAFreshDeadlineAndNoEscalation() {
        assertThat(api.routeScope(owner, "content", """
                [{"name":"First look","approverRole":"APPROVER","escalateToRole":"MANAGER"},
                 {"name":"Sign-off","approverRole":"MANAGER"}]""")).hasStatusOk();
        String content = contentOf("URGENT");
        clock.advance(Duration.ofHours(5));
        sweep.escalateOverdue();
        assertThat(api.approve(manager, content)).hasStatusOk();

        MvcTestResult view = view(content);
        assertThat((String) Json.read(view, "$.stageName")).isEqualTo("Sign-off");
        assertThat((Object) Json.read(view, "$.escalatedAt")).isNull();
        assertThat((Boolean) Json.read(view, "$.overdue")).isFalse();
        assertThat(Instant.parse(Json.read(view, "$.dueAt"))).isAfter(clock.instant().plus(Duration.ofHours(3)));
    }

    @Test
    void aStageWithoutAnEscalationTargetIsEscalatedToNobody() {
        assertThat(api.routeScope(owner, "content", "[{\"name\":\"Review\",\"approverRole\":\"APPROVER\"}]")).hasStatusOk();
        String content = contentOf("URGENT");
        clock.advance(Duration.ofHours(5));
        sweep.escalateOverdue();
        assertThat((String) Json.read(view(content), "$.escalatedTo")).isEqualTo("nobody");
        assertThat(api.approve(manager, content)).hasStatus(403);
    }

    // ---- auto-approval

    private String submit(Member as, String campaignId, int words) {
        return workspaces.as(as, () -> items.submit(new ItemSubmission(UUID.fromString(campaignId), "content",
                "creative", UUID.randomUUID(), "Post of " + words + " words", words, null))).toString();
    }

    @Test
    void aRuleApprovesMatchingItemsOnlyAfterItsWait() {
        Member trusted = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member newcomer = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MvcTestResult rule = api.post(manager, "/api/v1/approval-rules", """
                {"name":"Short trusted copy","scope":"content","maxWords":100,"trustedMemberIds":["%s"],
                 "campaignPriorities":["LOW"],"afterMinutes":60}""".formatted(trusted.userId()));
        assertThat(rule).hasStatus(201);
        String low = api.campaign(manager, "Low campaign", "LOW");
        String medium = api.campaign(manager, "Medium campaign", "MEDIUM");
        String matching = submit(trusted, low, 100);
        Map<String, String> others = Map.of(
                "too long", submit(trusted, low, 101),
                "untrusted requester", submit(newcomer, low, 40),
                "medium priority", submit(trusted, medium, 40));

        clock.advance(Duration.ofMinutes(59));
        sweep.applyAutoRules();
        assertThat(api.state(manager, matching)).isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(2));
        sweep.applyAutoRules();

        assertThat(api.state(manager, matching)).isEqualTo("APPROVED");
        MvcTestResult history = api.history(manager, matching);
        assertThat((String) Json.read(history, "$.items[0].kind")).isEqualTo("AUTO_APPROVED");
        assertThat((String) Json.read(history, "$.items[0].actor")).isEqualTo("Auto-approval rule 'Short trusted copy'");
        assertThat(events.stream(ApprovalDecided.class).filter(e -> e.approvalId().toString().equals(matching)))
                .singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(ApprovalState.APPROVED);
                    assertThat(e.itemType()).isEqualTo("creative");
                    assertThat(e.actorId()).isNull();
                });
        others.forEach((why, id) -> assertThat(api.state(manager, id)).as(why).isEqualTo("PENDING"));
    }

    @Test
    void aDisabledRuleApprovesNothing() {
        Member trusted = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MvcTestResult rule = api.post(manager, "/api/v1/approval-rules",
                "{\"name\":\"Anything short\",\"maxWords\":50,\"enabled\":false}");
        assertThat(rule).hasStatus(201);
        String item = submit(trusted, api.campaign(manager, "Disabled rule"), 10);
        clock.advance(Duration.ofMinutes(1));
        sweep.applyAutoRules();
        assertThat(api.state(manager, item)).isEqualTo("PENDING");
    }

    // ---- the jobs

    @Test
    void bothSweepsAreRecurringDbSchedulerTasks() {
        List<String> names = context.getBeansOfType(RecurringTask.class).values().stream()
                .map(RecurringTask::getName).toList();
        assertThat(names).contains("approval-deadlines", "approval-auto-rules");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                jdbc.queryForList("select task_name from scheduled_tasks where task_name like 'approval-%'", String.class))
                .contains("approval-deadlines", "approval-auto-rules"));
    }

    /** The reminder reaches notifications: those who may decide and have not voted, once (read through the API). */
    @Test
    void aStageDueSoonRemindsThoseWhoHaveNotVotedOnce() {
        ApprovalRequests approvals = api;
        Member owner = workspaces.workspace("Approval reminders");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member early = workspaces.addMember(owner, Role.APPROVER);
        Member late = workspaces.addMember(owner, Role.APPROVER);
        Member requester = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(approvals.routeScope(manager, "content", """
                [{"name":"Content review","approverRole":"APPROVER","requiredApprovals":2}]""")).hasStatusOk();
        String campaign = approvals.campaign(manager, "Reminder launch"); // MEDIUM: due 72 hours after it opens
        approvals.initialized(requester, campaign);
        String content = approvals.scopeId(manager, campaign, "content");
        assertThat(approvals.approve(early, content, "Fine by me")).hasStatusOk();
        String aboutContent = "$.items[?(@.link == '/approvals/" + content + "' && @.trigger == 'APPROVAL_DUE_SOON')]";

        clock.advance(Duration.ofHours(53)); // a quarter of 72 hours is left after 54
        sweep.remindDueSoon();
        assertThat(Json.<List<Object>>read(approvals.get(late, "/api/v1/notifications?size=50"), aboutContent)).isEmpty();

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        sweep.remindDueSoon();
        await().atMost(Duration.ofSeconds(30)).until(() -> !Json.<List<Object>>read(
                approvals.get(late, "/api/v1/notifications?size=50"), aboutContent).isEmpty());
        MvcTestResult told = approvals.get(late, "/api/v1/notifications?size=50");
        assertThat(Json.<List<String>>read(told, aboutContent + ".title")).singleElement().asString().startsWith("Due soon:");
        assertThat(Json.<List<String>>read(told, aboutContent + ".body")).singleElement().asString().contains("Reminder launch");
        assertThat(Json.<List<Object>>read(approvals.get(early, "/api/v1/notifications?size=50"), aboutContent))
                .as("already voted").isEmpty();
        assertThat(Json.<List<Object>>read(approvals.get(requester, "/api/v1/notifications?size=50"), aboutContent)).isEmpty();
        sweep.remindDueSoon();
        assertThat(Json.<List<Object>>read(approvals.get(late, "/api/v1/notifications?size=50"), aboutContent))
                .as("once per stage opening").hasSize(1);
    }

}
