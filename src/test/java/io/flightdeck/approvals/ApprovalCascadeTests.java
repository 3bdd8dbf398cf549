package io.flightdeck.approvals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.domain.Approvals;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new strategy version reaches approvals as a StrategyRevised event through the event publication registry:
 * the strategy scope needs approval again and the scopes that follow the strategy go back for review.
 */
@FlightdeckTest
class ApprovalCascadeTests {

    /** A complete strategy; {@code %s} is the cadence, so that each save differs. */
    static final String STRATEGY = """
            {"platforms":["INSTAGRAM","EMAIL"],"goals":["2,000 trial sign-ups"],
             "targetAudience":"Operations managers at mid-sized logistics firms",
             "contentPillars":["Customer stories"],"brandTone":"Confident, warm","constraints":"No competitor names",
             "cadence":"%s","adsConfig":{"objective":"LEADS","budgetSplit":{"INSTAGRAM":100},"biddingNotes":"Cap CPC"}}""";
    static final List<String> FOLLOWERS = List.of("content", "schedule", "ads");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Approvals approvals;

    private ApprovalRequests api;
    private Member owner;
    private Member approver;
    private Member contributor;
    private String campaignId;

    @BeforeEach
    void setUp() {
        api = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Cascade");
        approver = workspaces.addMember(owner, Role.APPROVER);
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        campaignId = api.campaign(owner, "Cascading launch");
    }

    private int saveStrategy(String cadence) {
        MvcTestResult saved = api.post(contributor, "/api/v1/campaigns/" + campaignId + "/strategies",
                STRATEGY.formatted(cadence));
        assertThat(saved).hasStatus(201);
        return Json.read(saved, "$.version");
    }

    private void approveAllScopes() {
        for (String scope : List.of("strategy", "content", "schedule", "ads")) {
            assertThat(api.approve(approver, api.scopeId(approver, campaignId, scope))).as(scope).hasStatusOk();
        }
        assertThat(api.scopeStates(approver, campaignId))
                .containsExactly("strategy=APPROVED", "content=APPROVED", "schedule=APPROVED", "ads=APPROVED");
    }

    /** The registry's rows for this campaign's strategy events handled by the approvals listener. */
    private List<Boolean> cascadeCompletions(String eventType) {
        return jdbc.queryForList("""
                select completion_date is not null from event_publication
                 where listener_id like '%StrategyCascade%' and event_type like ? and serialized_event like ?""",
                Boolean.class, "%." + eventType, "%" + campaignId + "%");
    }

    private void awaitCompletedCascades(String eventType, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(cascadeCompletions(eventType)).hasSize(count).containsOnly(true));
    }

    @Test
    void aSecondStrategyVersionSendsTheFollowersBackForReview() {
        saveStrategy("3 posts a week");
        api.initialized(contributor, campaignId);
        approveAllScopes();

        assertThat(saveStrategy("5 posts a week")).isEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.scopeStates(approver, campaignId))
                .containsExactly("strategy=PENDING", "content=NEEDS_REVIEW", "schedule=NEEDS_REVIEW", "ads=NEEDS_REVIEW"));
        awaitCompletedCascades("StrategyRevised", 2);

        for (String scope : FOLLOWERS) {
            MvcTestResult history = api.history(approver, api.scopeId(approver, campaignId, scope));
            assertThat((String) Json.read(history, "$.items[0].kind")).as(scope).isEqualTo("CASCADED");
            assertThat((String) Json.read(history, "$.items[0].from")).isEqualTo("APPROVED");
            assertThat((String) Json.read(history, "$.items[0].to")).isEqualTo("NEEDS_REVIEW");
            assertThat((String) Json.read(history, "$.items[0].actor")).isEqualTo("Strategy version 2");
            assertThat((String) Json.read(history, "$.items[0].comment")).contains("version 2");
        }
        String strategy = api.scopeId(approver, campaignId, "strategy");
        assertThat(api.historyKinds(approver, strategy)).containsExactly("REQUESTED", "APPROVED", "CASCADED");
        // the reviews start over and can be approved again
        assertThat(api.inbox(approver)).contains(strategy);
        assertThat(api.approve(approver, strategy)).hasStatusOk();
        assertThat(api.state(approver, strategy)).isEqualTo("APPROVED");
    }

    @Test
    void theCascadeIsIdempotentPerVersion() {
        saveStrategy("3 posts a week");
        api.initialized(contributor, campaignId);
        approveAllScopes();
        saveStrategy("4 posts a week");
        awaitCompletedCascades("StrategyRevised", 2);
        assertThat(api.scopeStates(approver, campaignId)).containsOnly(
                "strategy=PENDING", "content=NEEDS_REVIEW", "schedule=NEEDS_REVIEW", "ads=NEEDS_REVIEW");
        assertThat(api.approve(approver, api.scopeId(approver, campaignId, "content"))).hasStatusOk();

        // the registry may deliver an event twice: the second delivery moves nothing
        int moved = workspaces.as(contributor, () -> approvals.strategyChanged(UUID.fromString(campaignId), 2, false,
                false));

        assertThat(moved).isZero();
        assertThat(api.state(approver, api.scopeId(approver, campaignId, "content"))).isEqualTo("APPROVED");
    }

    @Test
    void aFirstStrategyVersionLeavesTheFollowersAlone() {
        api.initialized(contributor, campaignId);
        approveAllScopes();

        assertThat(saveStrategy("3 posts a week")).isEqualTo(1);

        awaitCompletedCascades("StrategyRevised", 1);
        // a strategy approved before there was one to read needs approval of the version that now exists
        assertThat(api.scopeStates(approver, campaignId))
                .containsExactly("strategy=PENDING", "content=APPROVED", "schedule=APPROVED", "ads=APPROVED");
        for (String scope : FOLLOWERS) {
            assertThat(api.historyKinds(approver, api.scopeId(approver, campaignId, scope))).as(scope)
                    .containsExactly("REQUESTED", "APPROVED");
        }
    }

    @Test
    void approvalsStartedAfterAVersionWasSavedDoNotReactToItsLateEvent() {
        saveStrategy("3 posts a week");
        api.initialized(contributor, campaignId);

        awaitCompletedCascades("StrategyRevised", 1);

        assertThat(api.scopeStates(approver, campaignId)).containsOnly(
                "strategy=PENDING", "content=PENDING", "schedule=PENDING", "ads=PENDING");
        assertThat(api.historyKinds(approver, api.scopeId(approver, campaignId, "content"))).containsExactly("REQUESTED");
    }

    @Test
    void aScopeThatDoesNotFollowTheStrategyStaysApproved() {
        MvcTestResult unfollowed = api.put(owner, "/api/v1/approval-scopes/ads", "{\"followsStrategy\":false}");
        assertThat(unfollowed).hasStatusOk();
        assertThat((Boolean) Json.read(unfollowed, "$.followsStrategy")).isFalse();
        saveStrategy("3 posts a week");
        api.initialized(contributor, campaignId);
        approveAllScopes();

        saveStrategy("Daily");

        awaitCompletedCascades("StrategyRevised", 2);
        assertThat(api.scopeStates(approver, campaignId))
                .containsExactly("strategy=PENDING", "content=NEEDS_REVIEW", "schedule=NEEDS_REVIEW", "ads=APPROVED");
    }

    @Test
    void withdrawingTheCurrentStrategySendsEverythingBackForReview() {
        int version = saveStrategy("3 posts a week");
        api.initialized(contributor, campaignId);
        approveAllScopes();

        MvcTestResult invalidated = api.post(contributor, "/api/v1/campaigns/" + campaignId + "/strategies/" + version
                + "/invalidate", "{\"reason\":\"The audience was wrong\"}");
        assertThat(invalidated).hasStatusOk();

        awaitCompletedCascades("StrategyInvalidated", 1);
        assertThat(api.scopeStates(approver, campaignId)).containsExactly(
                "strategy=NEEDS_REVIEW", "content=NEEDS_REVIEW", "schedule=NEEDS_REVIEW", "ads=NEEDS_REVIEW");
        MvcTestResult history = api.history(approver, api.scopeId(approver, campaignId, "content"));
        assertThat((String) Json.read(history, "$.items[0].kind")).isEqualTo("CASCADED");
        assertThat((String) Json.read(history, "$.items[0].comment")).contains("invalidated");
    }
}
