package io.flightdeck.approvals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk approve and reject through the API: each item decided by the very rules of a single decision, as the member who
 * asked, so only what is routed to them is decided (and recorded as theirs); the rest fail with the reason, another
 * workspace's ids as "Not found", and a viewer or a reject without a reason is refused before anything is written.
 */
@FlightdeckTest
class ApprovalBulkActionsTests {

    private static final String BULK = "/api/v1/bulk";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;

    private ApprovalRequests approvals;
    private Member owner;
    private Member manager;
    private Member contributor;
    private Member viewer;
    private String content;
    private String ads;

    @BeforeEach
    void setUp() {
        approvals = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Bulk approvals");
        manager = workspaces.addMember(owner, Role.MANAGER);
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
        approvals.rename(manager, "Mia Manager");
        // the content scope is the managers' to decide, the ads scope one named approver's: the manager may decide one
        assertThat(approvals.routeScope(owner, "content", "[{\"name\":\"Sign-off\",\"approverRole\":\"MANAGER\"}]"))
                .hasStatusOk();
        assertThat(approvals.routeScope(owner, "ads", "[{\"name\":\"Ads review\",\"approverIds\":[\"%s\"]}]"
                .formatted(approver.userId()))).hasStatusOk();
        String campaign = approvals.campaign(owner, "Bulk approved launch");
        approvals.initialized(contributor, campaign);
        content = approvals.scopeId(viewer, campaign, "content");
        ads = approvals.scopeId(viewer, campaign, "ads");
    }

    private String start(Member as, String action, List<String> ids, Map<String, Object> params) {
        MvcTestResult started = api.as(as).post(BULK, Map.of("type", "approvals", "action", action, "ids", ids,
                "params", params));
        assertThat(started).hasStatus(202);
        return Json.read(started, "$.id");
    }

    private MvcTestResult finished(Member as, String operation) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "FINISHED".equals(Json.read(api.as(as).get(BULK + "/"
                + operation), "$.status")));
        return api.as(as).get(BULK + "/" + operation);
    }

    @Test
    void aManagerApprovesOnlyWhatIsTheirsToDecideEachAsTheirOwnDecision() {
        Member stranger = workspaces.workspace("Bulk approvals elsewhere");
        String theirCampaign = approvals.campaign(stranger, "Their launch");
        approvals.initialized(stranger, theirCampaign);
        String theirs = approvals.scopeId(stranger, theirCampaign, "content");

        String operation = start(manager, "approve", List.of(content, ads, theirs), Map.of("comment", "Fine by me"));
        MvcTestResult done = finished(manager, operation);
        assertThat(Json.<Integer>read(done, "$.succeeded")).isEqualTo(1);
        assertThat(Json.<Integer>read(done, "$.failed")).isEqualTo(2);
        MvcTestResult items = api.as(manager).get(BULK + "/" + operation + "/items");
        assertThat(Json.<List<String>>read(items, "$.items[*].state")).containsExactly("SUCCEEDED", "FAILED", "FAILED");
        assertThat(Json.<String>read(items, "$.items[1].reason")).contains("Ads review").contains("not to you");
        assertThat(Json.<String>read(items, "$.items[2].reason")).isEqualTo("Not found");
        assertThat(Json.body(items)).doesNotContain("Their launch");

        assertThat(approvals.state(viewer, content)).isEqualTo("APPROVED");
        assertThat(approvals.state(viewer, ads)).isEqualTo("PENDING");
        assertThat(approvals.state(stranger, theirs)).isEqualTo("PENDING");
        MvcTestResult history = approvals.history(viewer, content);
        assertThat(Json.<List<String>>read(history, "$.items[?(@.kind == 'APPROVED')].actorId"))
                .containsExactly(manager.userId().toString());
        assertThat(Json.<List<String>>read(history, "$.items[?(@.kind == 'APPROVED')].actor"))
                .containsExactly("Mia Manager");
        assertThat(Json.body(history)).contains("Fine by me");

        // a decision stays: no undo, and the same approval again is no longer waiting
        MvcTestResult undo = api.as(manager).post(BULK + "/" + operation + "/undo");
        assertThat(undo).hasStatus(409);
        assertThat(Json.body(undo)).contains("bulk-not-undoable");
        String again = start(manager, "approve", List.of(content), Map.of());
        assertThat(Json.<Integer>read(finished(manager, again), "$.failed")).isEqualTo(1);
        assertThat(approvals.state(viewer, content)).isEqualTo("APPROVED");
    }

    @Test
    void aRejectRecordsTheReasonAndNeedsOne() {
        assertThat(api.as(manager).post(BULK, Map.of("type", "approvals", "action", "reject", "ids", List.of(content),
                "params", Map.of()))).as("a reject without a reason").hasStatus(400);
        String operation = start(manager, "reject", List.of(content), Map.of("comment", "The discount is not cleared"));
        assertThat(Json.<Integer>read(finished(manager, operation), "$.succeeded")).isEqualTo(1);
        MvcTestResult view = approvals.approval(viewer, content);
        assertThat(Json.<String>read(view, "$.state")).isEqualTo("REJECTED");
        assertThat(Json.<String>read(view, "$.rejectionReason")).isEqualTo("The discount is not cleared");
    }

    @Test
    void aViewerIsRefusedBeforeAnythingIsWritten() {
        assertThat(api.as(viewer).post(BULK, Map.of("type", "approvals", "action", "approve", "ids", List.of(content),
                "params", Map.of()))).hasStatus(403);
        assertThat(jdbc.sql("select count(*) from bulk_operations where tenant_id = ?").param(owner.workspaceId())
                .query(Long.class).single()).isZero();
        assertThat(approvals.state(viewer, content)).isEqualTo("PENDING");
        MvcTestResult actions = api.as(viewer).get(BULK + "/actions");
        assertThat(Json.<List<String>>read(actions, "$[?(@.type == 'approvals')].actions[*].key"))
                .containsExactly("approve", "reject");
    }
}
