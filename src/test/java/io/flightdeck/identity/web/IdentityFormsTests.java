package io.flightdeck.identity.web;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The identity forms refused: what was typed stays, every wrong field is marked at once, in plain words. */
@FlightdeckTest
class IdentityFormsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    @Test
    void signUpShowsAWrongTimeZoneWithTheOtherMistakes() {
        String email = TestWorkspaces.uniqueEmail("refused");
        MvcTestResult refused = mvc.post().uri("/signup").with(csrf()).param("displayName", " ").param("email", email)
                .param("password", "a-long-password").param("workspaceName", "Compilers Inc")
                .param("timeZone", "Atlantis/Nowhere").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("Enter your name")
                .contains("Enter a known time zone, such as Europe/Berlin").contains("2 fields need a change")
                .contains("value=\"Atlantis/Nowhere\"").contains("value=\"Compilers Inc\"").contains(email)
                .contains("aria-describedby=\"timeZone-error\"");
        MvcTestResult signIn = mvc.post().uri("/login").param("email", email).param("password", "a-long-password")
                .with(csrf()).exchange();
        assertThat(signIn).hasRedirectedUrl("/login?error");
    }

    @Test
    void anInvitationShowsANameAndAPasswordProblemTogether() {
        Member owner = workspaces.workspace("Invitation form");
        MockHttpSession session = web.signIn(owner);
        MvcTestResult invited = mvc.post().uri("/members/invitations").session(session).with(csrf())
                .param("email", TestWorkspaces.uniqueEmail("joiner")).param("role", "CONTRIBUTOR").exchange();
        String link = String.valueOf(invited.getMvcResult().getFlashMap().get("inviteLink"));
        String path = link.substring(link.indexOf("/invitations/"));

        MvcTestResult refused = mvc.post().uri(path).with(csrf()).param("displayName", "").param("password", "short")
                .exchange();
        assertThat(refused).hasStatus(400).bodyText().contains("Enter your name").contains("Use at least 10 characters")
                .contains("2 fields need a change").contains("aria-describedby=\"password-hint password-error\"")
                .doesNotContain("must not be blank");
        MvcTestResult typed = mvc.post().uri(path).with(csrf()).param("displayName", "Ada Lovelace").param("password", "")
                .exchange();
        assertThat(typed).hasStatus(400).bodyText().contains("value=\"Ada Lovelace\"").contains("Use at least 10 characters");
        assertThat(mvc.get().uri(path).exchange()).hasStatusOk().bodyText().contains("Create account and join");
    }

    @Test
    void workspaceSettingsShowATimeZoneAndALanguageProblemTogether() {
        Member owner = workspaces.workspace("Settings form");
        MockHttpSession session = web.signIn(owner);
        String page = web.page(session, "/settings/workspace");
        String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

        MvcTestResult refused = mvc.post().uri("/settings/workspace").session(session).with(csrf())
                .param("name", "Renamed workspace").param("timeZone", "Mars/Olympus").param("locale", "not a tag!")
                .param("version", version).exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("Enter a known time zone, such as Europe/Berlin")
                .contains("Enter a language tag, such as en or de-CH").contains("2 fields need a change")
                .contains("value=\"Renamed workspace\"").contains("value=\"Mars/Olympus\"").contains("value=\"not a tag!\"");
        assertThat(web.page(session, "/settings/workspace")).doesNotContain("Renamed workspace");
    }

    @Test
    void anApiKeyShowsEveryProblemInPlainWords() {
        Member owner = workspaces.workspace("Key form");
        MockHttpSession session = web.signIn(owner);
        MvcTestResult refused = mvc.post().uri("/settings/api-keys").session(session).with(csrf())
                .param("name", "").param("roleCeiling", "VIEWER").param("expiresOn", "2020-01-01")
                .param("toolsets", "CAMPAIGNS").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("Name the key after what will use it")
                .contains("Choose a day after today").contains("2 fields need a change").contains("value=\"2020-01-01\"");

        MvcTestResult unreadable = mvc.post().uri("/settings/api-keys").session(session).with(csrf())
                .param("name", "Weekly report bot").param("roleCeiling", "VIEWER").param("expiresOn", "someday")
                .param("toolsets", "CAMPAIGNS").exchange();
        assertThat(unreadable).hasStatusOk().bodyText().contains("Enter a date such as 2031-03-01")
                .contains("value=\"Weekly report bot\"").doesNotContain("Failed to convert");
        assertThat(web.page(session, "/settings/api-keys")).doesNotContain("Weekly report bot");
    }

    @Test
    void aKeyIsMadeForAssistantsWithSomeToolsetsAndOnlyReading() {
        Member owner = workspaces.workspace("Assistant key form");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/settings/api-keys")).contains("For AI assistants (MCP) using this key")
                .contains("name=\"toolsets\" value=\"PLANNING\" checked=\"checked\"");
        MvcTestResult none = mvc.post().uri("/settings/api-keys").session(session).with(csrf())
                .param("name", "Planner").param("roleCeiling", "VIEWER").exchange();
        assertThat(none).hasStatusOk().bodyText().contains("Tick at least one toolset");

        MvcTestResult made = mvc.post().uri("/settings/api-keys").session(session).with(csrf())
                .param("name", "Planner").param("roleCeiling", "VIEWER").param("toolsets", "PLANNING")
                .param("toolsets", "CAMPAIGNS").param("assistantReadOnly", "true").exchange();
        assertThat(made).hasStatus3xxRedirection();
        assertThat(web.page(session, "/settings/api-keys")).contains("Planner").contains("Campaigns, planning")
                .contains("Read only");
    }

    @Test
    void anAdminSwitchesTheWorkspacesAssistantsToReadingOnly() {
        Member owner = workspaces.workspace("Assistant switch");
        MockHttpSession session = web.signIn(owner);
        String page = web.page(session, "/settings/workspace");
        assertThat(page).contains("AI assistants only read")
                .doesNotContain("name=\"assistantsReadOnly\" value=\"true\" checked");
        String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        MvcTestResult saved = mvc.post().uri("/settings/workspace").session(session).with(csrf())
                .param("name", "Assistant switch").param("timeZone", "UTC").param("locale", "en")
                .param("assistantsReadOnly", "true").param("version", version).exchange();
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(web.page(session, "/settings/workspace"))
                .contains("name=\"assistantsReadOnly\" value=\"true\" checked=\"checked\"");
    }
}
