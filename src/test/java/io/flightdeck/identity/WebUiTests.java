package io.flightdeck.identity;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The web UI's own flows through MockMvc: forms, sessions, CSRF, role checks, htmx. */
@FlightdeckTest
class WebUiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private MockHttpSession signIn(String email) {
        MvcTestResult result = mvc.post().uri("/login").param("email", email).param("password", TestWorkspaces.PASSWORD)
                .with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        return (MockHttpSession) result.getRequest().getSession();
    }

    @Test
    void anAddressThatIsNotAPageIsTheNotFoundPage() {
        MockHttpSession session = signIn(workspaces.workspace("Lost").email());
        for (String path : new String[] {"/team/workload", "/campaigns/not-an-id"}) {
            MvcTestResult page = mvc.get().uri(path).session(session).exchange();
            assertThat(page).as(path).hasStatus(404).bodyText().contains("We could not find that page").doesNotContain("Something is not right");
        }
    }

    @Test
    void signUpThroughTheFormSignsInAndLandsOnHome() {
        String email = TestWorkspaces.uniqueEmail("form");
        MvcTestResult result = mvc.post().uri("/signup").with(csrf())
                .param("displayName", "Grace Hopper").param("email", email).param("password", "a-long-password")
                .param("workspaceName", "Compilers Inc").param("timeZone", "America/New_York").exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
        MvcTestResult home = mvc.get().uri("/").session(session).exchange();
        assertThat(home).hasStatusOk().bodyText().contains("Welcome, Grace Hopper").contains("Compilers Inc");
    }

    @Test
    void signUpFormShowsInlineErrors() {
        MvcTestResult result = mvc.post().uri("/signup").with(csrf())
                .param("displayName", "").param("email", "nope").param("password", "short")
                .param("workspaceName", "").param("timeZone", "Atlantis/Nowhere").exchange();
        assertThat(result).hasStatusOk().bodyText().contains("Enter your name").contains("Enter a valid email address")
                .contains("Use 10 to 128 characters").contains("Name your workspace");
    }

    @Test
    void aWrongPasswordShowsAClearMessage() {
        Member owner = workspaces.workspace("Form login");
        MvcTestResult failed = mvc.post().uri("/login").param("email", owner.email()).param("password", "wrong-password")
                .with(csrf()).exchange();
        assertThat(failed).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
        MvcTestResult page = mvc.get().uri("/login?error").session((MockHttpSession) failed.getRequest().getSession()).exchange();
        assertThat(page).bodyText().contains("The email or password is not correct");
    }

    @Test
    void signedInMembersSeeTheMembersPageAndViewersCannotInvite() {
        Member owner = workspaces.workspace("UI members");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession ownerSession = signIn(owner.email());
        assertThat(mvc.get().uri("/members").session(ownerSession).exchange()).hasStatusOk().bodyText()
                .contains("Invite someone").contains(viewer.email());

        MockHttpSession viewerSession = signIn(viewer.email());
        assertThat(mvc.get().uri("/members").session(viewerSession).exchange()).hasStatusOk().bodyText()
                .doesNotContain("Invite someone");
        assertThat(mvc.post().uri("/members/invitations").session(viewerSession).with(csrf())
                .param("email", "someone@example.com").param("role", "VIEWER").exchange()).hasStatus(403);
    }

    @Test
    void anInvitationFromTheMembersPageShowsItsLinkOnce() {
        Member owner = workspaces.workspace("UI invite");
        MockHttpSession session = signIn(owner.email());
        String email = TestWorkspaces.uniqueEmail("ui-invitee");
        MvcTestResult invited = mvc.post().uri("/members/invitations").session(session).with(csrf())
                .param("email", email).param("role", "CONTRIBUTOR").exchange();
        assertThat(invited).hasStatus3xxRedirection().hasRedirectedUrl("/members");
        assertThat(invited).flash().containsKey("inviteLink");
        assertThat(String.valueOf(invited.getMvcResult().getFlashMap().get("inviteLink"))).contains("/invitations/");
        MvcTestResult bad = mvc.post().uri("/members/invitations").session(session).with(csrf())
                .param("email", "not-an-email").param("role", "CONTRIBUTOR").exchange();
        assertThat(bad).hasStatusOk().bodyText().contains("Enter a valid email address");
    }

    @Test
    void changingARoleWithHtmxAnswersTheRowAndRefusesTheLastOwner() {
        Member owner = workspaces.workspace("UI roles");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession session = signIn(owner.email());
        MvcTestResult list = mvc.get().uri("/api/v1/members?size=100").header("Authorization", owner.bearer()).exchange();
        java.util.List<String> viewerIds = io.flightdeck.support.Json.read(list, "$.items[?(@.userId == '" + viewer.userId() + "')].id");
        java.util.List<String> ownerIds = io.flightdeck.support.Json.read(list, "$.items[?(@.userId == '" + owner.userId() + "')].id");

        MvcTestResult promoted = mvc.post().uri("/members/" + viewerIds.get(0) + "/role").session(session).with(csrf())
                .header("HX-Request", "true").param("role", "MANAGER").exchange();
        assertThat(promoted).hasStatusOk().bodyText().startsWith("<tr").contains("Role saved").doesNotContain("<html");

        MvcTestResult refused = mvc.post().uri("/members/" + ownerIds.get(0) + "/role").session(session).with(csrf())
                .header("HX-Request", "true").param("role", "VIEWER").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("last owner");
    }

    @Test
    void rememberMeSignsTheBrowserInWithoutASession() {
        Member owner = workspaces.workspace("Remember me");
        MvcTestResult result = mvc.post().uri("/login").param("email", owner.email()).param("password", TestWorkspaces.PASSWORD)
                .param("remember-me", "on").with(csrf()).exchange();
        jakarta.servlet.http.Cookie cookie = result.getResponse().getCookie("flightdeck-remember-me");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getMaxAge()).isEqualTo(14 * 24 * 3600);
        assertThat(mvc.get().uri("/").cookie(cookie).exchange()).hasStatusOk().bodyText().contains("Remember me");
    }

    @Test
    void signingOutEndsTheSession() {
        Member owner = workspaces.workspace("Sign out");
        MockHttpSession session = signIn(owner.email());
        assertThat(mvc.post().uri("/logout").session(session).with(csrf()).exchange()).hasRedirectedUrl("/login?signedOut");
        assertThat(mvc.get().uri("/").session(session).exchange()).hasStatus3xxRedirection();
    }

    @Test
    void longListsArePagedOnThePage() {
        Member owner = workspaces.workspace("Many keys");
        for (int i = 0; i < 26; i++) {
            assertThat(mvc.post().uri("/api/v1/api-keys").header("Authorization", owner.bearer())
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"Key " + i + "\",\"roleCeiling\":\"VIEWER\"}").exchange()).hasStatus(201);
        }
        MockHttpSession session = signIn(owner.email());
        assertThat(mvc.get().uri("/settings/api-keys").session(session).exchange()).hasStatusOk().bodyText()
                .contains("Page 1 of 2").contains("/settings/api-keys?scope=mine&amp;page=1").contains("Key 25")
                .doesNotContain("Key 0<");
        assertThat(mvc.get().uri("/settings/api-keys?scope=mine&page=1").session(session).exchange()).bodyText()
                .contains("Page 2 of 2").contains("Key 0<");
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() {
        Member owner = workspaces.workspace("CSRF");
        MockHttpSession session = signIn(owner.email());
        assertThat(mvc.post().uri("/members/invitations").session(session)
                .param("email", "someone@example.com").param("role", "VIEWER").exchange()).hasStatus(403);
    }

    @Test
    void pagesSendSignedOutBrowsersToSignInAndHtmxGetsARedirectHeader() {
        assertThat(mvc.get().uri("/members").exchange()).hasStatus3xxRedirection().hasRedirectedUrl("/login");
        MvcTestResult htmx = mvc.get().uri("/members").header("HX-Request", "true").exchange();
        assertThat(htmx).hasStatus(401).hasHeader("HX-Redirect", "/login");
    }

    @Test
    void changingPasswordNeedsTheCurrentOne() {
        Member owner = workspaces.workspace("Password change");
        MockHttpSession session = signIn(owner.email());
        assertThat(mvc.post().uri("/profile/password").session(session).with(csrf())
                .param("currentPassword", "wrong-one-here").param("newPassword", "brand-new-password").exchange())
                .hasStatusOk().bodyText().contains("is not your current password");
        assertThat(mvc.post().uri("/profile/password").session(session).with(csrf())
                .param("currentPassword", TestWorkspaces.PASSWORD).param("newPassword", "brand-new-password").exchange())
                .hasStatus3xxRedirection();
        assertThat(mvc.post().uri("/api/v1/auth/token").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + owner.email() + "\",\"password\":\"brand-new-password\"}").exchange()).hasStatusOk();
    }

    @Test
    void switchingWorkspaceChangesWhatTheSessionSees() {
        Member owner = workspaces.workspace("Switch one");
        Member otherOwner = workspaces.workspace("Switch two");
        Member both = workspaces.addMember(otherOwner, Role.VIEWER);
        MockHttpSession session = signIn(both.email());
        assertThat(mvc.get().uri("/").session(session).exchange()).bodyText().contains("Switch two");
        assertThat(mvc.post().uri("/workspaces/switch").session(session).with(csrf())
                .param("workspaceId", owner.workspaceId().toString()).exchange()).hasStatus(404);
    }
}
