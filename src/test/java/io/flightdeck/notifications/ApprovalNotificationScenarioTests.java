package io.flightdeck.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.flightdeck.approvals.ApprovalDueSoon;
import io.flightdeck.approvals.ApprovalEscalated;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.notifications.slack.FakeSlackApi;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals' events as notifications and Slack messages, each fed by a {@link Scenario} in the shared context. The
 * listeners read the approval (who may decide its stage, who voted, who asked), so the approval is real, made through
 * the approvals API, and the opening, the decision and the comment are the real requests. A deadline drawing near and
 * an escalation come from approvals' sweep every half minute, so their events are published for the real approval.
 * The workspace's content scope routes its one stage to approvers (the owner may decide any stage); the campaign is
 * the manager's and a contributor asks for its approvals.
 */
@FlightdeckTest
@EnableScenarios
class ApprovalNotificationScenarioTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final FakeSlackApi SLACK = SlackSetup.SLACK;

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;
    @Autowired
    JdbcClient jdbc;

    private NotificationFeed feed;
    private ApprovalRequests approvals;
    private Member owner;
    private Member manager;
    private Member approver;
    private Member second;
    private Member requester;
    private Member viewer;
    private String campaign;

    @BeforeEach
    void setUp() {
        feed = new NotificationFeed(api, jdbc);
        approvals = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Approval listeners");
        manager = workspaces.addMember(owner, Role.MANAGER);
        approver = workspaces.addMember(owner, Role.APPROVER);
        second = workspaces.addMember(owner, Role.APPROVER);
        requester = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
        approvals.rename(second, "Sam Second");
        campaign = approvals.campaign(manager, "Bell launch");
    }

    /** The campaign's approvals, asked for by the requester; answers the content scope's approval. */
    private String contentApproval() {
        approvals.initialized(requester, campaign);
        return approvals.scopeId(owner, campaign, "content");
    }

    /** The member's notifications of this trigger about the approval. */
    private List<Map<String, Object>> about(Member member, String trigger, String approvalId) {
        return feed.told(member, trigger).stream().filter(n -> ("/approvals/" + approvalId).equals(n.get("link")))
                .toList();
    }

    private String field(String approvalId, String name) {
        return Json.read(approvals.approval(owner, approvalId), "$." + name);
    }

    // ---- ApprovalTriggers

    @Test
    void anOpenedStageTellsWhoMayDecideIt(Scenario scenario) {
        AtomicReference<String> content = new AtomicReference<>();
        scenario.stimulate(transactions -> { // no transaction around it: each request opens its own
                    content.set(contentApproval());
                    return content.get();
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> about(approver, "APPROVAL_REQUESTED", content.get()),
                        told -> !told.isEmpty())
                .andVerify((told, id) -> {
                    String due = LocalDate.ofInstant(Instant.parse(field(id, "dueAt")), ZoneOffset.UTC).toString();
                    for (Member decider : List.of(approver, second, owner)) {
                        assertThat(about(decider, "APPROVAL_REQUESTED", id)).as("%s", decider.role()).singleElement()
                                .satisfies(n -> assertThat(n)
                                        .containsEntry("title", "Approval needed: " + field(id, "title"))
                                        .containsEntry("reason", "You may decide the " + field(id, "stageName")
                                                + " stage, due " + due)
                                        .containsEntry("body", "Requested by A Contributor in Bell launch")
                                        .containsEntry("priority", "HIGH")
                                        .containsEntry("campaignId", campaign)
                                        .containsEntry("actorId", requester.userId().toString()));
                    }
                    assertThat(about(manager, "APPROVAL_REQUESTED", id)).as("not routed to managers").isEmpty();
                    assertThat(feed.all(requester)).as("who asked").isEmpty();
                    assertThat(feed.all(viewer)).isEmpty();
                });
    }

    @Test
    void aDecisionTellsTheRequesterAndTheCampaignsOwner(Scenario scenario) {
        String content = contentApproval();
        scenario.stimulate(transactions -> {
                    assertThat(approvals.approve(approver, content, "Reads well")).hasStatusOk();
                    return content;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> about(requester, "APPROVAL_DECIDED", content), told -> !told.isEmpty())
                .andVerify(told -> {
                    for (Member hearer : List.of(requester, manager)) {
                        assertThat(about(hearer, "APPROVAL_DECIDED", content)).as("%s", hearer.role()).singleElement()
                                .satisfies(n -> assertThat(n)
                                        .containsEntry("title",
                                                "Approved: " + field(content, "title") + " (by A Approver)")
                                        .containsEntry("reason", "You requested this approval or own its campaign")
                                        .containsEntry("priority", "NORMAL")
                                        .containsEntry("actorId", approver.userId().toString()));
                    }
                    for (Member notTold : List.of(approver, second, owner, viewer)) {
                        assertThat(feed.told(notTold, "APPROVAL_DECIDED")).as("%s", notTold.role()).isEmpty();
                    }
                });
    }

    @Test
    void aStageDueSoonRemindsOnceTheDecidersWhoHaveNotVoted(Scenario scenario) {
        assertThat(approvals.routeScope(manager, "content",
                "[{\"name\":\"Review\",\"approverRole\":\"APPROVER\",\"requiredApprovals\":2}]")).hasStatusOk();
        String content = contentApproval();
        assertThat(approvals.approve(approver, content, "Fine by me")).hasStatusOk(); // one of two: still open
        Instant due = Instant.parse(field(content, "dueAt"));
        ApprovalDueSoon soon = new ApprovalDueSoon(owner.workspaceId(), UUID.fromString(content),
                UUID.fromString(campaign), "content", "Review", due, Instant.now());
        scenario.stimulate(feed.twice(soon, "ApprovalTriggers", content))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> about(second, "APPROVAL_DUE_SOON", content), told -> !told.isEmpty()
                        && feed.handled("ApprovalTriggers", ApprovalDueSoon.class, content) == 2)
                .andVerify(told -> {
                    String at = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(due.atZone(ZoneOffset.UTC));
                    for (Member notVoted : List.of(second, owner)) {
                        assertThat(about(notVoted, "APPROVAL_DUE_SOON", content)).as("%s", notVoted.role())
                                .singleElement().satisfies(n -> assertThat(n)
                                        .containsEntry("title", "Due soon: " + field(content, "title"))
                                        .containsEntry("reason", "You may decide the Review stage and have not yet")
                                        .containsEntry("body", "Due " + at + " UTC, in Bell launch")
                                        .containsEntry("priority", "HIGH"));
                    }
                    for (Member notTold : List.of(approver, requester, manager, viewer)) {
                        assertThat(feed.told(notTold, "APPROVAL_DUE_SOON")).as("%s", notTold.role()).isEmpty();
                    }
                });
    }

    @Test
    void anEscalationTellsTheStagesDecidersAtOnce(Scenario scenario) {
        String content = contentApproval();
        scenario.publish(new ApprovalEscalated(owner.workspaceId(), UUID.fromString(content), UUID.fromString(campaign),
                        "content", "Review", "Managers", Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> about(approver, "APPROVAL_ESCALATED", content), told -> !told.isEmpty())
                .andVerify(told -> {
                    for (Member decider : List.of(approver, second, owner)) {
                        assertThat(about(decider, "APPROVAL_ESCALATED", content)).as("%s", decider.role())
                                .singleElement().satisfies(n -> assertThat(n)
                                        .containsEntry("title", "Overdue and escalated: " + field(content, "title"))
                                        .containsEntry("reason",
                                                "The Review stage is past its deadline, and you may decide it")
                                        .containsEntry("priority", "URGENT")
                                        .containsEntry("actorId", null));
                    }
                    // the escalation targets come from the approval, which no deadline has escalated
                    assertThat(feed.told(manager, "APPROVAL_ESCALATED")).isEmpty();
                    assertThat(feed.told(requester, "APPROVAL_ESCALATED")).isEmpty();
                    assertThat(feed.told(viewer, "APPROVAL_ESCALATED")).isEmpty();
                });
    }

    @Test
    void aCommentTellsWhomItMentionsAndTheRestOfTheDiscussion(Scenario scenario) {
        String content = contentApproval();
        scenario.stimulate(transactions -> {
                    MvcTestResult posted = api.as(approver).post("/api/v1/approvals/" + content + "/comments",
                            Map.of("body", "@" + second.email() + " the claims need sources", "changeRequest", true));
                    assertThat(posted).hasStatus(201);
                    return content;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> about(second, "COMMENT_MENTION", content), told -> !told.isEmpty())
                .andVerify(told -> {
                    assertThat(told).singleElement().satisfies(n -> assertThat(n)
                            .containsEntry("title", "A Approver mentioned you in a review of Bell launch")
                            .containsEntry("reason", "You were @mentioned in a comment")
                            .containsEntry("priority", "NORMAL")
                            .containsEntry("actorId", approver.userId().toString()));
                    assertThat(feed.told(second, "APPROVAL_COMMENT")).as("told of the mention instead").isEmpty();
                    for (Member discussing : List.of(requester, owner)) {
                        assertThat(about(discussing, "APPROVAL_COMMENT", content)).as("%s", discussing.role())
                                .singleElement().satisfies(n -> assertThat(n)
                                        .containsEntry("title", "A Approver asked for changes to "
                                                + field(content, "title"))
                                        .containsEntry("reason", "You requested this approval or may decide it")
                                        .containsEntry("priority", "HIGH"));
                    }
                    assertThat(feed.told(approver, "APPROVAL_COMMENT")).as("the author").isEmpty();
                    assertThat(feed.told(approver, "COMMENT_MENTION")).as("the author").isEmpty();
                    assertThat(feed.all(manager)).isEmpty();
                    assertThat(feed.all(viewer)).isEmpty();
                });
    }

    // ---- SlackApprovalMessages

    @Test
    void aDecisionRewritesTheSlackRequestWithoutItsButtons(Scenario scenario) {
        SlackSetup slack = new SlackSetup(mvc, api, web);
        slack.install(owner);
        String slackUser = "UAP" + Long.toHexString(System.nanoTime()).toUpperCase();
        slack.link(approver, slackUser, "Avery Approver");
        String content = contentApproval();
        String dm = "D" + slackUser.substring(1);
        Awaitility.await().atMost(PATIENCE).until(() -> request(dm, content) != null);
        String ts = request(dm, content).ts();
        assertThat(request(dm, content).blocks().toString()).contains("approval.approve");

        scenario.stimulate(transactions -> {
                    assertThat(approvals.reject(approver, content, "The claims need sources")).hasStatusOk();
                    return ts;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> SLACK.message(dm, ts), FakeSlackApi.Message::edited)
                .andVerify(message -> {
                    assertThat(message.blocks().toString()).contains("Rejected by A Approver")
                            .doesNotContain("approval.approve").doesNotContain("approval.reject");
                    assertThat(SLACK.messagesIn(dm)).as("rewritten, not sent again")
                            .filteredOn(m -> !m.ts().equals(ts) && m.blocks() != null
                                    && m.blocks().toString().contains(content))
                            .isEmpty();
                });
    }

    /** The approval's request in the direct message, whatever it shows now, or null before it is sent. */
    private FakeSlackApi.Message request(String dm, String approvalId) {
        return SLACK.messagesIn(dm).stream()
                .filter(m -> m.blocks() != null && m.blocks().toString().contains(approvalId))
                .findFirst().orElse(null);
    }
}
