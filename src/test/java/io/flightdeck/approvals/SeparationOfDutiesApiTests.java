package io.flightdeck.approvals;

import java.util.List;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Separation of duties: a workspace setting, on by default, under which the member who requested a review cannot
 * approve it (403 with the reason; the API's actions leave approve out and say why); and delegation only for members
 * who approve something.
 */
@FlightdeckTest
class SeparationOfDutiesApiTests {

    private static final String DUTIES = "/api/v1/approval-settings/separation-of-duties";
    private static final String DELEGATIONS = "/api/v1/approval-delegations";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private ApprovalRequests requests() {
        return new ApprovalRequests(mvc);
    }

    @Test
    void theSettingIsOnByDefaultAndOnlyManagersChangeIt() {
        ApprovalRequests api = requests();
        Member owner = workspaces.workspace("Duties setting");
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        Member manager = workspaces.addMember(owner, Role.MANAGER);

        assertThat(api.get(approver, DUTIES)).hasStatusOk().bodyJson().extractingPath("$.enabled").isEqualTo(true);
        assertThat(api.put(approver, DUTIES, "{\"enabled\":false}")).hasStatus(403);
        assertThat(api.put(manager, DUTIES, "{}")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.put(manager, DUTIES, "{\"enabled\":\"maybe\"}")).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get(owner, DUTIES)).bodyJson().extractingPath("$.enabled").isEqualTo(true);

        assertThat(api.put(manager, DUTIES, "{\"enabled\":false}")).hasStatusOk().bodyJson()
                .extractingPath("$.enabled").isEqualTo(false);
        assertThat(api.get(approver, DUTIES)).bodyJson().extractingPath("$.enabled").isEqualTo(false);
        // the other workspace keeps its own default
        assertThat(api.get(workspaces.workspace("Duties elsewhere"), DUTIES)).bodyJson().extractingPath("$.enabled")
                .isEqualTo(true);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        ApprovalRequests api = requests();
        Member owner = workspaces.workspace("Duties on");
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        String campaign = api.campaign(owner, "Own request");
        api.initialized(owner, campaign); // the owner requests, and as owner is routed every stage
        String strategy = api.scopeId(owner, campaign, "strategy");

        MvcTestResult own = api.approve(owner, strategy, "Fine by me");
        assertThat(own).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Json.<String>read(own, "$.type")).endsWith("/separation-of-duties");
        assertThat(Json.<String>read(own, "$.detail")).contains("You requested this review");
        assertThat(api.state(owner, strategy)).isEqualTo("PENDING");

        MvcTestResult seen = api.approval(owner, strategy);
        assertThat(Json.<List<String>>read(seen, "$.actions")).contains("reject").doesNotContain("approve");
        assertThat(Json.<String>read(seen, "$.approveNote")).contains("You requested this review");
        MvcTestResult theirs = api.approval(approver, strategy);
        assertThat(Json.<List<String>>read(theirs, "$.actions")).contains("approve", "reject");
        assertThat(Json.<Object>read(theirs, "$.approveNote")).isNull();

        // it waits for someone else, so it is not in the requester's inbox
        assertThat(api.inbox(owner)).doesNotContain(strategy);
        assertThat(api.inbox(approver)).contains(strategy);

        assertThat(api.approve(approver, strategy)).hasStatusOk();
        assertThat(api.state(owner, strategy)).isEqualTo("APPROVED");
    }

    @Test
    void withTheSettingOffTheRequesterMayApprove() {
        ApprovalRequests api = requests();
        Member owner = workspaces.workspace("Duties off");
        assertThat(api.put(owner, DUTIES, "{\"enabled\":false}")).hasStatusOk();
        String campaign = api.campaign(owner, "Own request allowed");
        api.initialized(owner, campaign);
        String strategy = api.scopeId(owner, campaign, "strategy");

        assertThat(Json.<List<String>>read(api.approval(owner, strategy), "$.actions")).contains("approve");
        assertThat(api.inbox(owner)).contains(strategy);
        assertThat(api.approve(owner, strategy)).hasStatusOk();
        assertThat(api.state(owner, strategy)).isEqualTo("APPROVED");
    }

    @Test
    void aContributorWhomNoStageRoutesToHasNothingToDelegate() {
        ApprovalRequests api = requests();
        Member owner = workspaces.workspace("Delegation duties");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        String body = "{\"delegateId\":\"%s\",\"endsAt\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(7))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}";

        MvcTestResult refused = api.post(contributor, DELEGATIONS, body.formatted(approver.userId()));
        assertThat(refused).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Json.<String>read(refused, "$.type")).endsWith("/nothing-to-delegate");
        assertThat(Json.<String>read(refused, "$.detail")).contains("No approval stage is routed to you");

        // an approver delegates; bad input still gets its 400 first
        assertThat(api.post(approver, DELEGATIONS, "{\"delegateId\":\"%s\"}".formatted(contributor.userId())))
                .hasStatus(400);
        assertThat(api.post(approver, DELEGATIONS, body.formatted(contributor.userId()))).hasStatus(201);

        // once a stage names the contributor, they approve something and may hand it over
        assertThat(api.routeScope(owner, "content", "[{\"name\":\"Review\",\"approverIds\":[\"%s\"]}]"
                .formatted(contributor.userId()))).hasStatusOk();
        assertThat(api.post(contributor, DELEGATIONS, body.formatted(approver.userId()))).hasStatus(201);
    }
}
