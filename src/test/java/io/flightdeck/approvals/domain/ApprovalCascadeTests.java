package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.StrategyInvalidated;
import io.flightdeck.strategy.StrategyRevised;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

/**
 * Strategy changes reach approvals as events: the strategy scope needs approval again and the scopes that follow the
 * strategy go back for review. Runs in the shared context and publishes the strategy
 * module's events itself; the registry's own API says when a delivery is done.
 */
@FlightdeckTest
@EnableScenarios
class ApprovalCascadeTests {

    /** A complete strategy; {@code %s} is the cadence. */
    static final String STRATEGY = """
            {"platforms":["INSTAGRAM","EMAIL"],"goals":["2,000 trial sign-ups"],
             "targetAudience":"Operations managers at mid-sized logistics firms",
             "contentPillars":["Customer stories"],"brandTone":"Confident, warm","constraints":"No competitor names",
             "cadence":"%s","adsConfig":{"objective":"LEADS","budgetSplit":{"INSTAGRAM":100},"biddingNotes":"Cap CPC"}}""";
    static final List<String> FOLLOWERS = List.of("content", "schedule", "ads");
    static final List<String> ALL_APPROVED = List.of("strategy=APPROVED", "content=APPROVED", "schedule=APPROVED",
            "ads=APPROVED");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    CompletedEventPublications completed;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    EventPublicationRepository publications;
    @Autowired
    ApprovalCascade cascade;
    @Autowired
    StrategyCascade listener;

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

    private UUID campaign() {
        return UUID.fromString(campaignId);
    }

    private StrategyRevised revised(int version) {
        return new StrategyRevised(owner.workspaceId(), campaign(), UUID.randomUUID(), version,
                version == 1 ? null : version - 1, contributor.userId(), Instant.now());
    }

    private void approveAllScopes() {
        for (String scope : List.of("strategy", "content", "schedule", "ads")) {
            assertThat(api.approve(approver, api.scopeId(approver, campaignId, scope))).as(scope).hasStatusOk();
        }
        assertThat(api.scopeStates(approver, campaignId)).containsExactlyElementsOf(ALL_APPROVED);
    }

    private List<String> scopeStates() {
        return api.scopeStates(approver, campaignId);
    }

    private static Predicate<List<String>> has(String state) {
        return states -> states.contains(state);
    }

    /** How many deliveries of this campaign's strategy version the registry has completed. */
    private long completedDeliveries(Class<?> eventType, int version) {
        return completed.findAll().stream().filter(ApprovalCascadeTests::toTheCascade).map(EventPublication::getEvent)
                .filter(eventType::isInstance)
                .filter(event -> event instanceof StrategyRevised r
                        ? r.campaignId().equals(campaign()) && r.version() == version
                        : ((StrategyInvalidated) event).campaignId().equals(campaign())
                                && ((StrategyInvalidated) event).version() == version)
                .count();
    }

    /** Whether a publication goes to approvals' cascade (strategy's own activity listener gets the same events). */
    private static boolean toTheCascade(EventPublication publication) {
        return publication instanceof TargetEventPublication target
                && target.getTargetIdentifier().getValue().contains("StrategyCascade");
    }

    /** Deliveries to this campaign's approvals that failed and wait in the registry for a retry. */
    private long failedDeliveries() {
        return publications.findByStatus(EventPublication.Status.FAILED).stream().filter(ApprovalCascadeTests::toTheCascade)
                .map(EventPublication::getEvent)
                .filter(event -> event instanceof StrategyRevised r && r.campaignId().equals(campaign())).count();
    }

    @Test
    void aStrategyRevisionSendsApprovalsBackForReview(Scenario scenario) {
        api.initialized(contributor, campaignId);
        approveAllScopes();

        scenario.publish(revised(2))
                .andWaitForStateChange(this::scopeStates, has("content=NEEDS_REVIEW"))
                .andVerify(states -> assertThat(states).containsExactly(
                        "strategy=PENDING", "content=NEEDS_REVIEW", "schedule=NEEDS_REVIEW", "ads=NEEDS_REVIEW"));

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
    void aVersionDeliveredTwiceMovesNothingTheSecondTime(Scenario scenario) {
        api.initialized(contributor, campaignId);
        approveAllScopes();
        StrategyRevised event = revised(2);
        scenario.publish(event).andWaitForStateChange(this::scopeStates, has("content=NEEDS_REVIEW"));
        String content = api.scopeId(approver, campaignId, "content");
        assertThat(api.approve(approver, content)).hasStatusOk();

        // the registry may deliver an event twice: the second delivery moves nothing
        scenario.publish(event)
                .andWaitForStateChange(() -> completedDeliveries(StrategyRevised.class, 2), count -> count >= 2)
                .andVerify(count -> assertThat(api.state(approver, content)).isEqualTo("APPROVED"));
        assertThat(api.historyKinds(approver, content)).containsExactly("REQUESTED", "APPROVED", "CASCADED", "APPROVED");
    }

    @Test
    void aFirstStrategyVersionLeavesTheFollowersAlone(Scenario scenario) {
        api.initialized(contributor, campaignId);
        approveAllScopes();

        // a strategy approved before there was one to read needs approval of the version that now exists
        scenario.publish(revised(1))
                .andWaitForStateChange(this::scopeStates, has("strategy=PENDING"))
                .andVerify(states -> assertThat(states)
                        .containsExactly("strategy=PENDING", "content=APPROVED", "schedule=APPROVED", "ads=APPROVED"));
        for (String scope : FOLLOWERS) {
            assertThat(api.historyKinds(approver, api.scopeId(approver, campaignId, scope))).as(scope)
                    .containsExactly("REQUESTED", "APPROVED");
        }
    }

    @Test
    void approvalsStartedAfterAVersionWasSavedDoNotReactToItsLateEvent(Scenario scenario) {
        MvcTestResult saved = api.post(contributor, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/strategies",
                STRATEGY.formatted("3 posts a week"));
        assertThat(saved).hasStatus(201);
        api.initialized(contributor, campaignId);

        // the save's own event and this late copy of it both reach approvals that already follow version 1
        scenario.publish(revised(1))
                .andWaitForStateChange(() -> completedDeliveries(StrategyRevised.class, 1), count -> count >= 2)
                .andVerify(count -> assertThat(scopeStates())
                        .containsOnly("strategy=PENDING", "content=PENDING", "schedule=PENDING", "ads=PENDING"));
        assertThat(api.historyKinds(approver, api.scopeId(approver, campaignId, "content"))).containsExactly("REQUESTED");
    }

    @Test
    void aScopeThatDoesNotFollowTheStrategyStaysApproved(Scenario scenario) {
        MvcTestResult unfollowed = api.put(owner, "/api/v1/approval-scopes/ads", "{\"followsStrategy\":false}");
        assertThat(unfollowed).hasStatusOk();
        assertThat((Boolean) Json.read(unfollowed, "$.followsStrategy")).isFalse();
        api.initialized(contributor, campaignId);
        approveAllScopes();

        scenario.publish(revised(2))
                .andWaitForStateChange(this::scopeStates, has("content=NEEDS_REVIEW"))
                .andVerify(states -> assertThat(states).containsExactly(
                        "strategy=PENDING", "content=NEEDS_REVIEW", "schedule=NEEDS_REVIEW", "ads=APPROVED"));
    }

    @Test
    void withdrawingTheCurrentStrategySendsEverythingBackForReview(Scenario scenario) {
        MvcTestResult saved = api.post(contributor, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/strategies",
                STRATEGY.formatted("3 posts a week"));
        int version = Json.read(saved, "$.version");
        api.initialized(contributor, campaignId);
        approveAllScopes();

        // through the strategy module's endpoint, so its event is the one that arrives; the request opens its own
        // transaction in the member's workspace, so the stimulus does not run in one of the scenario's
        scenario.stimulate((transactions, events) -> {
                    assertThat(api.post(contributor, ApprovalRequests.CAMPAIGNS + "/" + campaignId + "/strategies/"
                            + version + "/invalidate", "{\"reason\":\"The audience was wrong\"}")).hasStatusOk();
                })
                .andWaitForStateChange(this::scopeStates, has("ads=NEEDS_REVIEW"))
                .andVerify(states -> assertThat(states).containsExactly(
                        "strategy=NEEDS_REVIEW", "content=NEEDS_REVIEW", "schedule=NEEDS_REVIEW", "ads=NEEDS_REVIEW"));
        MvcTestResult history = api.history(approver, api.scopeId(approver, campaignId, "content"));
        assertThat((String) Json.read(history, "$.items[0].kind")).isEqualTo("CASCADED");
        assertThat((String) Json.read(history, "$.items[0].comment")).contains("invalidated");
    }

    @Test
    void aFailedDeliveryIsRetriedThroughTheRegistry(Scenario scenario) {
        api.initialized(contributor, campaignId);
        approveAllScopes();
        // the listener's cascade fails once for this campaign, as a busy database would, and works for every other
        // call; swapped in for this test only, so the shared context needs no bean of its own
        StrategyCascade target = AopTestUtils.getUltimateTargetObject(listener);
        ApprovalCascade failingOnce = mock(ApprovalCascade.class, delegatesTo(cascade));
        doThrow(new CannotAcquireLockException("the database was busy")).doAnswer(delegatesTo(cascade))
                .when(failingOnce).strategyChanged(eq(campaign()), any());
        ReflectionTestUtils.setField(target, "cascade", failingOnce);
        try {
            scenario.publish(revised(2))
                    .andWaitForStateChange(this::failedDeliveries, count -> count == 1)
                    .andVerify(count -> assertThat(scopeStates()).containsExactlyElementsOf(ALL_APPROVED));
        } finally {
            ReflectionTestUtils.setField(target, "cascade", cascade);
        }
        assertThat(completedDeliveries(StrategyRevised.class, 2)).isZero();

        // what the resubmission job does for publications left incomplete; outside a transaction, as the job runs
        scenario.stimulate((transactions, events) -> {
                    incomplete.resubmitIncompletePublications(publication ->
                            publication.getEvent() instanceof StrategyRevised r && r.campaignId().equals(campaign()));
                })
                .andWaitForStateChange(this::scopeStates, has("content=NEEDS_REVIEW"))
                .andVerify(states -> assertThat(states).containsExactly(
                        "strategy=PENDING", "content=NEEDS_REVIEW", "schedule=NEEDS_REVIEW", "ads=NEEDS_REVIEW"));
        // the registry marks the publication complete once the listener has returned, a moment after its writes
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(completedDeliveries(StrategyRevised.class, 2)).isEqualTo(1));
    }
}
