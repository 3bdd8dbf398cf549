package io.flightdeck.campaigns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import io.flightdeck.campaigns.domain.CampaignTransition;

/**
 * The campaign lifecycle over the API: every legal move answers 200, lands in the right status, writes a readable
 * activity sentence and publishes its event; every other status × transition pair answers 409 and changes nothing.
 */
@FlightdeckTest
@RecordApplicationEvents
class CampaignLifecycleTests {

    /** The legal moves, as the product defines them: from, transition, to. */
    private static final List<Move> LEGAL = List.of(
            new Move(CampaignStatus.DRAFT, "plan", CampaignStatus.PLANNING, "started planning"),
            new Move(CampaignStatus.PLANNING, "mark-ready", CampaignStatus.READY, "marked the campaign ready"),
            new Move(CampaignStatus.READY, "launch", CampaignStatus.ACTIVE, "launched the campaign"),
            new Move(CampaignStatus.ACTIVE, "pause", CampaignStatus.PAUSED, "paused the campaign"),
            new Move(CampaignStatus.PAUSED, "resume", CampaignStatus.ACTIVE, "resumed the campaign"),
            new Move(CampaignStatus.ACTIVE, "complete", CampaignStatus.COMPLETED, "completed the campaign"),
            new Move(CampaignStatus.PAUSED, "complete", CampaignStatus.COMPLETED, "completed the campaign"),
            new Move(CampaignStatus.COMPLETED, "archive", CampaignStatus.ARCHIVED, "archived the campaign"),
            new Move(CampaignStatus.CANCELLED, "archive", CampaignStatus.ARCHIVED, "archived the campaign"),
            new Move(CampaignStatus.DRAFT, "cancel", CampaignStatus.CANCELLED, "cancelled the campaign"),
            new Move(CampaignStatus.PLANNING, "cancel", CampaignStatus.CANCELLED, "cancelled the campaign"),
            new Move(CampaignStatus.READY, "cancel", CampaignStatus.CANCELLED, "cancelled the campaign"),
            new Move(CampaignStatus.ACTIVE, "cancel", CampaignStatus.CANCELLED, "cancelled the campaign"),
            new Move(CampaignStatus.PAUSED, "cancel", CampaignStatus.CANCELLED, "cancelled the campaign"));

    private static final List<String> TRANSITIONS =
            List.of("plan", "mark-ready", "launch", "pause", "resume", "complete", "archive", "cancel");

    private static final Map<String, Class<?>> EVENTS = Map.of(
            "plan", CampaignPlanningStarted.class,
            "mark-ready", CampaignMarkedReady.class,
            "launch", CampaignLaunched.class,
            "pause", CampaignPaused.class,
            "resume", CampaignResumed.class,
            "complete", CampaignCompleted.class,
            "archive", CampaignArchived.class,
            "cancel", CampaignCancelled.class);

    record Move(CampaignStatus from, String transition, CampaignStatus to, String pastTense) {

        @Override
        public String toString() {
            return from + " -" + transition + "-> " + to;
        }
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationEvents events;

    private CampaignRequests api;

    @BeforeEach
    void setUp() {
        api = new CampaignRequests(mvc);
    }

    static Stream<Move> legalMoves() {
        return LEGAL.stream();
    }

    static Stream<Arguments> illegalMoves() {
        List<Arguments> illegal = new ArrayList<>();
        for (CampaignStatus status : CampaignStatus.values()) {
            for (String transition : TRANSITIONS) {
                boolean legal = LEGAL.stream().anyMatch(m -> m.from() == status && m.transition().equals(transition));
                if (!legal) {
                    illegal.add(Arguments.of(status, transition));
                }
            }
        }
        return illegal.stream();
    }

    private static List<String> allowedFrom(CampaignStatus status) {
        return LEGAL.stream().filter(m -> m.from() == status).map(Move::transition).toList();
    }

    /** The events of the lifecycle published for one campaign, in order. */
    private List<Object> lifecycleEventsOf(String campaignId) {
        UUID id = UUID.fromString(campaignId);
        return events.stream(Object.class).filter(e -> EVENTS.containsValue(e.getClass())).filter(e -> id.equals(campaignIdOf(e))).toList();
    }

    private static UUID campaignIdOf(Object event) {
        try {
            return (UUID) event.getClass().getMethod("campaignId").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTableOfLegalMovesCoversEveryTransitionAndIllegalOnesAreTheRest() {
        assertThat(LEGAL).hasSize(14);
        assertThat(illegalMoves()).hasSize(CampaignStatus.values().length * TRANSITIONS.size() - 14);
        assertThat(Arrays.stream(CampaignTransition.values()).map(CampaignTransition::path)).containsExactlyInAnyOrderElementsOf(TRANSITIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legalMoves")
    void aLegalMoveChangesTheStatusWritesActivityAndPublishesItsEvent(Move move) {
        Member owner = workspaces.withoutApprovals("Lifecycle " + move.transition());
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String id = api.campaignIn(owner, move.from(), "Move " + move);
        events.clear();

        MvcTestResult moved = api.transition(manager, id, move.transition());

        assertThat(moved).hasStatusOk();
        assertThat((String) Json.read(moved, "$.status")).isEqualTo(move.to().name());
        assertThat((List<String>) Json.read(moved, "$.allowedTransitions")).containsExactlyElementsOf(allowedFrom(move.to()));
        assertThat((String) Json.read(moved, "$.updatedBy")).isEqualTo(manager.userId().toString());
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo(move.to().name());

        // a launch adds what it confirmed (the test campaigns start in 2027)
        assertThat(api.sentences(owner, id).get(0)).isEqualTo(api.displayName(manager) + " " + move.pastTense()
                + (move.transition().equals("launch") ? ", confirming: " + earlyWarning() : ""));

        List<Object> published = lifecycleEventsOf(id);
        assertThat(published).hasSize(1);
        assertThat(published.get(0)).isInstanceOf(EVENTS.get(move.transition()));
        assertThat(published.get(0)).hasFieldOrPropertyWithValue("workspaceId", owner.workspaceId())
                .hasFieldOrPropertyWithValue("actorId", manager.userId());
    }

    @ParameterizedTest(name = "{0} cannot {1}")
    @MethodSource("illegalMoves")
    void anIllegalMoveIsAConflictThatChangesNothing(CampaignStatus status, String transition) {
        Member owner = workspaces.withoutApprovals("Illegal " + transition);
        String id = api.campaignIn(owner, status, "Illegal " + status + " " + transition);
        int activityBefore = api.sentences(owner, id).size();
        String etagBefore = api.get(owner, id).getResponse().getHeader(HttpHeaders.ETAG);
        events.clear();

        MvcTestResult refused = api.transition(owner, id, transition);

        assertThat(refused).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/illegal-transition");
        assertThat((String) Json.read(refused, "$.currentState")).isEqualTo(status.name());
        assertThat((String) Json.read(refused, "$.attemptedMove")).isEqualTo(transition);
        assertThat((List<String>) Json.read(refused, "$.allowedMoves")).containsExactlyElementsOf(allowedFrom(status));
        assertThat((String) Json.read(refused, "$.detail")).contains(transition.replace('-', ' '));

        MvcTestResult after = api.get(owner, id);
        assertThat((String) Json.read(after, "$.status")).isEqualTo(status.name());
        assertThat(after.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etagBefore);
        assertThat(api.sentences(owner, id)).hasSize(activityBefore);
        assertThat(lifecycleEventsOf(id)).isEmpty();
    }

    @Test
    void aFullyReadyCampaignLaunchesUnforcedAndSaysSo() {
        Member owner = workspaces.withoutApprovals("Launch");
        String id = api.campaignIn(owner, CampaignStatus.READY, "Spring launch");
        events.clear();

        MvcTestResult launched = api.transition(owner, id, "launch");

        assertThat(launched).hasStatusOk();
        assertThat((String) Json.read(launched, "$.status")).isEqualTo("ACTIVE");
        assertThat((Boolean) Json.read(launched, "$.forcedLaunch")).isFalse();
        assertThat((Object) Json.read(launched, "$.forcedLaunchReason")).isNull();
        assertThat(events.stream(CampaignLaunched.class)).singleElement().satisfies(event -> {
            assertThat(event.campaignId()).isEqualTo(UUID.fromString(id));
            assertThat(event.workspaceId()).isEqualTo(owner.workspaceId());
            assertThat(event.actorId()).isEqualTo(owner.userId());
            assertThat(event.forced()).isFalse();
            assertThat(event.at()).isNotNull();
        });
        // the test campaign starts in 2027: the launch confirmed that it is early, and the feed says so
        assertThat(api.sentences(owner, id).get(0)).startsWith(api.displayName(owner) + " launched the campaign, confirming: "
                + "The campaign starts on Monday 1 March 2027");
    }

    /** The warning a launch today confirms for a test campaign starting on 1 March 2027. */
    static String earlyWarning() {
        long days = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.now(java.time.ZoneOffset.UTC),
                java.time.LocalDate.of(2027, 3, 1));
        return "The campaign starts on Monday 1 March 2027, " + days + " days from today; launching now starts it early.";
    }

    @Test
    void aCampaignWalksItsWholeLifeAndTheFeedTellsTheStoryNewestFirst() {
        Member owner = workspaces.withoutApprovals("Whole life");
        String id = api.createId(owner, CampaignRequests.readyBody("Whole life"));
        for (String step : List.of("plan", "mark-ready", "launch", "pause", "resume", "complete", "archive")) {
            assertThat(api.transition(owner, id, step)).as(step).hasStatusOk();
        }
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("ARCHIVED");
        assertThat((List<String>) Json.read(api.get(owner, id), "$.allowedTransitions")).isEmpty();

        String name = api.displayName(owner);
        assertThat(api.sentences(owner, id)).containsExactlyInAnyOrder(
                name + " created the campaign",
                name + " started planning",
                name + " marked the campaign ready",
                name + " launched the campaign, confirming: " + earlyWarning(),
                name + " paused the campaign",
                name + " resumed the campaign",
                name + " completed the campaign",
                name + " archived the campaign");
        assertThat(lifecycleEventsOf(id)).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "CampaignPlanningStarted", "CampaignMarkedReady", "CampaignLaunched", "CampaignPaused",
                "CampaignResumed", "CampaignCompleted", "CampaignArchived");
        assertThat(events.stream(CampaignCreated.class).filter(e -> e.campaignId().equals(UUID.fromString(id)))).hasSize(1);
    }

    @Test
    void theStatusEndpointListsTheMovesAllowedNow() {
        Member owner = workspaces.withoutApprovals("Status");
        String id = api.campaignIn(owner, CampaignStatus.PAUSED, "Paused one");
        MvcTestResult status = api.fetch(owner, CampaignRequests.BASE + "/" + id + "/status");
        assertThat(status).hasStatusOk();
        assertThat((String) Json.read(status, "$.status")).isEqualTo("PAUSED");
        assertThat((List<String>) Json.read(status, "$.allowedTransitions")).containsExactly("resume", "complete", "cancel");
        assertThat((Integer) Json.read(status, "$.readinessScore")).isEqualTo(100);
        assertThat((Integer) Json.read(status, "$.readinessThreshold")).isEqualTo(80);
    }

    @Test
    void aTransitionHonoursIfMatch() {
        Member owner = workspaces.withoutApprovals("Transition etag");
        String id = api.createId(owner, CampaignRequests.readyBody("Etag move"));
        String etag = api.get(owner, id).getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(api.transition(owner, id, "plan")).hasStatusOk();

        MvcTestResult stale = mvc.post().uri(CampaignRequests.BASE + "/" + id + "/cancel")
                .header(HttpHeaders.AUTHORIZATION, owner.bearer()).header(HttpHeaders.IF_MATCH, etag).exchange();
        assertThat(stale).hasStatus(412);
        assertThat(stale.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("PLANNING");

        String current = stale.getResponse().getHeader(HttpHeaders.ETAG);
        MvcTestResult fresh = mvc.post().uri(CampaignRequests.BASE + "/" + id + "/cancel")
                .header(HttpHeaders.AUTHORIZATION, owner.bearer()).header(HttpHeaders.IF_MATCH, current).exchange();
        assertThat(fresh).hasStatusOk();
        assertThat((String) Json.read(fresh, "$.status")).isEqualTo("CANCELLED");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VIEWER", "APPROVER", "CONTRIBUTOR"})
    void onlyManagersAndAboveMoveCampaigns(Role role) {
        Member owner = workspaces.withoutApprovals("Transition roles");
        Member member = workspaces.addMember(owner, role);
        String id = api.createId(owner, CampaignRequests.readyBody("Roles"));
        events.clear();
        for (String transition : Set.of("plan", "cancel")) {
            MvcTestResult refused = api.transition(member, id, transition);
            assertThat(refused).hasStatus(403);
            assertThat((String) Json.read(refused, "$.type")).endsWith("/forbidden");
        }
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("DRAFT");
        assertThat(lifecycleEventsOf(id)).isEmpty();
    }

    @Test
    void aDeletedCampaignCannotMove() {
        Member owner = workspaces.withoutApprovals("Deleted move");
        String id = api.createId(owner, CampaignRequests.readyBody("Trashed"));
        assertThat(api.delete(owner, id)).hasStatus(204);
        assertThat(api.transition(owner, id, "plan")).hasStatus(404);
    }

    @Test
    void anUnknownTransitionIsNotFound() {
        Member owner = workspaces.withoutApprovals("Unknown move");
        String id = api.createId(owner, CampaignRequests.readyBody("Unknown"));
        assertThat(api.transition(owner, id, "teleport").getResponse().getStatus()).isIn(404, 405);
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("DRAFT");
    }
}
