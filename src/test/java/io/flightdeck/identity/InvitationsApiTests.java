package io.flightdeck.identity;

import java.time.Duration;
import java.util.List;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@FlightdeckTest
class InvitationsApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MvcTestResult invite(Member as, String email, Role role, String idempotencyKey) {
        var request = mvc.post().uri("/api/v1/invitations").header(HttpHeaders.AUTHORIZATION, as.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    private MvcTestResult accept(String token, String name, String password) {
        return mvc.post().uri("/api/v1/auth/accept-invitation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\",\"displayName\":" + (name == null ? "null" : "\"" + name + "\"")
                        + ",\"password\":\"" + password + "\"}").exchange();
    }

    @Test
    void anInvitedPersonJoinsWithTheInvitedRoleOnce() {
        Member owner = workspaces.workspace("Invites");
        String email = TestWorkspaces.uniqueEmail("invitee");
        MvcTestResult invited = invite(owner, email, Role.CONTRIBUTOR, null);
        assertThat(invited).hasStatus(201);
        assertThat(invited.getResponse().getHeader(HttpHeaders.LOCATION)).startsWith("/api/v1/invitations/");
        String token = Json.read(invited, "$.token");
        assertThat((String) Json.read(invited, "$.acceptUrl")).endsWith("/invitations/" + token);

        MvcTestResult pending = mvc.get().uri("/api/v1/invitations").header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        assertThat(Json.body(pending)).contains(email);
        MvcTestResult one = mvc.get().uri(invited.getResponse().getHeader(HttpHeaders.LOCATION))
                .header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        assertThat((String) Json.read(one, "$.status")).isEqualTo("PENDING");

        MvcTestResult joined = accept(token, "New Colleague", TestWorkspaces.PASSWORD);
        assertThat(joined).hasStatus(201);
        assertThat((String) Json.read(joined, "$.role")).isEqualTo("CONTRIBUTOR");
        assertThat((String) Json.read(joined, "$.workspaceId")).isEqualTo(owner.workspaceId().toString());

        MvcTestResult again = accept(token, "New Colleague", TestWorkspaces.PASSWORD);
        assertThat(again).hasStatus(409);
        assertThat((String) Json.read(again, "$.type")).endsWith("/invitation-used");

        MvcTestResult inviteAgain = invite(owner, email, Role.VIEWER, null);
        assertThat(inviteAgain).hasStatus(409);
        assertThat((String) Json.read(inviteAgain, "$.type")).endsWith("/already-member");
    }

    @Test
    void anExistingAccountJoinsAnotherWorkspaceWithItsPassword() {
        Member owner = workspaces.workspace("First home");
        Member otherOwner = workspaces.workspace("Second home");
        String token = Json.read(invite(otherOwner, owner.email(), Role.APPROVER, null), "$.token");
        assertThat(accept(token, null, "not-the-password")).hasStatus(401);
        MvcTestResult joined = accept(token, null, TestWorkspaces.PASSWORD);
        assertThat(joined).hasStatus(201);
        MvcTestResult me = mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + Json.read(joined, "$.accessToken")).exchange();
        assertThat((List<?>) Json.read(me, "$.workspaces")).hasSize(2);
        assertThat((String) Json.read(me, "$.role")).isEqualTo("APPROVER");
    }

    @Test
    void anExpiredInvitationNoLongerWorks() {
        Member owner = workspaces.workspace("Expiry");
        String token = Json.read(invite(owner, TestWorkspaces.uniqueEmail("late"), Role.VIEWER, null), "$.token");
        clock.advance(Duration.ofDays(8));
        MvcTestResult late = accept(token, "Late Person", TestWorkspaces.PASSWORD);
        assertThat(late).hasStatus(409);
        assertThat((String) Json.read(late, "$.type")).endsWith("/invitation-expired");
    }

    @Test
    void aWithdrawnOrUnknownInvitationDoesNotWork() {
        Member owner = workspaces.workspace("Withdraw");
        MvcTestResult invited = invite(owner, TestWorkspaces.uniqueEmail("withdrawn"), Role.VIEWER, null);
        String id = Json.read(invited, "$.invitation.id");
        assertThat(mvc.delete().uri("/api/v1/invitations/" + id).header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange())
                .hasStatus(204);
        assertThat(accept(Json.read(invited, "$.token"), "X Y", TestWorkspaces.PASSWORD)).hasStatus(409);
        assertThat(accept("not-a-token", "X Y", TestWorkspaces.PASSWORD)).hasStatus(404);
        assertThat(accept("AAAAAAAAAAAAAAAAAAAAAA.forged", "X Y", TestWorkspaces.PASSWORD)).hasStatus(404);
    }

    @Test
    void anotherWorkspaceCannotWithdrawAnInvitation() {
        Member owner = workspaces.workspace("Inv A");
        Member stranger = workspaces.workspace("Inv B");
        String id = Json.read(invite(owner, TestWorkspaces.uniqueEmail("x"), Role.VIEWER, null), "$.invitation.id");
        assertThat(mvc.delete().uri("/api/v1/invitations/" + id).header(HttpHeaders.AUTHORIZATION, stranger.bearer()).exchange())
                .hasStatus(404);
    }

    @Test
    void onlyAnOwnerInvitesAnOwner() {
        Member owner = workspaces.workspace("Owner invites");
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        assertThat(invite(admin, TestWorkspaces.uniqueEmail("o"), Role.OWNER, null)).hasStatus(403);
        assertThat(invite(admin, TestWorkspaces.uniqueEmail("m"), Role.MANAGER, null)).hasStatus(201);
    }

    @Test
    void invitationInputIsValidated() {
        Member owner = workspaces.workspace("Invite validation");
        MvcTestResult bad = mvc.post().uri("/api/v1/invitations").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nope\",\"role\":\"CAPTAIN\"}").exchange();
        assertThat(bad).hasStatus(400);
        assertThat(Json.body(bad)).contains("\"field\":\"role\"");
        MvcTestResult missing = mvc.post().uri("/api/v1/invitations").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nope\"}").exchange();
        assertThat(missing).hasStatus(400);
        assertThat(Json.body(missing)).contains("\"field\":\"email\"").contains("\"field\":\"role\"");
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameAnswerAndOneInvitation() {
        Member owner = workspaces.workspace("Idempotent invites");
        String email = TestWorkspaces.uniqueEmail("once");
        MvcTestResult first = invite(owner, email, Role.VIEWER, "invite-123");
        MvcTestResult second = invite(owner, email, Role.VIEWER, "invite-123");
        assertThat(first).hasStatus(201);
        assertThat(second).hasStatus(201).hasHeader("Idempotent-Replayed", "true")
                .hasHeader(HttpHeaders.LOCATION, first.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(Json.body(second)).isEqualTo(Json.body(first));
        MvcTestResult pending = mvc.get().uri("/api/v1/invitations").header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        assertThat((List<?>) Json.read(pending, "$.items[?(@.email == '" + email + "')]")).hasSize(1);

        MvcTestResult different = invite(owner, TestWorkspaces.uniqueEmail("other"), Role.VIEWER, "invite-123");
        assertThat(different).hasStatus(422);
        assertThat((String) Json.read(different, "$.type")).endsWith("/idempotency-key-reused");

        // Keys are per workspace and member: another member may use the same key for their own request.
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        assertThat(invite(admin, TestWorkspaces.uniqueEmail("mine"), Role.VIEWER, "invite-123")).hasStatus(201)
                .doesNotContainHeader("Idempotent-Replayed");
    }
}
