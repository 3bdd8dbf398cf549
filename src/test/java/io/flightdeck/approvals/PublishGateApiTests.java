package io.flightdeck.approvals;

import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The publish gate: a campaign launches only once every enabled scope is approved, forced or not; check-publish
 * and the readiness checklist say what still blocks it.
 */
@FlightdeckTest
class PublishGateApiTests {

    static final String FORCE = "{\"force\":true,\"reason\":\"The partner deadline moved up\"}";
    static final List<String> SCOPES = List.of("strategy", "content", "schedule", "ads");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApprovalGate gate;

    private ApprovalRequests api;
    private Member owner;
    private Member manager;
    private Member approver;
    private Member viewer;
    private String campaignId;

    @BeforeEach
    void setUp() {
        api = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Publish gate");
        manager = workspaces.addMember(owner, Role.MANAGER);
        approver = workspaces.addMember(owner, Role.APPROVER);
        viewer = workspaces.addMember(owner, Role.VIEWER);
        campaignId = api.campaign(manager, "Gated launch");
        api.makeReady(manager, campaignId);
    }

    private MvcTestResult checkPublish(Member as) {
        MvcTestResult check = api.post(as, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/approvals/check-publish", null);
        assertThat(check).hasStatusOk();
        return check;
    }

    private void approve(String... scopes) {
        for (String scope : scopes) {
            assertThat(api.approve(approver, api.scopeId(approver, campaignId, scope))).as(scope).hasStatusOk();
        }
    }

    private void assertLaunchBlocked(String... scopes) {
        for (String body : new String[] {null, FORCE}) {
            MvcTestResult refused = api.launch(manager, campaignId, body);
            assertThat(refused).as("forced: %s", body != null).hasStatus(409)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) Json.read(refused, "$.type")).endsWith("/launch-blocked");
            assertThat((List<String>) Json.read(refused, "$.blockers[*].key"))
                    .containsExactlyElementsOf(List.of(scopes).stream().map(s -> "approvals." + s).toList());
        }
        assertThat((String) Json.read(api.get(viewer, ApprovalRequests.CAMPAIGNS + "/" + campaignId), "$.status"))
                .isEqualTo("READY");
    }

    @Test
    void nothingLaunchesBeforeApprovalsAreRequested() {
        MvcTestResult check = checkPublish(viewer);
        assertThat((Boolean) Json.read(check, "$.ready")).isFalse();
        assertThat((List<String>) Json.read(check, "$.blockers[*].scope")).containsExactlyElementsOf(SCOPES);
        assertThat((List<String>) Json.read(check, "$.blockers[*].state")).containsOnly("NOT_STARTED");
        assertThat((List<Object>) Json.read(check, "$.blockers[*].stage")).containsOnlyNulls();
        assertThat((List<Object>) Json.read(check, "$.blockers[*].stageNumber")).containsOnlyNulls();
        assertLaunchBlocked("strategy", "content", "schedule", "ads");
    }

    @Test
    void openScopesBlockEvenAForcedLaunchUntilTheLastIsApproved() {
        api.initialized(manager, campaignId);
        approve("strategy", "schedule", "ads");

        MvcTestResult check = checkPublish(viewer);
        assertThat((Boolean) Json.read(check, "$.ready")).isFalse();
        assertThat((List<String>) Json.read(check, "$.blockers[*].scope")).containsExactly("content");
        assertThat((String) Json.read(check, "$.blockers[0].scopeName")).isEqualTo("Content");
        assertThat((String) Json.read(check, "$.blockers[0].state")).isEqualTo("PENDING");
        assertThat((String) Json.read(check, "$.blockers[0].stage")).isEqualTo("Review");
        assertThat((Integer) Json.read(check, "$.blockers[0].stageNumber")).isEqualTo(1);
        assertThat((Integer) Json.read(check, "$.blockers[0].stageCount")).isEqualTo(1);
        assertThat((String) Json.read(check, "$.blockers[0].message")).contains("Content", "pending");
        assertLaunchBlocked("content");

        MvcTestResult readiness = api.get(viewer, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/readiness");
        assertThat((List<Boolean>) Json.read(readiness, "$.items[?(@.key == 'approvals.content')].done")).containsExactly(false);
        assertThat((List<Boolean>) Json.read(readiness, "$.items[?(@.key == 'approvals.content')].blocking")).containsExactly(true);
        assertThat((List<Boolean>) Json.read(readiness, "$.items[?(@.key == 'approvals.ads')].done")).containsExactly(true);

        approve("content");

        MvcTestResult ready = checkPublish(viewer);
        assertThat((Boolean) Json.read(ready, "$.ready")).isTrue();
        assertThat((List<?>) Json.read(ready, "$.blockers")).isEmpty();
        MvcTestResult launched = api.launch(manager, campaignId, null);
        assertThat(launched).hasStatusOk();
        assertThat((String) Json.read(launched, "$.status")).isEqualTo("ACTIVE");
    }

    @Test
    void aCampaignIsMarkedReadyOnlyOnceNoScopeBlocksIt() {
        String planned = api.campaign(manager, "Planned launch");
        String path = ApprovalRequests.CAMPAIGNS + "/" + planned;
        assertThat(api.post(manager, path + "/plan", null)).hasStatusOk();

        MvcTestResult refused = api.post(manager, path + "/mark-ready", null);

        assertThat(refused).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/launch-blocked");
        assertThat((String) Json.read(refused, "$.detail")).contains("cannot be marked ready", "Strategy approved");
        assertThat((List<String>) Json.read(refused, "$.blockers[*].key"))
                .containsExactlyElementsOf(SCOPES.stream().map(s -> "approvals." + s).toList());
        assertThat((Integer) Json.read(refused, "$.threshold")).isEqualTo(80);
        assertThat((Object) Json.read(refused, "$.score")).isNotNull();
        assertThat((String) Json.read(api.get(viewer, path), "$.status")).isEqualTo("PLANNING");

        api.initialized(manager, planned);
        for (String scope : SCOPES) {
            assertThat(api.approve(approver, api.scopeId(approver, planned, scope))).as(scope).hasStatusOk();
        }
        MvcTestResult ready = api.post(manager, path + "/mark-ready", null);
        assertThat(ready).hasStatusOk();
        assertThat((String) Json.read(ready, "$.status")).isEqualTo("READY");
    }

    @Test
    void aRejectedScopeBlocksAndSaysWhereItStopped() {
        assertThat(api.routeScope(manager, "schedule", """
                [{"name":"Planner check","approverRole":"APPROVER"},{"name":"Channel owners","approverRole":"APPROVER"},
                 {"name":"Executive","approverRole":"MANAGER"}]""")).hasStatusOk();
        api.initialized(manager, campaignId);
        approve("strategy", "content", "ads", "schedule");
        String schedule = api.scopeId(approver, campaignId, "schedule");
        assertThat(api.reject(approver, schedule, "Clashes with the holiday")).hasStatusOk();

        MvcTestResult check = checkPublish(approver);
        assertThat((List<String>) Json.read(check, "$.blockers[*].scope")).containsExactly("schedule");
        assertThat((String) Json.read(check, "$.blockers[0].state")).isEqualTo("REJECTED");
        assertThat((String) Json.read(check, "$.blockers[0].stage")).isEqualTo("Channel owners");
        assertThat((Integer) Json.read(check, "$.blockers[0].stageNumber")).isEqualTo(2);
        assertThat((Integer) Json.read(check, "$.blockers[0].stageCount")).isEqualTo(3);
        assertLaunchBlocked("schedule");
    }

    @Test
    void aDisabledScopeIsNotStartedAndDoesNotBlock() {
        MvcTestResult disabled = api.put(manager, "/api/v1/approval-scopes/ads", "{\"enabled\":false}");
        assertThat(disabled).hasStatusOk();
        assertThat((Boolean) Json.read(disabled, "$.enabled")).isFalse();

        MvcTestResult started = api.initialized(manager, campaignId);
        assertThat((List<String>) Json.read(started, "$.scopes[*].scope")).containsExactly("strategy", "content", "schedule");
        assertThat((List<?>) Json.read(started, "$.notStarted")).isEmpty();
        approve("strategy", "content", "schedule");

        assertThat((Boolean) Json.read(checkPublish(viewer), "$.ready")).isTrue();
        MvcTestResult readiness = api.get(viewer, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/readiness");
        assertThat((List<String>) Json.read(readiness, "$.items[*].key")).doesNotContain("approvals.ads")
                .contains("approvals.strategy", "approvals.content", "approvals.schedule");
        assertThat(api.launch(manager, campaignId, null)).hasStatusOk();
    }

    @Test
    void aScopeDisabledAfterItStartedStopsBlocking() {
        api.initialized(manager, campaignId);
        approve("strategy", "content", "schedule");
        assertLaunchBlocked("ads");

        assertThat(api.put(manager, "/api/v1/approval-scopes/ads", "{\"enabled\":false}")).hasStatusOk();

        assertThat(api.launch(manager, campaignId, null)).hasStatusOk();
    }

    @Test
    void otherModulesAskTheGateBeforeTheyPublish() {
        api.initialized(manager, campaignId);
        approve("strategy", "content", "schedule");
        UUID id = UUID.fromString(campaignId);

        assertThatThrownBy(() -> workspaces.as(manager, () -> {
            gate.requireApproved(id);
            return null;
        })).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.type()).isEqualTo("approval-required");
            assertThat(e.getMessage()).contains("Ads");
            assertThat((List<PublishBlocker>) e.properties().get("blockers")).extracting(PublishBlocker::scope)
                    .containsExactly("ads");
        });

        approve("ads");
        assertThat(workspaces.as(viewer, () -> gate.check(id)).ready()).isTrue();
        workspaces.as(viewer, () -> {
            gate.requireApproved(id);
            return null;
        });
    }
}
