package io.flightdeck.identity.web;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The grouped navigation, the one settings page, and refusals that say who can. */
@FlightdeckTest
class SettingsAndWhoCanPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void theNavigationIsGroupedWithSettingsAsOneEntry() {
        Member owner = workspaces.withoutApprovals("Grouped nav");
        String home = page(signIn(owner), "/");
        String nav = home.substring(home.indexOf("aria-label=\"Main\""), home.indexOf("</nav>", home.indexOf("aria-label=\"Main\"")));
        assertThat(nav).containsSubsequence(">Work<", ">Campaigns<", ">Content<", ">Assets<", ">Publishing<", ">Calendar<",
                ">Team<", ">Members<", "href=\"/settings\"");
        assertThat(nav).doesNotContain("href=\"/settings/workspace\"").doesNotContain("href=\"/settings/approvals\"");
        // on a settings page, the Settings entry is the current one
        assertThat(page(signIn(owner), "/settings/approvals")).contains("href=\"/settings\" aria-current=\"page\"");
    }

    @Test
    void theSettingsPageListsEveryAreaAndSaysWhoCanChangeWhatARoleCannot() {
        Member owner = workspaces.withoutApprovals("Settings area");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String asOwner = page(signIn(owner), "/settings");
        assertThat(asOwner).contains("href=\"/settings/workspace\"").contains("href=\"/settings/approvals\"")
                .contains("href=\"/settings/campaigns\"").contains("How ready a campaign must be before it can launch.")
                .doesNotContain("For admins and owners");

        String asManager = page(signIn(manager), "/settings");
        assertThat(asManager).contains("href=\"/settings/approvals\"").doesNotContain("href=\"/settings/workspace\"")
                .contains("Workspace settings").contains("For admins and owners: ask Owner of Settings area.");
    }

    @Test
    void aRefusedPageSaysWhoCanDoIt() {
        Member owner = workspaces.withoutApprovals("Who can");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);

        MvcTestResult settings = mvc.get().uri("/settings/workspace").accept(MediaType.TEXT_HTML).session(signIn(manager))
                .exchange();
        // the error page itself is the container's (a real server: ManagerTourBrowserTests reads it); here, what it is told
        assertThat(settings).hasStatus(403);
        assertThat(settings.getRequest().getAttribute("requiredRole")).isEqualTo("ADMIN");
        assertThat(settings.getRequest().getAttribute("whoCanSentence"))
                .isEqualTo("This is for admins and owners: ask Owner of Who can.");

        String campaign = Json.read(mvc.post().uri("/api/v1/campaigns").header("Authorization", "Bearer " + owner.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Guarded\",\"type\":\"OTHER\"}").exchange(), "$.id");
        MvcTestResult edit = mvc.get().uri("/campaigns/" + campaign + "/edit").accept(MediaType.TEXT_HTML)
                .session(signIn(contributor)).exchange();
        assertThat(edit).hasStatus(403);
        assertThat(edit.getRequest().getAttribute("requiredRole")).isEqualTo("MANAGER");
        assertThat(edit.getRequest().getAttribute("whoCanSentence"))
                .isEqualTo("This is for managers, admins and owners: ask Owner of Who can or A Manager.");

        // Channels: a manager reads them and is told who connects accounts
        assertThat(page(signIn(manager), "/channels")).contains("Admins and owners connect, reconnect and disconnect "
                + "accounts: ask Owner of Who can.").doesNotContain("Connect a sandbox account");
        assertThat(page(signIn(owner), "/channels")).doesNotContain("id=\"who-connects\"");
    }

    private String page(MockHttpSession session, String path) {
        MvcTestResult result = mvc.get().uri(path).session(session).exchange();
        assertThat(result).as(path).hasStatusOk();
        return Json.body(result);
    }

    private MockHttpSession signIn(Member member) {
        MvcTestResult result = mvc.post().uri("/login").param("email", member.email()).param("password", TestWorkspaces.PASSWORD)
                .with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection();
        return (MockHttpSession) result.getRequest().getSession();
    }
}
