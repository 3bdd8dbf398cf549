package io.flightdeck.approvals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** An approver away for a week hands their stages to a colleague; the history names both. */
@FlightdeckTest
class ApprovalDelegationsApiTests {

    static final String DELEGATIONS = "/api/v1/approval-delegations";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MutableClock clock;

    private ApprovalRequests api;
    private Member owner;
    private Member ann;
    private Member ben;
    private String campaignId;

    @BeforeEach
    void setUp() {
        api = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Delegation");
        ann = workspaces.addMember(owner, Role.APPROVER);
        ben = workspaces.addMember(owner, Role.CONTRIBUTOR);
        api.rename(ann, "Ann Approver");
        api.rename(ben, "Ben Backup");
        campaignId = api.campaign(owner, "Delegated launch");
        // the owner requests: Ben, who stands in, must not be the requester (separation of duties)
        api.initialized(owner, campaignId);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MvcTestResult delegate(Member from, String body) {
        return api.post(from, DELEGATIONS, body);
    }

    private String delegateForAWeek(Member from, Member to) {
        MvcTestResult created = delegate(from, "{\"delegateId\":\"%s\",\"endsAt\":\"%s\",\"note\":\"On holiday\"}"
                .formatted(to.userId(), clock.instant().plus(Duration.ofDays(7))));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private String scope(String key) {
        return api.scopeId(ann, campaignId, key);
    }

    @Test
    void theDelegateApprovesTheDelegatorsStagesUntilItIsRevoked() {
        String content = scope("content");
        assertThat(api.approve(ben, content)).hasStatus(403);
        assertThat(api.inbox(ben)).isEmpty();

        String delegation = delegateForAWeek(ann, ben);

        MvcTestResult mine = api.get(ben, DELEGATIONS);
        assertThat((List<String>) Json.read(mine, "$[*].id")).containsExactly(delegation);
        assertThat((String) Json.read(mine, "$[0].delegator")).isEqualTo("Ann Approver");
        assertThat((String) Json.read(mine, "$[0].delegate")).isEqualTo("Ben Backup");
        assertThat((Boolean) Json.read(mine, "$[0].active")).isTrue();
        assertThat((List<String>) Json.read(api.get(ann, DELEGATIONS), "$[*].id")).containsExactly(delegation);
        assertThat(api.inbox(ben)).contains(content);

        MvcTestResult approved = api.approve(ben, content, "Covering for Ann");

        assertThat(approved).hasStatusOk();
        assertThat((String) Json.read(approved, "$.state")).isEqualTo("APPROVED");
        MvcTestResult history = api.history(ann, content);
        assertThat((String) Json.read(history, "$.items[0].actor")).isEqualTo("Ben Backup for Ann Approver");
        assertThat((String) Json.read(history, "$.items[0].actorId")).isEqualTo(ben.userId().toString());
        assertThat((String) Json.read(history, "$.items[0].comment")).isEqualTo("Covering for Ann");

        MvcTestResult revoked = api.post(ann, DELEGATIONS + "/" + delegation + "/revoke", null);
        assertThat(revoked).hasStatusOk();
        assertThat((Boolean) Json.read(revoked, "$.revoked")).isTrue();
        assertThat((Boolean) Json.read(revoked, "$.active")).isFalse();

        assertThat(api.approve(ben, scope("schedule"))).hasStatus(403);
        assertThat(api.inbox(ben)).isEmpty();
        assertThat(api.approve(ann, scope("schedule"))).hasStatusOk();
    }

    @Test
    void aDelegatedVoteCountsAsTheDelegatorsOwn() {
        Member other = workspaces.addMember(owner, Role.APPROVER);
        assertThat(api.routeScope(owner, "ads", "[{\"name\":\"Two approvers\",\"approverRole\":\"APPROVER\",\"requiredApprovals\":2}]"))
                .hasStatusOk();
        String fresh = api.campaign(owner, "Quorum delegation");
        api.initialized(owner, fresh);
        String ads = api.scopeId(ann, fresh, "ads");
        delegateForAWeek(ann, ben);

        assertThat(api.approve(ben, ads)).hasStatusOk();

        MvcTestResult twice = api.approve(ann, ads);
        assertThat(twice).hasStatus(409);
        assertThat((String) Json.read(twice, "$.type")).endsWith("/already-decided");
        assertThat(api.approve(other, ads)).hasStatusOk();
        assertThat(api.state(ann, ads)).isEqualTo("APPROVED");
    }

    @Test
    void aDelegationStartsWhenItSays() {
        Instant start = clock.instant().plus(Duration.ofDays(1));
        MvcTestResult created = delegate(ann, "{\"delegateId\":\"%s\",\"startsAt\":\"%s\",\"endsAt\":\"%s\"}"
                .formatted(ben.userId(), start, start.plus(Duration.ofDays(3))));
        assertThat(created).hasStatus(201);
        assertThat((Boolean) Json.read(created, "$.active")).isFalse();
        String content = scope("content");
        assertThat(api.approve(ben, content)).hasStatus(403);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(api.approve(ben, content)).hasStatusOk();

        clock.advance(Duration.ofDays(3));
        assertThat(api.approve(ben, scope("ads"))).hasStatus(403);
    }

    @Test
    void invalidDelegationsNameTheField() {
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member stranger = workspaces.workspace("Delegation stranger");
        Instant week = clock.instant().plus(Duration.ofDays(7));
        record Case(String body, String field) {
        }
        for (Case c : List.of(
                new Case("{\"endsAt\":\"%s\"}".formatted(week), "delegateId"),
                new Case("{\"delegateId\":\"%s\",\"endsAt\":\"%s\"}".formatted(ann.userId(), week), "delegateId"),
                new Case("{\"delegateId\":\"%s\",\"endsAt\":\"%s\"}".formatted(viewer.userId(), week), "delegateId"),
                new Case("{\"delegateId\":\"%s\",\"endsAt\":\"%s\"}".formatted(stranger.userId(), week), "delegateId"),
                new Case("{\"delegateId\":\"%s\"}".formatted(ben.userId()), "endsAt"),
                new Case("{\"delegateId\":\"%s\",\"endsAt\":\"%s\"}".formatted(ben.userId(), clock.instant().minusSeconds(60)), "endsAt"),
                new Case("{\"delegateId\":\"%s\",\"endsAt\":\"%s\"}".formatted(ben.userId(), clock.instant().plus(Duration.ofDays(91))), "endsAt"),
                new Case("{\"delegateId\":\"%s\",\"endsAt\":\"%s\",\"note\":\"%s\"}".formatted(ben.userId(), week, "x".repeat(501)), "note"))) {
            MvcTestResult refused = delegate(ann, c.body());
            assertThat(refused).as(c.body()).hasStatus(400);
            assertThat((List<String>) Json.read(refused, "$.errors[*].field")).as(c.body()).containsExactly(c.field());
        }
        // several at once: each is listed (a note past its limit is refused with the body, before these rules)
        MvcTestResult all = delegate(ann, "{\"delegateId\":\"%s\"}".formatted(ann.userId()));
        assertThat((List<String>) Json.read(all, "$.errors[*].field")).containsExactlyInAnyOrder("delegateId", "endsAt");
        assertThat(delegate(viewer, "{\"delegateId\":\"%s\",\"endsAt\":\"%s\"}".formatted(ben.userId(), week))).hasStatus(403);
        assertThat((List<?>) Json.read(api.get(ann, DELEGATIONS), "$")).isEmpty();
    }

    @Test
    void onlyThePartiesOrAnAdminRevoke() {
        String delegation = delegateForAWeek(ann, ben);
        Member outsider = workspaces.addMember(owner, Role.APPROVER);
        assertThat(api.post(outsider, DELEGATIONS + "/" + delegation + "/revoke", null)).hasStatus(404);
        assertThat((List<?>) Json.read(api.get(outsider, DELEGATIONS), "$")).isEmpty();
        Member stranger = workspaces.workspace("Revoke stranger");
        assertThat(api.post(stranger, DELEGATIONS + "/" + delegation + "/revoke", null)).hasStatus(404);
        assertThat(api.post(ben, DELEGATIONS + "/" + delegation + "/revoke", null)).hasStatusOk();
        assertThat(api.post(owner, DELEGATIONS + "/" + UUID.randomUUID() + "/revoke", null)).hasStatus(404);
    }
}
