package io.flightdeck.campaigns;

import java.util.List;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Launch from a draft or planning ({@code throughPlanning}): each move in between checked, recorded and announced
 * as if made by hand; a refusal at any step leaves the campaign, its feed and its events as they were.
 */
@FlightdeckTest
@RecordApplicationEvents
class OneLaunchTests {

    private static final String THROUGH = "{\"throughPlanning\":true,\"confirm\":true}";

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

    @Test
    void aReadyDraftLaunchesInOneCallThroughPlanningAndReady() {
        Member owner = workspaces.withoutApprovals("One launch");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String id = api.campaignIn(owner, CampaignStatus.DRAFT, "Straight to live");
        events.clear();

        MvcTestResult launched = api.transition(manager, id, "launch", THROUGH);

        assertThat(launched).hasStatusOk();
        assertThat((String) Json.read(launched, "$.status")).isEqualTo("ACTIVE");
        assertThat(launched.getResponse().getHeader(HttpHeaders.ETAG)).isNotBlank();
        List<String> feed = api.sentences(owner, id);
        String name = api.displayName(manager);
        assertThat(feed.subList(0, 3)).containsExactly(
                name + " launched the campaign, confirming: " + CampaignLifecycleTests.earlyWarning(),
                name + " marked the campaign ready",
                name + " started planning");
        assertThat(events.stream(Object.class).map(e -> e.getClass().getSimpleName())
                .filter(n -> n.startsWith("Campaign")).toList())
                .containsSubsequence("CampaignPlanningStarted", "CampaignMarkedReady", "CampaignLaunched");
    }

    @Test
    void fromPlanningItMarksReadyAndLaunches() {
        Member owner = workspaces.withoutApprovals("One launch planning");
        String id = api.campaignIn(owner, CampaignStatus.PLANNING, "Half way");
        assertThat(api.transition(owner, id, "launch", THROUGH)).hasStatusOk();
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("ACTIVE");
    }

    @Test
    void aRefusalAtAnyStepChangesNothing() {
        Member owner = workspaces.withoutApprovals("One launch refused");
        // unconfirmed warnings (the campaign starts in 2027): refused at the last step, after planning and ready
        String early = api.campaignIn(owner, CampaignStatus.DRAFT, "Unconfirmed");
        String etag = api.get(owner, early).getResponse().getHeader(HttpHeaders.ETAG);
        int feed = api.sentences(owner, early).size();
        events.clear();
        MvcTestResult unconfirmed = api.transition(owner, early, "launch", "{\"throughPlanning\":true}");
        assertThat(unconfirmed).hasStatus(409);
        assertThat((String) Json.read(unconfirmed, "$.type")).endsWith("/launch-needs-confirmation");
        assertUnchanged(owner, early, "DRAFT", etag, feed);

        // below the threshold: refused where it would be marked ready; forcing without a reason changes nothing
        String thin = api.createId(owner, CampaignRequests.bareBody("Thin"));
        etag = api.get(owner, thin).getResponse().getHeader(HttpHeaders.ETAG);
        feed = api.sentences(owner, thin).size();
        events.clear();
        MvcTestResult below = api.transition(owner, thin, "launch", THROUGH);
        assertThat(below).hasStatus(409);
        assertThat((String) Json.read(below, "$.type")).endsWith("/readiness-below-threshold");
        assertUnchanged(owner, thin, "DRAFT", etag, feed);
        MvcTestResult noReason = api.transition(owner, thin, "launch",
                "{\"throughPlanning\":true,\"confirm\":true,\"force\":true}");
        assertThat(noReason).hasStatus(400);
        assertUnchanged(owner, thin, "DRAFT", etag, feed);

        // nothing to walk from an active campaign
        String active = api.campaignIn(owner, CampaignStatus.ACTIVE, "Already live");
        MvcTestResult again = api.transition(owner, active, "launch", THROUGH);
        assertThat(again).hasStatus(409);
        assertThat((String) Json.read(again, "$.type")).endsWith("/illegal-transition");
    }

    /** Seen: at 75 % with an 80 % threshold the one Launch offered only Close, though a manager may force it. */
    @Test
    void aManagerForcesADraftPastTheScoreAloneWithAReason() {
        Member owner = workspaces.withoutApprovals("One launch forced");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String thin = api.createId(owner, CampaignRequests.bareBody("Thin but urgent"));
        events.clear();

        MvcTestResult forced = api.transition(manager, thin, "launch",
                "{\"throughPlanning\":true,\"confirm\":true,\"force\":true,"
                + "\"reason\":\"The partner mail goes out today\"}");

        assertThat(forced).hasStatusOk();
        assertThat((String) Json.read(forced, "$.status")).isEqualTo("ACTIVE");
        List<String> feed = api.sentences(owner, thin);
        String name = api.displayName(manager);
        assertThat(feed.get(0)).startsWith(name + " launched the campaign at ")
                .contains("(threshold 80%), forcing it: The partner mail goes out today");
        assertThat(feed.subList(1, 3)).containsExactly(name + " marked the campaign ready", name + " started planning");
        assertThat(events.stream(CampaignLaunched.class)).singleElement()
                .satisfies(e -> assertThat(e.forced()).isTrue());
    }

    @Test
    void onlyManagersLaunchAndAnotherWorkspaceSeesNothing() {
        Member owner = workspaces.withoutApprovals("One launch roles");
        String id = api.campaignIn(owner, CampaignStatus.DRAFT, "Guarded");
        for (Role role : new Role[] {Role.CONTRIBUTOR, Role.VIEWER}) {
            assertThat(api.transition(workspaces.addMember(owner, role), id, "launch", THROUGH)).as(role.name()).hasStatus(403);
        }
        Member stranger = workspaces.withoutApprovals("One launch stranger");
        assertThat(api.transition(stranger, id, "launch", THROUGH)).hasStatus(404);
        String forced = "{\"throughPlanning\":true,\"confirm\":true,\"force\":true,\"reason\":\"Not theirs\"}";
        assertThat(api.transition(stranger, id, "launch", forced)).hasStatus(404);
        assertThat(api.transition(workspaces.addMember(owner, Role.CONTRIBUTOR), id, "launch", forced)).hasStatus(403);
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("DRAFT");
    }

    private void assertUnchanged(Member owner, String id, String status, String etag, int feed) {
        MvcTestResult after = api.get(owner, id);
        assertThat((String) Json.read(after, "$.status")).isEqualTo(status);
        assertThat(after.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
        assertThat(api.sentences(owner, id)).hasSize(feed);
        assertThat(events.stream(Object.class).map(e -> e.getClass().getSimpleName())
                .filter(n -> n.startsWith("Campaign") && !n.equals("CampaignCreated"))).isEmpty();
    }
}
