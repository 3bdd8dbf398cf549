package io.flightdeck.identity;

import java.time.Duration;
import java.time.Instant;
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
class ApiKeysApiTests {

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

    private MvcTestResult create(Member as, String body) {
        return mvc.post().uri("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, as.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private MvcTestResult me(String secret) {
        return mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret).exchange();
    }

    @Test
    void aKeyIsShownOnceWorksAsBearerAndStopsWorkingWhenRevoked() {
        Member owner = workspaces.workspace("Keys");
        MvcTestResult created = create(owner, "{\"name\":\"Reporting\",\"roleCeiling\":\"MANAGER\"}");
        assertThat(created).hasStatus(201);
        String secret = Json.read(created, "$.secret");
        assertThat(secret).startsWith("fd_");

        MvcTestResult me = me(secret);
        assertThat(me).hasStatusOk();
        assertThat((String) Json.read(me, "$.role")).isEqualTo("MANAGER");
        assertThat((Boolean) Json.read(me, "$.viaApiKey")).isTrue();

        MvcTestResult list = mvc.get().uri("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        assertThat(Json.body(list)).doesNotContain(secret.substring(secret.indexOf('.') + 1));
        assertThat((String) Json.read(list, "$.items[0].preview")).endsWith(secret.substring(secret.length() - 4));

        String id = Json.read(created, "$.key.id");
        assertThat(mvc.delete().uri("/api/v1/api-keys/" + id).header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange())
                .hasStatus(204);
        MvcTestResult revoked = me(secret);
        assertThat(revoked).hasStatus(401);
        assertThat((String) Json.read(revoked, "$.detail")).isEqualTo("The API key has been revoked");
    }

    @Test
    void theLocationOfANewKeyAnswersAndAKeyCannotChangeItsAccount() {
        Member owner = workspaces.workspace("Key location");
        MvcTestResult created = create(owner, "{\"name\":\"Script\",\"roleCeiling\":\"OWNER\"}");
        MvcTestResult read = mvc.get().uri(created.getResponse().getHeader(HttpHeaders.LOCATION))
                .header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        assertThat(read).hasStatusOk();
        assertThat((String) Json.read(read, "$.name")).isEqualTo("Script");
        String secret = Json.read(created, "$.secret");
        assertThat(mvc.put().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"Hijacked\"}").exchange()).hasStatus(403);
        assertThat(mvc.put().uri("/api/v1/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentPassword\":\"x\",\"newPassword\":\"yyyyyyyyyyyy\"}").exchange()).hasStatus(403);
        assertThat(mvc.put().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"Renamed\",\"timeZone\":\"Asia/Tokyo\"}").exchange())
                .hasStatusOk();
    }

    @Test
    void anExpiredKeyIsRefused() {
        Member owner = workspaces.workspace("Key expiry");
        String expiresAt = Instant.now().plus(Duration.ofDays(1)).toString();
        String secret = Json.read(create(owner, "{\"name\":\"Short\",\"roleCeiling\":\"VIEWER\",\"expiresAt\":\"" + expiresAt + "\"}"), "$.secret");
        assertThat(me(secret)).hasStatusOk();
        clock.advance(Duration.ofDays(2));
        MvcTestResult expired = me(secret);
        assertThat(expired).hasStatus(401);
        assertThat((String) Json.read(expired, "$.detail")).isEqualTo("The API key has expired");
    }

    @Test
    void theRoleCeilingCapsWhatAKeyMayDo() {
        Member owner = workspaces.workspace("Ceiling");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String readOnly = Json.read(create(owner, "{\"name\":\"Read only\",\"roleCeiling\":\"VIEWER\"}"), "$.secret");
        MvcTestResult members = mvc.get().uri("/api/v1/members?size=100").header(HttpHeaders.AUTHORIZATION, "Bearer " + readOnly).exchange();
        assertThat(members).hasStatusOk();
        List<String> ids = Json.read(members, "$.items[?(@.userId == '" + viewer.userId() + "')].id");
        assertThat(mvc.patch().uri("/api/v1/members/" + ids.get(0)).header(HttpHeaders.AUTHORIZATION, "Bearer " + readOnly)
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"ADMIN\"}").exchange()).hasStatus(403);
    }

    @Test
    void aKeyCannotBeAboveItsOwnersRoleOrExpireInThePast() {
        Member owner = workspaces.workspace("Key rules");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MvcTestResult above = create(contributor, "{\"name\":\"Sneaky\",\"roleCeiling\":\"ADMIN\"}");
        assertThat(above).hasStatus(400);
        assertThat(Json.body(above)).contains("\"field\":\"roleCeiling\"");
        MvcTestResult past = create(owner, "{\"name\":\"Old\",\"roleCeiling\":\"VIEWER\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past).hasStatus(400);
        assertThat(Json.body(past)).contains("\"field\":\"expiresAt\"");
        assertThat(create(owner, "{\"name\":\"\",\"roleCeiling\":\"VIEWER\"}")).hasStatus(400);
        assertThat(create(owner, "{\"name\":\"Bad date\",\"roleCeiling\":\"VIEWER\",\"expiresAt\":\"tomorrow\"}")).hasStatus(400);
    }

    @Test
    void garbageAndForgedKeysAreRefused() {
        Member owner = workspaces.workspace("Forged");
        String secret = Json.read(create(owner, "{\"name\":\"Real\",\"roleCeiling\":\"VIEWER\"}"), "$.secret");
        assertThat(me("fd_garbage")).hasStatus(401);
        assertThat(me(secret.substring(0, secret.indexOf('.') + 1) + "wrong-secret")).hasStatus(401);
    }

    @Test
    void membersOnlySeeAndRevokeTheirOwnKeysWhileAdminsSeeAll() {
        Member owner = workspaces.workspace("Key visibility");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String ownerKey = Json.read(create(owner, "{\"name\":\"Owner key\",\"roleCeiling\":\"VIEWER\"}"), "$.key.id");
        create(contributor, "{\"name\":\"Contributor key\",\"roleCeiling\":\"VIEWER\"}");

        assertThat(Json.body(mvc.get().uri("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, contributor.bearer()).exchange()))
                .contains("Contributor key").doesNotContain("Owner key");
        assertThat(mvc.get().uri("/api/v1/api-keys?scope=all").header(HttpHeaders.AUTHORIZATION, contributor.bearer()).exchange())
                .hasStatus(403);
        assertThat(mvc.delete().uri("/api/v1/api-keys/" + ownerKey).header(HttpHeaders.AUTHORIZATION, contributor.bearer()).exchange())
                .hasStatus(404);
        assertThat(Json.body(mvc.get().uri("/api/v1/api-keys?scope=all").header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange()))
                .contains("Contributor key").contains("Owner key");
    }

    @Test
    void anotherWorkspaceCannotSeeOrRevokeAKey() {
        Member owner = workspaces.workspace("Keys A");
        Member stranger = workspaces.workspace("Keys B");
        String id = Json.read(create(owner, "{\"name\":\"Private\",\"roleCeiling\":\"VIEWER\"}"), "$.key.id");
        assertThat(mvc.delete().uri("/api/v1/api-keys/" + id).header(HttpHeaders.AUTHORIZATION, stranger.bearer()).exchange())
                .hasStatus(404);
        assertThat(Json.body(mvc.get().uri("/api/v1/api-keys?scope=all").header(HttpHeaders.AUTHORIZATION, stranger.bearer()).exchange()))
                .doesNotContain("Private");
    }

    @Test
    void keyCreationHonoursIdempotencyKeys() {
        Member owner = workspaces.workspace("Key idempotency");
        var request = mvc.post().uri("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header("Idempotency-Key", "key-1").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Once\",\"roleCeiling\":\"VIEWER\"}");
        MvcTestResult first = request.exchange();
        MvcTestResult second = mvc.post().uri("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header("Idempotency-Key", "key-1").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Once\",\"roleCeiling\":\"VIEWER\"}")
                .exchange();
        assertThat((String) Json.read(second, "$.key.id")).isEqualTo(Json.read(first, "$.key.id"));
        assertThat((List<?>) Json.read(mvc.get().uri("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange(), "$.items"))
                .hasSize(1);
    }
}
