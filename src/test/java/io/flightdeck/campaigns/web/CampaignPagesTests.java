package io.flightdeck.campaigns.web;

import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import io.flightdeck.shared.web.Flash;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The campaign pages through MockMvc: list and filters, the form, roles, lifecycle buttons, trash, settings, audit. */
@FlightdeckTest
class CampaignPagesTests {

    private static final String DESCRIPTION = "A campaign description that is long enough to count.";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    // ---- list ------------------------------------------------------------------------------------------------------

    @Test
    void aNewWorkspaceSeesTheEmptyState() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Empty campaigns").email());
        assertThat(mvc.get().uri("/campaigns").session(owner).exchange()).hasStatusOk().bodyText()
                .contains("No campaigns yet").contains("<html").contains("+ New campaign")
                .doesNotContain("No campaign matches");
    }

    @Test
    void filtersNarrowTheListAndHtmxGetsOnlyTheResults() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Filtered campaigns").email());
        String alpha = create(owner, form("Alpha spring launch", "PRODUCT_LAUNCH").param("channels", "EMAIL")
                .param("tags", "q3, emea"));
        create(owner, form("Beta summit", "EVENT").param("channels", "LINKEDIN").param("tags", "q4"));
        web.post(owner, "/campaigns/" + alpha + "/transitions/plan");

        assertThat(list(owner, "")).contains("Alpha spring launch").contains("Beta summit").contains("2 campaigns");
        assertThat(list(owner, "?type=EVENT")).contains("Beta summit").doesNotContain("Alpha spring launch")
                .contains("1 campaign<");
        assertThat(list(owner, "?status=PLANNING")).contains("Alpha spring launch").doesNotContain("Beta summit");
        assertThat(list(owner, "?channel=LINKEDIN")).contains("Beta summit").doesNotContain("Alpha spring launch");
        assertThat(list(owner, "?tag=emea")).contains("Alpha spring launch").doesNotContain("Beta summit");
        assertThat(list(owner, "?q=SUMMIT")).contains("Beta summit").doesNotContain("Alpha spring launch");
        assertThat(list(owner, "?q=nothing-like-this")).contains("No campaign matches").doesNotContain("No campaigns yet");

        // htmx sends the whole filter form, empty fields included, and wants only the results fragment back.
        MvcTestResult htmx = mvc.get().uri("/campaigns?q=alpha&status=&type=&priority=&ownerId=&channel=&tag=&from=&to="
                + "&sort=updatedAt,desc").header("HX-Request", "true").session(owner).exchange();
        assertThat(htmx).hasStatusOk().bodyText().contains("id=\"results\"").contains("Alpha spring launch")
                .doesNotContain("Beta summit").doesNotContain("<html").doesNotContain("role=\"search\"");
    }

    // ---- form ------------------------------------------------------------------------------------------------------

    @Test
    void theFormShowsInlineErrors() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Form errors").email());
        assertThat(mvc.get().uri("/campaigns/new").session(owner).exchange()).hasStatusOk().bodyText()
                .contains("New campaign").contains("Create campaign");

        MvcTestResult blank = mvc.post().uri("/campaigns").session(owner).with(csrf()).param("name", " ")
                .param("type", "").param("priority", "MEDIUM").exchange();
        assertThat(blank).hasStatusOk().bodyText().contains("Name the campaign").contains("Choose a type")
                .contains("aria-invalid=\"true\"");

        MvcTestResult dates = mvc.post().uri("/campaigns").session(owner).with(csrf()).param("name", "Backwards")
                .param("type", "EVENT").param("priority", "MEDIUM").param("startDate", "2031-05-10")
                .param("endDate", "2031-05-01").exchange();
        assertThat(dates).hasStatusOk().bodyText().contains("must not be before the start date").contains("Backwards");

        MvcTestResult currency = mvc.post().uri("/campaigns").session(owner).with(csrf()).param("name", "Odd money")
                .param("type", "EVENT").param("priority", "MEDIUM").param("budgetAmount", "100")
                .param("budgetCurrency", "XYZ1").exchange();
        assertThat(currency).hasStatusOk().bodyText().contains("is not a currency code such as EUR or USD");

        assertThat(list(owner, "")).contains("No campaigns yet");
    }

    @Test
    void createRedirectsToTheDetailPage() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Create page").email());
        MvcTestResult created = form("Autumn newsletter", "CONTENT_SERIES").param("channels", "EMAIL")
                .param("channels", "BLOG").param("budgetAmount", "1200.50").param("budgetCurrency", "usd")
                .session(owner).with(csrf()).exchange();
        assertThat(created).hasStatus3xxRedirection().flash().containsKey(Flash.KEY);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/campaigns/[0-9a-f-]{36}");

        assertThat(mvc.get().uri(location).session(owner).exchange()).hasStatusOk().bodyText()
                .contains("Campaign created").contains("Autumn newsletter").contains("Content series")
                .contains("status-draft").contains("1,200.50 USD").contains("Email").contains("Blog")
                .contains("Start planning");
        assertThat(mvc.get().uri(location + "/tabs/activity").session(owner).exchange()).hasStatusOk().bodyText()
                .contains("hx-get=\"" + location + "/activity\"");
        assertThat(mvc.get().uri(location + "/activity").session(owner).exchange()).hasStatusOk().bodyText()
                .contains("created the campaign").doesNotContain("<html");
    }

    @Test
    void contributorsAndViewersReadButCannotChangeCampaigns() {
        Member owner = workspaces.withoutApprovals("Campaign roles");
        MockHttpSession ownerSession = signIn(owner.email());
        String id = create(ownerSession, form("Read only for some"));
        for (Role role : new Role[] {Role.CONTRIBUTOR, Role.VIEWER}) {
            MockHttpSession session = signIn(workspaces.addMember(owner, role).email());
            assertThat(mvc.get().uri("/campaigns").session(session).exchange()).hasStatusOk().bodyText()
                    .contains("Read only for some").doesNotContain("+ New campaign");
            assertThat(mvc.get().uri("/campaigns/" + id).session(session).exchange()).hasStatusOk().bodyText()
                    .contains("Read only for some").doesNotContain("Start planning").doesNotContain("Move to trash");
            assertThat(mvc.get().uri("/campaigns/" + id + "/activity").session(session).exchange()).hasStatusOk();
            assertThat(mvc.get().uri("/campaigns/new").session(session).exchange()).as(role + " new form").hasStatus(403);
            assertThat(form("Not allowed").session(session).with(csrf()).exchange()).as(role + " create").hasStatus(403);
            assertThat(mvc.post().uri("/campaigns/" + id + "/transitions/plan").session(session).with(csrf()).exchange())
                    .as(role + " transition").hasStatus(403);
            assertThat(mvc.get().uri("/campaigns/" + id + "/edit").session(session).exchange()).hasStatus(403);
            assertThat(mvc.post().uri("/campaigns/" + id + "/delete").session(session).with(csrf()).exchange()).hasStatus(403);
        }
        assertThat(list(ownerSession, "?status=DRAFT")).contains("Read only for some");
    }

    @Test
    void anotherWorkspacesCampaignIsNotFound() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Mine").email());
        String id = create(owner, form("Secret plans"));
        MockHttpSession stranger = signIn(workspaces.withoutApprovals("Theirs").email());
        MvcTestResult page = mvc.get().uri("/campaigns/" + id).accept(MediaType.TEXT_HTML).session(stranger).exchange();
        assertThat(page).hasStatus(404).bodyText().contains("<html").contains("The campaign was not found")
                .contains("<h1>Not found</h1>").doesNotContain("&lt;title&gt;").doesNotContain("Secret plans");
        assertThat(mvc.get().uri("/campaigns/" + id + "/activity").session(stranger).exchange()).hasStatus(404);
        assertThat(mvc.post().uri("/campaigns/" + id + "/transitions/plan").session(stranger).with(csrf()).exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/campaigns/" + UUID.randomUUID()).accept(MediaType.TEXT_HTML).session(owner).exchange())
                .hasStatus(404);
    }

    @Test
    void aStaleEditFormSaysSomeoneElseSaved() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Stale edits").email());
        String id = create(owner, form("First name"));
        MvcTestResult edit = mvc.get().uri("/campaigns/" + id + "/edit").session(owner).exchange();
        assertThat(edit).hasStatusOk().bodyText().contains("Edit First name").contains("Save campaign");
        String version = versionIn(Json.body(edit));

        MvcTestResult first = formAt("/campaigns/" + id, "Second name").param("version", version).session(owner)
                .with(csrf()).exchange();
        assertThat(first).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/" + id);

        MvcTestResult stale = formAt("/campaigns/" + id, "Third name").param("version", version).session(owner)
                .with(csrf()).exchange();
        assertThat(stale).hasStatusOk().bodyText().contains("Someone else saved this campaign").contains("Third name");
        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).bodyText().contains("Second name")
                .doesNotContain("Third name");
        assertThat(mvc.get().uri("/campaigns/" + id + "/activity").session(owner).exchange()).bodyText()
                .contains("changed the name");
    }

    @Test
    void lifecycleButtonsMoveTheCampaignAndAnIllegalMoveFlashesAnError() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Lifecycle").email());
        String id = create(owner, completeForm("Ready to go"));

        MvcTestResult illegal = web.post(owner, "/campaigns/" + id + "/transitions/launch");
        assertThat(illegal).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/" + id);
        Flash flash = (Flash) illegal.getMvcResult().getFlashMap().get(Flash.KEY);
        assertThat(flash.kind()).isEqualTo("error");
        assertThat(flash.message()).contains("Cannot launch a campaign that is draft");
        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).bodyText()
                .contains("toast-error").contains("Cannot launch a campaign that is draft").contains("status-draft");

        assertThat(web.post(owner, "/campaigns/" + id + "/transitions/plan")).hasStatus3xxRedirection();
        assertThat(web.post(owner, "/campaigns/" + id + "/transitions/mark-ready")).hasStatus3xxRedirection();
        // the campaign starts in 2031: an unconfirmed launch says so, a confirmed one goes
        MvcTestResult early = web.post(owner, "/campaigns/" + id + "/transitions/launch");
        assertThat(((Flash) early.getMvcResult().getFlashMap().get(Flash.KEY)).message())
                .contains("Confirm the launch", "Saturday 1 March 2031");
        MvcTestResult launched = mvc.post().uri("/campaigns/" + id + "/transitions/launch").session(owner).with(csrf())
                .param("confirm", "true").exchange();
        assertThat(((Flash) launched.getMvcResult().getFlashMap().get(Flash.KEY)).message()).isEqualTo("Campaign is now active");
        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).bodyText()
                .contains("status-active").contains("% · needs 80%").contains("dialog-complete").contains("dialog-cancel");
        assertThat(mvc.post().uri("/campaigns/" + id + "/transitions/fly-away").session(owner).with(csrf())
                .accept(MediaType.TEXT_HTML).exchange()).hasStatus(404);
    }

    @Test
    void aForcedLaunchNeedsAReason() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Forced").email());
        String id = create(owner, completeForm("Half done"));
        web.post(owner, "/campaigns/" + id + "/transitions/plan");
        web.post(owner, "/campaigns/" + id + "/transitions/mark-ready");
        // ready, then stripped to its name: below the threshold with nothing blocking
        assertThat(formAt("/campaigns/" + id, "Half done").session(owner).with(csrf()).exchange()).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).bodyText()
                .contains("Launch below the readiness threshold?").contains("Force launch").contains("name=\"force\"");

        MvcTestResult unforced = web.post(owner, "/campaigns/" + id + "/transitions/launch");
        assertThat(((Flash) unforced.getMvcResult().getFlashMap().get(Flash.KEY)).message()).contains("below this workspace's");
        MvcTestResult noReason = mvc.post().uri("/campaigns/" + id + "/transitions/launch").session(owner).with(csrf())
                .param("force", "true").param("reason", " ").exchange();
        assertThat(((Flash) noReason.getMvcResult().getFlashMap().get(Flash.KEY)).message()).contains("must say why");

        MvcTestResult forced = mvc.post().uri("/campaigns/" + id + "/transitions/launch").session(owner).with(csrf())
                .param("force", "true").param("reason", "The trade show starts tomorrow").exchange();
        assertThat(((Flash) forced.getMvcResult().getFlashMap().get(Flash.KEY)).kind()).isEqualTo("success");
        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).bodyText().contains("status-active")
                .contains("Launched below the readiness threshold: The trade show starts tomorrow");
    }

    /** Seen: "Mark ready" succeeded for a campaign at 17 %. The button is disabled with the reason, the post refused. */
    @Test
    void markReadyIsDisabledWithTheReasonAndRefusedBelowTheThreshold() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Thin ready").email());
        String id = create(owner, form("Thin"));
        web.post(owner, "/campaigns/" + id + "/transitions/plan");

        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).bodyText()
                .contains("disabled aria-describedby=\"mark-ready-reason\"").contains("Readiness is 17%, needs 80%")
                .doesNotContain("/transitions/mark-ready\"");
        MvcTestResult refused = web.post(owner, "/campaigns/" + id + "/transitions/mark-ready");
        assertThat(((Flash) refused.getMvcResult().getFlashMap().get(Flash.KEY)).message()).contains("17%", "80%");
        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).bodyText().contains("status-planning");
    }

    /** Seen: 83 % with no approvals while four items said "Blocks launch". */
    @Test
    void aBlockedCampaignsCardSaysBlockedByNWithTheBlockersFirstAndReloadsItself() throws Exception {
        MockHttpSession owner = signIn(workspaces.workspace("Blocked card").email());
        String id = create(owner, completeForm("Blocked card"));
        web.post(owner, "/campaigns/" + id + "/transitions/plan");

        MvcTestResult card = mvc.get().uri("/campaigns/" + id + "/readiness").session(owner).header("HX-Request", "true")
                .exchange();
        assertThat(card).hasStatusOk().bodyText().contains("Blocked by 4 · ").contains("fd:changed from:body")
                .contains("until nothing blocks the launch").doesNotContain("adds up to").doesNotContain("<html");
        String body = card.getResponse().getContentAsString();
        assertThat(body.indexOf("Blocks launch")).isLessThan(body.indexOf("Start and end dates"));
        assertThat(mvc.get().uri("/campaigns/" + id + "/header").session(owner).exchange()).hasStatusOk().bodyText()
                .contains("Blocked by 4: Strategy approved").contains("fd:changed from:body").contains("status-planning");
        MvcTestResult refused = web.post(owner, "/campaigns/" + id + "/transitions/mark-ready");
        assertThat(((Flash) refused.getMvcResult().getFlashMap().get(Flash.KEY)).message())
                .contains("cannot be marked ready", "Strategy approved");
    }

    @Test
    void aLaunchIsScheduledForTheStartDateAndCancelled() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Scheduled page").email());
        String id = create(owner, completeForm("On the day"));
        web.post(owner, "/campaigns/" + id + "/transitions/plan");
        web.post(owner, "/campaigns/" + id + "/transitions/mark-ready");
        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).bodyText()
                .contains("The campaign starts on Saturday 1 March 2031").contains("Launch on 1 March 2031");

        MvcTestResult scheduled = mvc.post().uri("/campaigns/" + id + "/launch-schedule").session(owner).with(csrf())
                .param("confirm", "true").exchange();
        assertThat(((Flash) scheduled.getMvcResult().getFlashMap().get(Flash.KEY)).message())
                .isEqualTo("Launch scheduled for Saturday 1 March 2031");
        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).bodyText()
                .contains("Launch scheduled for Saturday 1 March 2031").contains("Cancel scheduled launch")
                .contains("status-ready");

        MvcTestResult cancelled = web.post(owner, "/campaigns/" + id + "/launch-schedule/cancel");
        assertThat(((Flash) cancelled.getMvcResult().getFlashMap().get(Flash.KEY)).message()).isEqualTo("Scheduled launch cancelled");
        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).bodyText()
                .doesNotContain("id=\"launch-scheduled\"").doesNotContain("Cancel scheduled launch");
        MvcTestResult again = web.post(owner, "/campaigns/" + id + "/launch-schedule/cancel");
        assertThat(((Flash) again.getMvcResult().getFlashMap().get(Flash.KEY)).kind()).isEqualTo("error");
    }

    @Test
    void aDeletedCampaignComesBackWithUndo() {
        MockHttpSession owner = signIn(workspaces.withoutApprovals("Trash").email());
        String id = create(owner, form("Oops campaign"));
        MvcTestResult deleted = web.post(owner, "/campaigns/" + id + "/delete");
        assertThat(deleted).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns");
        Object undo = deleted.getMvcResult().getFlashMap().get("undoCampaign");
        assertThat(String.valueOf(undo)).isEqualTo(id);
        assertThat(mvc.get().uri("/campaigns").session(owner).exchange()).bodyText()
                .contains("Undo delete").contains("/campaigns/" + id + "/restore").contains("moved to the trash")
                .contains("No campaigns yet");
        assertThat(mvc.get().uri("/campaigns/" + id).accept(MediaType.TEXT_HTML).session(owner).exchange()).hasStatus(404);

        MvcTestResult restored = web.post(owner, "/campaigns/" + id + "/restore");
        assertThat(restored).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/" + id);
        assertThat(mvc.get().uri("/campaigns/" + id).session(owner).exchange()).hasStatusOk().bodyText().contains("Oops campaign");
        assertThat(list(owner, "")).contains("Oops campaign");
        assertThat(mvc.get().uri("/campaigns/" + id + "/activity").session(owner).exchange()).bodyText()
                .contains("moved the campaign to the trash").contains("restored the campaign from the trash");
        assertThat(web.post(owner, "/campaigns/" + id + "/restore")).hasStatus(404);
    }

    // ---- settings and audit ----------------------------------------------------------------------------------------

    @Test
    void theLaunchThresholdTakesZeroToHundred() {
        Member owner = workspaces.withoutApprovals("Threshold");
        MockHttpSession session = signIn(owner.email());
        assertThat(mvc.get().uri("/settings/campaigns").session(session).exchange()).hasStatusOk().bodyText()
                .contains("Campaign settings").contains("value=\"80\"");
        for (String ok : new String[] {"0", "100", "65"}) {
            assertThat(mvc.post().uri("/settings/campaigns").session(session).with(csrf()).param("readinessThreshold", ok)
                    .exchange()).as(ok).hasStatus3xxRedirection().hasRedirectedUrl("/settings/campaigns");
        }
        assertThat(mvc.get().uri("/settings/campaigns").session(session).exchange()).bodyText().contains("value=\"65\"");
        MvcTestResult tooHigh = mvc.post().uri("/settings/campaigns").session(session).with(csrf())
                .param("readinessThreshold", "101").exchange();
        assertThat(tooHigh).hasStatusOk().bodyText().contains("The launch threshold must be between 0 and 100")
                .contains("value=\"101\"");
        assertThat(mvc.post().uri("/settings/campaigns").session(session).with(csrf()).param("readinessThreshold", "")
                .exchange()).hasStatusOk().bodyText().contains("The launch threshold must be a number from 0 to 100");
        assertThat(mvc.get().uri("/settings/campaigns").session(session).exchange()).bodyText().contains("value=\"65\"");

        for (Role role : new Role[] {Role.VIEWER, Role.MANAGER}) {
            MockHttpSession member = signIn(workspaces.addMember(owner, role).email());
            assertThat(mvc.get().uri("/settings/campaigns").session(member).exchange()).as(role.name()).hasStatus(403);
            assertThat(mvc.post().uri("/settings/campaigns").session(member).with(csrf()).param("readinessThreshold", "10")
                    .exchange()).as(role.name()).hasStatus(403);
        }
    }

    @Test
    void theAuditLogIsForManagersAndAdminsExportCsv() {
        Member owner = workspaces.withoutApprovals("Audit pages");
        MockHttpSession session = signIn(owner.email());
        String id = create(session, form("Audited campaign"));
        web.post(session, "/campaigns/" + id + "/transitions/plan");

        assertThat(mvc.get().uri("/audit").session(session).exchange()).hasStatusOk().bodyText().contains("Audit log")
                .contains("<span>Campaign</span>").contains(id.substring(0, 8)).contains("action-created")
                .contains("action-updated");
        assertThat(mvc.get().uri("/audit?entityType=Campaign&action=updated").session(session).exchange()).hasStatusOk()
                .bodyText().contains("<span>Campaign</span>").doesNotContain("action-created");

        MvcTestResult csv = mvc.get().uri("/audit/export").session(session).exchange();
        assertThat(csv).hasStatusOk().hasContentTypeCompatibleWith("text/csv").bodyText().contains("Campaign").contains(id);
        assertThat(csv.getResponse().getHeader("Content-Disposition")).containsPattern("audit-log-\\d{4}-\\d{2}-\\d{2}\\.csv");

        MockHttpSession manager = signIn(workspaces.addMember(owner, Role.MANAGER).email());
        // Managers read the log in words; the raw export stays with admins.
        assertThat(mvc.get().uri("/audit").session(manager).exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/audit/export").session(manager).exchange()).hasStatus(403);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private MockHttpSession signIn(String email) {
        MvcTestResult result = mvc.post().uri("/login").param("email", email).param("password", TestWorkspaces.PASSWORD)
                .with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        return (MockHttpSession) result.getRequest().getSession();
    }

    /** A minimal valid form: name, type and priority; readiness 20% (the owner defaults to the creator). */
    private MockMvcRequestBuilder form(String name) {
        return form(name, "OTHER");
    }

    private MockMvcRequestBuilder form(String name, String type) {
        return mvc.post().uri("/campaigns").param("name", name).param("type", type).param("priority", "MEDIUM");
    }

    private MockMvcRequestBuilder formAt(String path, String name) {
        return mvc.post().uri(path).param("name", name).param("type", "OTHER").param("priority", "MEDIUM");
    }

    /** Everything readiness counts: 100%. */
    private MockMvcRequestBuilder completeForm(String name) {
        return form(name).param("description", DESCRIPTION).param("channels", "EMAIL").param("startDate", "2031-03-01")
                .param("endDate", "2031-03-31").param("budgetAmount", "5000").param("budgetCurrency", "EUR");
    }

    private String create(MockHttpSession session, MockMvcRequestBuilder form) {
        MvcTestResult result = form.session(session).with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/campaigns/[0-9a-f-]{36}");
        // Follow the redirect, as a browser does, so the "Campaign created" flash is used up.
        assertThat(mvc.get().uri(location).session(session).exchange()).hasStatusOk();
        return location.substring("/campaigns/".length());
    }

    private String list(MockHttpSession session, String query) {
        MvcTestResult result = mvc.get().uri("/campaigns" + query).session(session).exchange();
        assertThat(result).hasStatusOk();
        return Json.body(result);
    }

    private static String versionIn(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        if (!m.find()) {
            m = java.util.regex.Pattern.compile("value=\"(\\d+)\"[^>]*name=\"version\"").matcher(html);
            assertThat(m.find()).as("version field in the form").isTrue();
        }
        return m.group(1);
    }
}
