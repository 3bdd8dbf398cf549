package io.flightdeck.approvals;

import java.util.List;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stage routing and quorum on a three-stage content scope configured through the settings API: content review by
 * two approvers, compliance by a named member, sign-off by a manager.
 */
@FlightdeckTest
@RecordApplicationEvents
class ApprovalRoutingApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationEvents events;

    private ApprovalRequests api;
    private Member owner;
    private Member manager;
    private Member approver1;
    private Member approver2;
    private Member compliance;
    private Member contributor;
    private Member viewer;
    private String campaignId;
    private String content;

    @BeforeEach
    void setUp() {
        api = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Routing");
        manager = workspaces.addMember(owner, Role.MANAGER);
        approver1 = workspaces.addMember(owner, Role.APPROVER);
        approver2 = workspaces.addMember(owner, Role.APPROVER);
        compliance = workspaces.addMember(owner, Role.CONTRIBUTOR);
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
        api.rename(approver1, "Ada One");
        api.rename(approver2, "Bo Two");
        api.rename(compliance, "Cleo Compliance");
        api.rename(manager, "Max Manager");
        MvcTestResult routed = api.routeScope(manager, "content", """
                [{"name":"Content review","approverRole":"APPROVER","requiredApprovals":2},
                 {"name":"Compliance","approverIds":["%s"]},
                 {"name":"Executive","approverRole":"MANAGER","escalateToRole":"ADMIN"}]""".formatted(compliance.userId()));
        assertThat(routed).hasStatusOk();
        campaignId = api.campaign(manager, "Routed launch");
        api.initialized(contributor, campaignId);
        content = api.scopeId(viewer, campaignId, "content");
    }

    private MvcTestResult view() {
        MvcTestResult view = api.approval(viewer, content);
        assertThat(view).hasStatusOk();
        return view;
    }

    private void assertStage(int number, String name, int counted, int required) {
        MvcTestResult view = view();
        assertThat((String) Json.read(view, "$.state")).isEqualTo("PENDING");
        assertThat((Integer) Json.read(view, "$.stageNumber")).isEqualTo(number);
        assertThat((Integer) Json.read(view, "$.stageCount")).isEqualTo(3);
        assertThat((String) Json.read(view, "$.stageName")).isEqualTo(name);
        assertThat((Integer) Json.read(view, "$.stageApprovals")).isEqualTo(counted);
        assertThat((Integer) Json.read(view, "$.requiredApprovals")).isEqualTo(required);
    }

    @Test
    void theScopeTakesItsStagesFromTheSettings() {
        MvcTestResult view = view();
        assertThat((List<String>) Json.read(view, "$.stages[*].name")).containsExactly("Content review", "Compliance", "Executive");
        assertThat((List<Integer>) Json.read(view, "$.stages[*].requiredApprovals")).containsExactly(2, 1, 1);
        assertThat((List<String>) Json.read(view, "$.stages[*].status")).containsExactly("current", "waiting", "waiting");
        assertThat((List<String>) Json.read(view, "$.stages[*].approvers")).containsExactly("Approvers", "1 named member", "Managers");
        assertStage(1, "Content review", 0, 2);
        // the other scopes keep the default single review stage
        assertThat((Integer) Json.read(api.approval(viewer, api.scopeId(viewer, campaignId, "ads")), "$.stageCount")).isEqualTo(1);
    }

    @Test
    void approvalsAdvanceStageByStageUntilTheLastApproves() {
        assertThat(api.approve(approver1, content, "Reads well")).hasStatusOk();
        assertStage(1, "Content review", 1, 2);

        assertThat(api.approve(approver2, content, "Agreed")).hasStatusOk();
        assertStage(2, "Compliance", 0, 1);
        assertThat((List<String>) Json.read(view(), "$.stages[*].status")).containsExactly("done", "current", "waiting");

        assertThat(api.approve(compliance, content, "Claims are sourced")).hasStatusOk();
        assertStage(3, "Executive", 0, 1);

        MvcTestResult approved = api.approve(manager, content, "Ship it");
        assertThat((String) Json.read(approved, "$.state")).isEqualTo("APPROVED");
        assertThat((List<String>) Json.read(approved, "$.stages[*].status")).containsOnly("done");

        MvcTestResult history = api.history(viewer, content);
        assertThat((List<String>) Json.read(history, "$.items[*].kind")).containsExactly(
                "APPROVED", "STAGE_COMPLETED", "STAGE_COMPLETED", "APPROVED_STAGE", "REQUESTED");
        assertThat((List<String>) Json.read(history, "$.items[*].actor")).containsExactly(
                "Max Manager", "Cleo Compliance", "Bo Two", "Ada One", "A Contributor");
        assertThat((List<Integer>) Json.read(history, "$.items[*].stageNumber")).containsExactly(3, 2, 1, 1, 1);
        assertThat((String) Json.read(history, "$.items[3].comment")).contains("Reads well", "1 of 2");
        assertThat((String) Json.read(history, "$.items[2].comment")).contains("Agreed", "Content review complete");

        // every stage that opened told the notifications (first stage at initialize, then two more)
        assertThat(events.stream(ApprovalStageOpened.class).filter(e -> e.approvalId().toString().equals(content))
                .map(ApprovalStageOpened::stage)).containsExactly("Content review", "Compliance", "Executive");
        assertThat(events.stream(ApprovalDecided.class).filter(e -> e.approvalId().toString().equals(content)))
                .singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(ApprovalState.APPROVED);
                    assertThat(e.scopeKey()).isEqualTo("content");
                    assertThat(e.actorId()).isEqualTo(manager.userId());
                    assertThat(e.itemId()).isNull();
                });
    }

    @Test
    void theSameApproverTwiceInAStageIsAlreadyDecided() {
        assertThat(api.approve(approver1, content)).hasStatusOk();

        MvcTestResult twice = api.approve(approver1, content);

        assertThat(twice).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(twice, "$.type")).endsWith("/already-decided");
        assertThat(api.reject(approver1, content, "Changed my mind")).hasStatus(409);
        assertStage(1, "Content review", 1, 2);
        assertThat((List<String>) Json.read(api.approval(approver1, content), "$.actions")).isEmpty();
        assertThat((List<String>) Json.read(api.approval(approver2, content), "$.actions")).containsExactly("approve", "reject");
    }

    @Test
    void membersAStageIsNotRoutedToAreForbidden() {
        // stage 1 is for approvers: the named compliance member, a manager, a contributor and a viewer may not act
        for (Member notRouted : List.of(compliance, manager, contributor, viewer)) {
            MvcTestResult refused = api.approve(notRouted, content);
            assertThat(refused).as("%s", notRouted.role()).hasStatus(403)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) Json.read(refused, "$.type")).endsWith("/forbidden");
        }
        assertThat(api.approve(approver1, content)).hasStatusOk();
        assertThat(api.approve(approver2, content)).hasStatusOk();
        // stage 2 is for the named member only
        assertThat(api.approve(approver1, content)).hasStatus(403);
        assertThat(api.approve(contributor, content)).hasStatus(403);
        assertThat(api.approve(manager, content)).hasStatus(403);
        assertThat(api.approve(compliance, content)).hasStatusOk();
        // stage 3 is for managers
        assertThat(api.approve(approver1, content)).hasStatus(403);
        assertThat(api.approve(compliance, content)).hasStatus(403);
        assertThat(api.approve(viewer, content)).hasStatus(403);
        assertStage(3, "Executive", 0, 1);
    }

    @Test
    void anotherWorkspacesApproverGets404() {
        Member stranger = workspaces.addMember(workspaces.workspace("Other routing"), Role.APPROVER);
        assertThat(api.approve(stranger, content)).hasStatus(404);
        assertStage(1, "Content review", 0, 2);
    }

    @Test
    void eachInboxShowsOnlyWhatIsRoutedToItsOwner() {
        String strategy = api.scopeId(viewer, campaignId, "strategy");
        String schedule = api.scopeId(viewer, campaignId, "schedule");
        String ads = api.scopeId(viewer, campaignId, "ads");
        assertThat(api.inbox(approver1)).containsExactlyInAnyOrder(strategy, content, schedule, ads);
        assertThat(api.inbox(approver2)).containsExactlyInAnyOrder(strategy, content, schedule, ads);
        assertThat(api.inbox(compliance)).isEmpty();
        assertThat(api.inbox(manager)).isEmpty();
        assertThat(api.inbox(viewer)).isEmpty();

        assertThat(api.approve(approver1, content)).hasStatusOk();
        assertThat(api.inbox(approver1)).doesNotContain(content);
        assertThat(api.inbox(approver2)).contains(content);

        assertThat(api.approve(approver2, content)).hasStatusOk();
        assertThat(api.inbox(approver1)).doesNotContain(content);
        assertThat(api.inbox(approver2)).doesNotContain(content);
        assertThat(api.inbox(compliance)).containsExactly(content);

        assertThat(api.approve(compliance, content)).hasStatusOk();
        assertThat(api.inbox(compliance)).isEmpty();
        assertThat(api.inbox(manager)).containsExactly(content);

        MvcTestResult page = api.get(manager, ApprovalRequests.APPROVALS + "/inbox?size=1");
        assertThat((Integer) Json.read(page, "$.total")).isEqualTo(1);
        assertThat((String) Json.read(page, "$.items[0].stageName")).isEqualTo("Executive");
        assertThat((List<String>) Json.read(page, "$.items[0].actions")).containsExactly("approve", "reject");
    }

    @Test
    void aRejectionInALaterStageStartsOverFromTheFirstStage() {
        assertThat(api.approve(approver1, content)).hasStatusOk();
        assertThat(api.approve(approver2, content)).hasStatusOk();
        MvcTestResult rejected = api.reject(compliance, content, "The claim about 40% savings needs a source");
        assertThat((String) Json.read(rejected, "$.state")).isEqualTo("REJECTED");
        assertThat((Integer) Json.read(rejected, "$.stageNumber")).isEqualTo(2);
        assertThat((List<String>) Json.read(rejected, "$.stages[*].status")).containsExactly("done", "rejected", "waiting");

        assertThat(api.requestReview(contributor, content, "Added the study")).hasStatusOk();

        MvcTestResult view = view();
        assertThat((String) Json.read(view, "$.state")).isEqualTo("NEEDS_REVIEW");
        assertThat((Integer) Json.read(view, "$.stageNumber")).isEqualTo(1);
        assertThat((Integer) Json.read(view, "$.stageApprovals")).isZero();
        // the earlier votes belonged to the earlier cycle
        assertThat(api.approve(approver1, content)).hasStatusOk();
        assertThat((Integer) Json.read(view(), "$.stageApprovals")).isEqualTo(1);
    }

    @Test
    void anApprovalInFlightKeepsTheStagesItStartedWith() {
        assertThat(api.routeScope(manager, "content", "[{\"name\":\"Quick look\",\"approverRole\":\"APPROVER\"}]"))
                .hasStatusOk();
        assertStage(1, "Content review", 0, 2);

        String later = api.campaign(manager, "Later launch");
        api.initialized(contributor, later);
        MvcTestResult fresh = api.approval(viewer, api.scopeId(viewer, later, "content"));
        assertThat((String) Json.read(fresh, "$.stageName")).isEqualTo("Quick look");
        assertThat((Integer) Json.read(fresh, "$.stageCount")).isEqualTo(1);
    }
}
