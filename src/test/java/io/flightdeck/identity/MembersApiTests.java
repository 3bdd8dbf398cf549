package io.flightdeck.identity;

import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@FlightdeckTest
class MembersApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private MvcTestResult patchRole(Member as, String membershipId, Role role, String ifMatch) {
        var request = mvc.patch().uri("/api/v1/members/" + membershipId).header(HttpHeaders.AUTHORIZATION, as.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"" + role + "\"}");
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    private String membershipIdOf(Member as, UUID userId) {
        MvcTestResult list = mvc.get().uri("/api/v1/members?size=100").header(HttpHeaders.AUTHORIZATION, as.bearer()).exchange();
        List<String> ids = Json.read(list, "$.items[?(@.userId == '" + userId + "')].id");
        return ids.get(0);
    }

    @Test
    void listsMembersPagedWithTotal() {
        Member owner = workspaces.workspace("Paged");
        workspaces.addMember(owner, Role.VIEWER);
        workspaces.addMember(owner, Role.CONTRIBUTOR);
        MvcTestResult page = mvc.get().uri("/api/v1/members?page=0&size=2").header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        assertThat(page).hasStatusOk();
        assertThat((Integer) Json.read(page, "$.total")).isEqualTo(3);
        assertThat((Integer) Json.read(page, "$.totalPages")).isEqualTo(2);
        assertThat((List<?>) Json.read(page, "$.items")).hasSize(2);
    }

    @Test
    void adminChangesARoleWithIfMatchAndAStaleEtagIsRefused() {
        Member owner = workspaces.workspace("Roles");
        Member member = workspaces.addMember(owner, Role.VIEWER);
        String id = membershipIdOf(owner, member.userId());

        MvcTestResult read = mvc.get().uri("/api/v1/members/" + id).header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        String etag = read.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).isEqualTo("\"0\"");

        MvcTestResult changed = patchRole(owner, id, Role.MANAGER, etag);
        assertThat(changed).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat((String) Json.read(changed, "$.role")).isEqualTo("MANAGER");

        MvcTestResult stale = patchRole(owner, id, Role.CONTRIBUTOR, etag);
        assertThat(stale).hasStatus(412).hasHeader(HttpHeaders.ETAG, "\"1\"").hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(stale, "$.type")).endsWith("/precondition-failed");

        MvcTestResult garbage = patchRole(owner, id, Role.CONTRIBUTOR, "\"not-a-version\"");
        assertThat(garbage).hasStatus(400);
    }

    @Test
    void theLastOwnerCannotBeDemotedOrRemoved() {
        Member owner = workspaces.workspace("Last owner");
        String id = membershipIdOf(owner, owner.userId());
        MvcTestResult demote = patchRole(owner, id, Role.ADMIN, null);
        assertThat(demote).hasStatus(409);
        assertThat((String) Json.read(demote, "$.type")).endsWith("/last-owner");
        assertThat(mvc.delete().uri("/api/v1/members/" + id).header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange())
                .hasStatus(409);
    }

    @Test
    void anOwnerCanHandOverOwnershipWhenAnotherOwnerExists() {
        Member owner = workspaces.workspace("Handover");
        Member second = workspaces.addMember(owner, Role.OWNER);
        assertThat(patchRole(owner, membershipIdOf(owner, owner.userId()), Role.ADMIN, null)).hasStatusOk();
        assertThat(patchRole(second, membershipIdOf(second, second.userId()), Role.ADMIN, null)).hasStatus(409);
    }

    @Test
    void anAdminCannotGrantOrTakeOwnership() {
        Member owner = workspaces.workspace("Admin limits");
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(patchRole(admin, membershipIdOf(admin, viewer.userId()), Role.OWNER, null)).hasStatus(403);
        assertThat(patchRole(admin, membershipIdOf(admin, owner.userId()), Role.VIEWER, null)).hasStatus(403);
        assertThat(patchRole(admin, membershipIdOf(admin, viewer.userId()), Role.CONTRIBUTOR, null)).hasStatusOk();
    }

    @Test
    void aViewerCannotChangeOrRemoveMembers() {
        Member owner = workspaces.workspace("Viewer limits");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member other = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String id = membershipIdOf(viewer, other.userId());
        MvcTestResult change = patchRole(viewer, id, Role.ADMIN, null);
        assertThat(change).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(change, "$.type")).endsWith("/forbidden");
        assertThat(mvc.delete().uri("/api/v1/members/" + id).header(HttpHeaders.AUTHORIZATION, viewer.bearer()).exchange())
                .hasStatus(403);
        MvcTestResult invite = mvc.post().uri("/api/v1/invitations").header(HttpHeaders.AUTHORIZATION, viewer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"x@example.com\",\"role\":\"VIEWER\"}").exchange();
        assertThat(invite).hasStatus(403);
    }

    @Test
    void anotherWorkspacesMemberIsNotFound() {
        Member ownerA = workspaces.workspace("Tenant A");
        Member ownerB = workspaces.workspace("Tenant B");
        String idInA = membershipIdOf(ownerA, ownerA.userId());
        assertThat(mvc.get().uri("/api/v1/members/" + idInA).header(HttpHeaders.AUTHORIZATION, ownerB.bearer()).exchange())
                .hasStatus(404);
        assertThat(patchRole(ownerB, idInA, Role.VIEWER, null)).hasStatus(404);
        assertThat(mvc.delete().uri("/api/v1/members/" + idInA).header(HttpHeaders.AUTHORIZATION, ownerB.bearer()).exchange())
                .hasStatus(404);
        MvcTestResult listB = mvc.get().uri("/api/v1/members?size=100").header(HttpHeaders.AUTHORIZATION, ownerB.bearer()).exchange();
        assertThat(Json.body(listB)).doesNotContain(ownerA.email());
    }

    @Test
    void workspaceSettingsUseEtagsAndValidateTheTimeZone() {
        Member owner = workspaces.workspace("Settings");
        MvcTestResult read = mvc.get().uri("/api/v1/workspace").header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        String etag = read.getResponse().getHeader(HttpHeaders.ETAG);
        MvcTestResult saved = mvc.put().uri("/api/v1/workspace").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header(HttpHeaders.IF_MATCH, etag).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Settings renamed\",\"timeZone\":\"America/New_York\",\"locale\":\"en-US\"}").exchange();
        assertThat(saved).hasStatusOk();
        assertThat((String) Json.read(saved, "$.name")).isEqualTo("Settings renamed");
        MvcTestResult stale = mvc.put().uri("/api/v1/workspace").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header(HttpHeaders.IF_MATCH, etag).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Again\",\"timeZone\":\"UTC\",\"locale\":\"en\"}").exchange();
        assertThat(stale).hasStatus(412);
        MvcTestResult badZone = mvc.put().uri("/api/v1/workspace").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"X\",\"timeZone\":\"Nowhere/City\",\"locale\":\"en\"}").exchange();
        assertThat(badZone).hasStatus(400);
        assertThat(Json.body(badZone)).contains("\"field\":\"timeZone\"");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(mvc.put().uri("/api/v1/workspace").header(HttpHeaders.AUTHORIZATION, viewer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"X\",\"timeZone\":\"UTC\",\"locale\":\"en\"}").exchange())
                .hasStatus(403);
    }
}
