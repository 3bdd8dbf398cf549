package io.flightdeck.approvals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.IllegalMoves;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval state machine through the API, on the default routing (one "Review" stage for approvers): every
 * legal move, every illegal one with what is allowed instead, the history each move leaves, roles and tenancy.
 */
@FlightdeckTest
class ApprovalTransitionsApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private ApprovalRequests api;
    private Member owner;
    private Member approver;
    private Member contributor;
    private Member viewer;
    private String campaignId;

    @BeforeEach
    void setUp() {
        api = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Transitions");
        approver = workspaces.addMember(owner, Role.APPROVER);
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
        api.rename(approver, "Ada Approver");
        api.rename(contributor, "Cy Contributor");
        campaignId = api.campaign(owner, "Spring launch");
        api.initialized(contributor, campaignId);
    }

    private String content() {
        return api.scopeId(viewer, campaignId, "content");
    }

    /** Brings the content scope into the given state through legal moves and returns its id. */
    private String contentIn(String state) {
        String id = content();
        switch (state) {
            case "PENDING" -> {
            }
            case "APPROVED" -> assertThat(api.approve(approver, id)).hasStatusOk();
            case "REJECTED" -> assertThat(api.reject(approver, id, "Wrong logo")).hasStatusOk();
            case "NEEDS_REVIEW" -> {
                assertThat(api.reject(approver, id, "Wrong logo")).hasStatusOk();
                assertThat(api.requestReview(contributor, id, "Logo fixed")).hasStatusOk();
            }
            default -> throw new IllegalArgumentException(state);
        }
        assertThat(api.state(viewer, id)).isEqualTo(state);
        return id;
    }

    @Test
    void initializingOpensEveryDefaultScopeInItsFirstStage() {
        MvcTestResult list = api.get(viewer, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/approvals");

        assertThat(list).hasStatusOk();
        assertThat((List<String>) Json.read(list, "$.scopes[*].scope")).containsExactly("strategy", "content", "schedule", "ads");
        assertThat((List<String>) Json.read(list, "$.scopes[*].state")).containsOnly("PENDING");
        assertThat((List<String>) Json.read(list, "$.scopes[*].stageName")).containsOnly("Review");
        assertThat((List<Integer>) Json.read(list, "$.scopes[*].stageNumber")).containsOnly(1);
        assertThat((List<Integer>) Json.read(list, "$.scopes[*].stageCount")).containsOnly(1);
        assertThat((List<?>) Json.read(list, "$.notStarted")).isEmpty();
        // a viewer reads everything and may do nothing
        assertThat((List<List<String>>) Json.read(list, "$.scopes[*].actions")).allSatisfy(a -> assertThat(a).isEmpty());
        MvcTestResult asApprover = api.get(approver, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/approvals");
        assertThat((List<List<String>>) Json.read(asApprover, "$.scopes[*].actions"))
                .allSatisfy(a -> assertThat(a).containsExactly("approve", "reject"));

        MvcTestResult history = api.history(viewer, content());
        assertThat((List<String>) Json.read(history, "$.items[*].kind")).containsExactly("REQUESTED");
        assertThat((String) Json.read(history, "$.items[0].actor")).isEqualTo("Cy Contributor");
        assertThat((String) Json.read(history, "$.items[0].actorId")).isEqualTo(contributor.userId().toString());
        assertThat((String) Json.read(history, "$.items[0].to")).isEqualTo("PENDING");
    }

    @Test
    void initializingTwiceKeepsWhatWasStarted() {
        String id = contentIn("APPROVED");
        MvcTestResult again = api.initialized(owner, campaignId);
        assertThat((List<String>) Json.read(again, "$.scopes[?(@.scope == 'content')].state")).containsExactly("APPROVED");
        assertThat((List<String>) Json.read(again, "$.scopes[?(@.scope == 'content')].id")).containsExactly(id);
    }

    @Test
    void beforeInitializingEveryEnabledScopeIsNotStarted() {
        String fresh = api.campaign(owner, "Not started");
        MvcTestResult list = api.get(viewer, ApprovalRequests.CAMPAIGNS + "/" + fresh + "/approvals");
        assertThat((List<?>) Json.read(list, "$.scopes")).isEmpty();
        assertThat((List<String>) Json.read(list, "$.notStarted[*].key")).containsExactly("strategy", "content", "schedule", "ads");
        assertThat(api.get(viewer, ApprovalRequests.scopePath(fresh, "content"))).hasStatus(404);
    }

    @Test
    void onlyContributorsAndUpInitialize() {
        String fresh = api.campaign(owner, "Roles");
        assertThat(api.initialize(viewer, fresh)).hasStatus(403);
        assertThat(api.initialize(approver, fresh)).hasStatus(403);
        MvcTestResult urgent = api.post(contributor, ApprovalRequests.CAMPAIGNS + "/" + fresh + "/approvals/initialize",
                "{\"urgency\":\"URGENT\"}");
        assertThat(urgent).hasStatusOk();
        assertThat((List<String>) Json.read(urgent, "$.scopes[*].urgency")).containsOnly("URGENT");
    }

    // ---- legal moves

    @Test
    void approveFromPendingApprovesWithAHistoryLine() {
        String id = content();
        Instant before = Instant.now().minusSeconds(1);

        MvcTestResult approved = api.approve(approver, id, "Copy reads well");

        assertThat(approved).hasStatusOk();
        assertThat((String) Json.read(approved, "$.state")).isEqualTo("APPROVED");
        assertThat((String) Json.read(approved, "$.decidedAt")).isNotNull();
        assertThat((List<String>) Json.read(approved, "$.actions")).isEmpty();
        MvcTestResult history = api.history(viewer, id);
        assertThat((List<String>) Json.read(history, "$.items[*].kind")).containsExactly("APPROVED", "REQUESTED");
        assertThat((String) Json.read(history, "$.items[0].actor")).isEqualTo("Ada Approver");
        assertThat((String) Json.read(history, "$.items[0].actorId")).isEqualTo(approver.userId().toString());
        assertThat((String) Json.read(history, "$.items[0].comment")).isEqualTo("Copy reads well");
        assertThat((String) Json.read(history, "$.items[0].from")).isEqualTo("PENDING");
        assertThat((String) Json.read(history, "$.items[0].to")).isEqualTo("APPROVED");
        assertThat((String) Json.read(history, "$.items[0].stage")).isEqualTo("Review");
        assertThat((Integer) Json.read(history, "$.items[0].stageNumber")).isEqualTo(1);
        assertThat(Instant.parse(Json.read(history, "$.items[0].at"))).isAfter(before);
    }

    @Test
    void rejectFromPendingKeepsTheReasonAndOpensAChangeRequest() {
        String id = content();

        MvcTestResult rejected = api.reject(approver, id, "The hero image is off-brand");

        assertThat(rejected).hasStatusOk();
        assertThat((String) Json.read(rejected, "$.state")).isEqualTo("REJECTED");
        assertThat((String) Json.read(rejected, "$.rejectionReason")).isEqualTo("The hero image is off-brand");
        MvcTestResult history = api.history(viewer, id);
        assertThat((String) Json.read(history, "$.items[0].kind")).isEqualTo("REJECTED");
        assertThat((String) Json.read(history, "$.items[0].actor")).isEqualTo("Ada Approver");
        assertThat((String) Json.read(history, "$.items[0].comment")).isEqualTo("The hero image is off-brand");
        assertThat((String) Json.read(history, "$.items[0].at")).isNotBlank();
        MvcTestResult comments = api.get(viewer, ApprovalRequests.APPROVALS + "/" + id + "/comments");
        assertThat((List<String>) Json.read(comments, "$[*].kind")).containsExactly("CHANGE_REQUEST");
        assertThat((List<String>) Json.read(comments, "$[*].body")).containsExactly("The hero image is off-brand");
        // the requester sees what to do next
        assertThat((List<String>) Json.read(api.approval(contributor, id), "$.actions")).containsExactly("request-review");
    }

    @Test
    void requestReviewFromRejectedGoesToNeedsReview() {
        String id = contentIn("REJECTED");

        MvcTestResult reopened = api.requestReview(contributor, id, "Swapped the image");

        assertThat(reopened).hasStatusOk();
        assertThat((String) Json.read(reopened, "$.state")).isEqualTo("NEEDS_REVIEW");
        assertThat((Integer) Json.read(reopened, "$.stageNumber")).isEqualTo(1);
        assertThat((String) Json.read(reopened, "$.rejectionReason")).isNull();
        MvcTestResult history = api.history(viewer, id);
        assertThat((String) Json.read(history, "$.items[0].kind")).isEqualTo("REVIEW_REQUESTED");
        assertThat((String) Json.read(history, "$.items[0].actor")).isEqualTo("Cy Contributor");
        assertThat((String) Json.read(history, "$.items[0].comment")).isEqualTo("Swapped the image");
        assertThat((String) Json.read(history, "$.items[0].from")).isEqualTo("REJECTED");
        assertThat((String) Json.read(history, "$.items[0].to")).isEqualTo("NEEDS_REVIEW");
        assertThat(api.inbox(approver)).contains(id);
    }

    @Test
    void approveFromNeedsReviewApproves() {
        String id = contentIn("NEEDS_REVIEW");
        MvcTestResult approved = api.approve(approver, id, "Better now");
        assertThat((String) Json.read(approved, "$.state")).isEqualTo("APPROVED");
        assertThat(api.historyKinds(viewer, id)).containsExactly("REQUESTED", "REJECTED", "REVIEW_REQUESTED", "APPROVED");
        assertThat((String) Json.read(api.history(viewer, id), "$.items[0].from")).isEqualTo("NEEDS_REVIEW");
    }

    @Test
    void rejectFromNeedsReviewRejectsAgain() {
        String id = contentIn("NEEDS_REVIEW");
        MvcTestResult rejected = api.reject(approver, id, "Still off-brand");
        assertThat((String) Json.read(rejected, "$.state")).isEqualTo("REJECTED");
        assertThat((String) Json.read(rejected, "$.rejectionReason")).isEqualTo("Still off-brand");
        assertThat(api.historyKinds(viewer, id)).containsExactly("REQUESTED", "REJECTED", "REVIEW_REQUESTED", "REJECTED");
    }

    @Test
    void theScopePathsActLikeTheIdPaths() {
        String path = ApprovalRequests.scopePath(campaignId, "schedule");
        assertThat(api.post(approver, path + "/reject", "{\"reason\":\"Posts clash with the holiday\"}")).hasStatusOk();
        assertThat(api.post(contributor, path + "/request-review", "{\"comment\":\"Moved them\"}")).hasStatusOk();
        MvcTestResult approved = api.post(approver, path + "/approve", "{\"comment\":\"Fine\"}");
        assertThat(approved).hasStatusOk();
        assertThat((String) Json.read(approved, "$.state")).isEqualTo("APPROVED");
        MvcTestResult history = api.get(viewer, path + "/history");
        assertThat((List<String>) Json.read(history, "$.items[*].kind"))
                .containsExactly("APPROVED", "REVIEW_REQUESTED", "REJECTED", "REQUESTED");
        assertThat((Integer) Json.read(history, "$.total")).isEqualTo(4);
        assertThat(api.post(approver, ApprovalRequests.scopePath(campaignId, "no-such-scope") + "/approve", null))
                .hasStatus(404);
    }

    // ---- illegal moves

    @ParameterizedTest(name = "{1} from {0} is refused")
    @CsvSource({
            "APPROVED, approve", "APPROVED, reject", "APPROVED, request-review",
            "REJECTED, approve", "REJECTED, reject",
            "PENDING, request-review", "NEEDS_REVIEW, request-review"})
    void illegalMovesAnswer409WithWhatIsAllowed(String state, String action) {
        String id = contentIn(state);
        MvcTestResult refused = switch (action) {
            case "approve" -> api.approve(approver, id);
            case "reject" -> api.reject(approver, id, "Another reason");
            default -> api.requestReview(contributor, id, null);
        };
        List<String> allowed = switch (state) {
            case "APPROVED" -> List.of();
            case "REJECTED" -> List.of("request-review");
            default -> List.of("approve", "reject");
        };
        IllegalMoves.assertRefused(refused, state, action, allowed);
        assertThat(api.state(viewer, id)).isEqualTo(state);
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"", "{}", "{\"reason\":null}", "{\"reason\":\"   \"}"})
    void rejectWithoutAReasonIsA400NamingReason(String body) {
        String id = content();
        MvcTestResult refused = api.post(approver, ApprovalRequests.APPROVALS + "/" + id + "/reject",
                body.isEmpty() ? null : body);
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/validation");
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("reason");
        assertThat(api.state(viewer, id)).isEqualTo("PENDING");
        assertThat(api.historyKinds(viewer, id)).containsExactly("REQUESTED");
    }

    @Test
    void aTooLongReasonIsA400NamingReason() {
        MvcTestResult refused = api.reject(approver, content(), "x".repeat(2001));
        assertThat(refused).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("reason");
    }

    // ---- roles and tenancy

    @Test
    void whoMayDecide() {
        String id = content();
        for (Member notRouted : List.of(viewer, contributor)) {
            MvcTestResult refused = api.approve(notRouted, id);
            assertThat(refused).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(api.reject(notRouted, id, "No")).hasStatus(403);
        }
        assertThat(api.state(viewer, id)).isEqualTo("PENDING");
        // the owner holds every role, so the approvers' stage is routed to them too
        assertThat(api.approve(owner, id)).hasStatusOk();
    }

    @Test
    void aRejectedApprovalIsReopenedOnlyByContributorsOrTheRequester() {
        String id = contentIn("REJECTED");
        assertThat(api.requestReview(viewer, id, null)).hasStatus(403);
        assertThat(api.requestReview(approver, id, null)).hasStatus(403);
        assertThat(api.state(viewer, id)).isEqualTo("REJECTED");
    }

    @Test
    void anotherWorkspacesApprovalsAreNotFound() {
        Member stranger = workspaces.workspace("Elsewhere");
        Member strangerApprover = workspaces.addMember(stranger, Role.APPROVER);
        String id = content();
        for (Map.Entry<String, MvcTestResult> call : Map.of(
                "get", api.approval(strangerApprover, id),
                "approve", api.approve(strangerApprover, id),
                "reject", api.reject(strangerApprover, id, "Not mine"),
                "request-review", api.requestReview(stranger, id, null),
                "history", api.get(stranger, ApprovalRequests.APPROVALS + "/" + id + "/history"),
                "comments", api.get(stranger, ApprovalRequests.APPROVALS + "/" + id + "/comments"),
                "campaign approvals", api.get(stranger, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/approvals"),
                "initialize", api.initialize(stranger, campaignId),
                "scope approve", api.post(strangerApprover, ApprovalRequests.scopePath(campaignId, "content") + "/approve", null),
                "check-publish", api.post(stranger, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/approvals/check-publish", null))
                .entrySet()) {
            assertThat(call.getValue()).as(call.getKey()).hasStatus(404);
            assertThat((String) Json.read(call.getValue(), "$.type")).as(call.getKey()).endsWith("/not-found");
        }
        assertThat(api.state(viewer, id)).isEqualTo("PENDING");
        assertThat(api.inbox(strangerApprover)).doesNotContain(id);
    }

    @Test
    void aTrashedCampaignsApprovalsLeaveTheInbox() {
        String id = content();
        assertThat(api.inbox(approver)).contains(id);

        assertThat(api.delete(owner, ApprovalRequests.CAMPAIGNS + "/" + campaignId)).hasStatus(204);

        assertThat(api.inbox(approver)).doesNotContain(id);
        assertThat(api.approve(approver, id)).hasStatus(404);
        assertThat(api.post(owner, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/restore", null)).hasStatusOk();
        assertThat(api.inbox(approver)).contains(id);
    }

    @Test
    void unauthenticatedCallsAre401() {
        assertThat(api.anonymousGet(ApprovalRequests.APPROVALS + "/inbox")).hasStatus(401);
        assertThat(api.anonymousPost(ApprovalRequests.APPROVALS + "/" + content() + "/approve", null)).hasStatus(401);
    }
}
