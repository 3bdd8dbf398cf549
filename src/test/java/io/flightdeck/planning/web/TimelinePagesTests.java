package io.flightdeck.planning.web;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.planning.PlanningRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The planning pages through MockMvc: the Gantt chart (bars, milestones, arrows, critical path, warning, empty state,
 * generating and moving from the page), the campaign card, the template pages and the settings page.
 */
@FlightdeckTest
class TimelinePagesTests {

    private static final Pattern BAR = Pattern.compile("data-task-id=\"([0-9a-f-]{36})\"");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private PlanningRequests api;
    private Member owner;
    private MockHttpSession session;

    @BeforeEach
    void setUp() {
        api = new PlanningRequests(mvc);
        owner = api.workspace(workspaces, "Gantt pages");
        session = signIn(owner);
    }

    @Test
    void theGanttChartShowsBarsMilestonesArrowsAndTheCriticalPath() {
        String id = api.launch(owner, "Charted launch", LocalDate.parse("2031-03-03"), LocalDate.parse("2031-06-30"));
        api.generated(owner, id, null);

        String page = page(session, "/campaigns/" + id + "/timeline");
        assertThat(page).contains("id=\"gantt\"").contains("class=\"gantt-bar gantt-task gantt-critical")
                .contains("class=\"gantt-bar gantt-milestone").contains("class=\"gantt-arrow gantt-arrow-critical\"")
                .contains("class=\"gantt-arrow\"").contains("class=\"gantt-buffer\"").contains("class=\"gantt-target\"")
                .contains("Critical path (no slack)").contains("Write the launch brief").contains("Wrap-up report")
                .contains("id=\"generate-timeline\"").contains("Replace the existing 14 tasks")
                .contains("/js/gantt.js").contains("data-csrf-token=").doesNotContain("does not fit the campaign")
                .contains("class=\"gantt-start\"").contains("Campaign starts 3 Mar").contains("Campaign ends 30 Jun")
                .contains("Campaign runs");
        Matcher bars = BAR.matcher(page);
        int count = 0;
        while (bars.find()) {
            count++;
        }
        assertThat(count).isEqualTo(14);

        // a campaign that ends too soon shows the warning with the overrun
        String late = api.launch(owner, "Rushed launch", null, LocalDate.now().plusDays(3));
        api.generated(owner, late, null);
        String warning = Json.read(api.timeline(owner, late), "$.warning");
        assertThat(page(session, "/campaigns/" + late + "/timeline")).contains("The plan does not fit the campaign's dates.")
                .contains(warning.replace("'", "&#39;"));
    }

    @Test
    void withoutATimelineThePageExplainsAndGeneratesOne() {
        String id = api.launch(owner, "Blank launch", LocalDate.parse("2031-03-03"), null);
        String empty = page(session, "/campaigns/" + id + "/timeline");
        assertThat(empty).contains("No timeline yet").contains("id=\"generate-timeline\"")
                .contains("Default for the campaign's type").doesNotContain("data-task-id")
                .doesNotContain("Replace the existing");

        MvcTestResult generated = mvc.post().uri("/campaigns/" + id + "/timeline/generate").session(session).with(csrf())
                .param("templateId", "").param("direction", "AUTO").exchange();
        assertThat(generated).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/" + id + "/timeline");
        assertThat(page(session, "/campaigns/" + id + "/timeline")).contains("Timeline generated from Product launch")
                .contains("data-task-id=").contains("forwards from the start");

        // again without ticking Replace: the page says how, with nothing replaced
        MvcTestResult refused = mvc.post().uri("/campaigns/" + id + "/timeline/generate").session(session).with(csrf())
                .param("direction", "FORWARD").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("The campaign already has 14 tasks")
                .contains("tick Replace the existing tasks").contains("role=\"alert\"");
        MvcTestResult backwards = mvc.post().uri("/campaigns/" + id + "/timeline/generate").session(session).with(csrf())
                .param("direction", "BACKWARD").param("replace", "true").exchange();
        assertThat(backwards).hasStatusOk().bodyText().contains("Direction: a backward plan needs the campaign&#39;s end date");
        assertThat(mvc.post().uri("/campaigns/" + id + "/timeline/generate").session(session).with(csrf())
                .param("replace", "true").exchange()).hasStatus3xxRedirection();

        MockHttpSession contributor = signIn(workspaces.addMember(owner, Role.CONTRIBUTOR));
        assertThat(page(contributor, "/campaigns/" + id + "/timeline")).doesNotContain("id=\"generate-timeline\"")
                .contains("id=\"recalculate-timeline\"");
        assertThat(mvc.post().uri("/campaigns/" + id + "/timeline/generate").session(contributor).with(csrf())
                .param("replace", "true").exchange()).hasStatus(403);
    }

    @Test
    void movingATaskFromThePageRedrawsTheChart() {
        String id = api.launch(owner, "Dragged launch", LocalDate.parse("2031-03-03"), null);
        MvcTestResult timeline = api.generated(owner, id, null);
        String tracking = PlanningRequests.itemId(timeline, "tracking");
        String path = "/campaigns/" + id + "/timeline/tasks/" + tracking + "/schedule";

        MvcTestResult moved = htmxPost(session, path).param("start", "2031-04-01").exchange();
        assertThat(moved).hasStatusOk().bodyText().contains("id=\"gantt\"").doesNotContain("<html")
                .contains("Tracking and launch dashboard now runs from 2031-04-01 to 2031-04-02")
                .contains("gantt-pinned").contains("data-start=\"2031-04-01\"");
        assertThat(PlanningRequests.<String>itemField(api.timeline(owner, id), "tracking", "pinnedStart"))
                .isEqualTo("2031-04-01");

        // before its predecessors allow: it stays where it can start, and the page says why
        String video = PlanningRequests.itemId(timeline, "video");
        MvcTestResult early = htmxPost(session, "/campaigns/" + id + "/timeline/tasks/" + video + "/schedule")
                .param("start", "2031-03-03").exchange();
        assertThat(early).hasStatusOk().bodyText().contains("Product demo video cannot start before");

        MvcTestResult unpinned = mvc.post().uri(path).session(session).with(csrf()).param("unpin", "true").exchange();
        assertThat(unpinned).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/" + id + "/timeline");
        assertThat(PlanningRequests.<Object>itemField(api.timeline(owner, id), "tracking", "pinnedStart")).isNull();
        assertThat(htmxPost(session, path).exchange()).hasStatusOk().bodyText().contains("Choose a start date or a duration");
        assertThat(htmxPost(session, path).param("durationDays", "300").exchange()).hasStatusOk().bodyText()
                .contains("must be between 0 and 250 working days");
        assertThat(htmxPost(session, "/campaigns/" + id + "/timeline/recalculate").exchange()).hasStatusOk()
                .bodyText().contains("Timeline recalculated");

        MockHttpSession viewer = signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(page(viewer, "/campaigns/" + id + "/timeline")).contains("data-task-id").doesNotContain("gantt-move")
                .contains("data-can-move=\"false\"");
        assertThat(htmxPost(viewer, path).param("start", "2031-04-02").exchange()).hasStatus(403);

        Member stranger = api.workspace(workspaces, "Gantt stranger");
        MockHttpSession strangerSession = signIn(stranger);
        assertThat(mvc.get().uri("/campaigns/" + id + "/timeline").session(strangerSession).exchange()).hasStatus(404);
        assertThat(htmxPost(strangerSession, path).param("start", "2031-04-02").exchange()).hasStatus(404);
        // a task of another campaign is not found under this one
        String mine = api.launch(stranger, "Mine", null, null);
        assertThat(htmxPost(session, "/campaigns/" + mine + "/timeline/tasks/" + tracking + "/schedule")
                .param("start", "2031-04-02").exchange()).hasStatus(404);
    }

    @Test
    void theCampaignPageHasATimelineCard() {
        String id = api.launch(owner, "Carded launch", LocalDate.parse("2031-03-03"), LocalDate.parse("2031-06-30"));
        assertThat(page(session, "/campaigns/" + id + "/tabs/plan")).contains("hx-get=\"/campaigns/" + id + "/timeline/panel\"");
        assertThat(panel(id)).contains("No timeline yet").contains("Plan the timeline");
        api.generated(owner, id, null);
        MvcTestResult timeline = api.timeline(owner, id);
        int critical = Json.read(timeline, "$.criticalCount");
        assertThat(panel(id)).contains("On time").contains(critical + " critical tasks and milestones")
                .contains("2031-03-03 → " + Json.read(timeline, "$.endDate")).contains("Open the Gantt chart")
                .doesNotContain("<html");
        assertThat(mvc.get().uri("/campaigns/" + id + "/timeline/panel").session(session).exchange())
                .hasStatus3xxRedirection();
    }

    private String panel(String campaignId) {
        MvcTestResult result = mvc.get().uri("/campaigns/" + campaignId + "/timeline/panel").header("HX-Request", "true")
                .session(session).exchange();
        assertThat(result).hasStatusOk();
        return Json.body(result);
    }

    @Test
    void templatePagesListEditAndRefuseWithInlineErrors() {
        String list = page(session, "/planning/templates");
        assertThat(list).contains("Product launch").contains("Content series").contains(">Default<")
                .contains("New template");
        assertThat(page(session, "/planning/templates?type=EVENT")).contains(">Event</a>").doesNotContain(">Product launch</a>");

        MvcTestResult created = mvc.post().uri("/planning/templates").session(session).with(csrf())
                .param("name", "Webinar").param("campaignType", "LEAD_GENERATION").param("copyDefault", "true").exchange();
        assertThat(created).hasStatus3xxRedirection();
        String editor = created.getResponse().getRedirectedUrl();
        String form = page(session, editor);
        assertThat(form).contains("Webinar").contains("value=\"lead-magnet\"").contains("id=\"save-template\"")
                .contains("name=\"items[14].key\"").doesNotContain("design:3");
        // each row's skills are chips with a level choice, posted as the row's own name/level pairs
        assertThat(form).contains("name=\"items[0].skillName\"").contains("name=\"items[0].skillLevel\"")
                .contains("aria-label=\"Level of strategy in row 1\"").contains("aria-label=\"Remove strategy in row 1\"")
                .contains("<label class=\"sr-only\" for=\"item-0-new-skill\">Add a skill in row 1</label>")
                .contains("Add<span class=\"sr-only\"> a skill to row 1</span>").contains("/js/team-pages.js");
        assertThat(mvc.post().uri("/planning/templates").session(session).with(csrf()).param("name", " ")
                .param("campaignType", "EVENT").exchange()).hasStatusOk().bodyText().contains("must be 1 to 120 characters");

        // two rows: a task and the milestone it leads to; then break them one way at a time
        MvcTestResult saved = save(editor, "Webinar", "3", "", "live").param("items[0].skillName", "design", "Social Media")
                .param("items[0].skillLevel", "4", "2").exchange();
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl(editor);
        String savedPage = page(session, editor);
        assertThat(savedPage).contains("Webinar saved").contains("3 working days on the critical path")
                .contains("<span class=\"chip-name\" id=\"item-0-chip-0\">design</span>")
                .contains("<span class=\"chip-name\" id=\"item-0-chip-1\">social-media</span>");
        String templateId = editor.substring(editor.lastIndexOf('/') + 1);
        MvcTestResult stored = api.get(owner, PlanningRequests.TEMPLATES + "/" + templateId);
        assertThat(Json.<Integer>read(stored, "$.items[0].skills.design")).isEqualTo(4);
        assertThat(Json.<Integer>read(stored, "$.items[0].skills['social-media']")).isEqualTo(2);
        // without the script: the add row is one more pair (here naming an existing chip again: its level changes)
        assertThat(save(editor, "Webinar", "3", "", "live").param("items[0].skillName", "design", "design", "")
                .param("items[0].skillLevel", "4", "5", "3").exchange()).hasStatus3xxRedirection();
        stored = api.get(owner, PlanningRequests.TEMPLATES + "/" + templateId);
        assertThat(Json.<java.util.Map<String, Integer>>read(stored, "$.items[0].skills")).containsExactly(
                java.util.Map.entry("design", 5));

        assertThat(save(editor, "Webinar", "three", "", "live").exchange()).hasStatusOk().bodyText()
                .contains("must be a whole number of working days").contains("aria-invalid=\"true\"");
        // a bad chip comes back beside itself, naming its row and its skill, as typed
        String refused = Json.body(save(editor, "Webinar", "3", "", "live").param("items[0].skillName", "design", "C++")
                .param("items[0].skillLevel", "9", "2").exchange());
        assertThat(refused).contains("The template was not saved")
                .contains("Row 1, design: choose a level from 1 to 5")
                .contains("Row 1, C++: not a skill name; use lower-case letters, digits and dashes")
                .contains("class=\"chip chip-invalid\"").contains("value=\"C++\"");
        assertThat(save(editor, "Webinar", "3", "", "live").param("items[1].skillName", "video")
                .param("items[1].skillLevel", "x").exchange()).hasStatusOk().bodyText()
                .contains("Row 2, video: choose a level from 1 to 5");
        assertThat(save(editor, "Webinar", "3", "ghost", "live").exchange()).hasStatusOk().bodyText()
                .contains("no item has the key &#39;ghost&#39;");
        assertThat(save(editor, "Webinar", "3", "live", "live").exchange()).hasStatusOk().bodyText()
                .contains("These dependencies would form a cycle: Live → Slides → Live");
        assertThat(save(editor, "", "3", "", "live").exchange()).hasStatusOk().bodyText()
                .contains("must be 1 to 120 characters");
        assertThat(save(editor, "Webinar", "3", "", "live").param("more", "5").exchange()).hasStatusOk()
                .bodyText().contains("name=\"items[6].key\"");

        MockHttpSession contributor = signIn(workspaces.addMember(owner, Role.CONTRIBUTOR));
        assertThat(page(contributor, editor)).doesNotContain("id=\"save-template\"").contains("disabled");
        assertThat(save(contributor, editor).exchange()).hasStatus(403);

        assertThat(mvc.post().uri("/planning/templates/" + templateId + "/delete").session(session).with(csrf())
                .exchange()).hasStatus3xxRedirection();
        assertThat(page(session, "/planning/templates")).contains("id=\"bin\"").contains("Restore Webinar");
        assertThat(mvc.post().uri("/planning/templates/" + templateId + "/restore").session(session).with(csrf())
                .exchange()).hasStatus3xxRedirection();
        assertThat(mvc.post().uri("/planning/templates/" + templateId + "/default").session(session).with(csrf())
                .exchange()).hasStatus3xxRedirection();
        assertThat(page(session, "/planning/templates?type=LEAD_GENERATION")).contains("Make Lead generation the default");
        Member stranger = workspaces.workspace("Template page stranger");
        assertThat(mvc.get().uri(editor).session(signIn(stranger)).exchange()).hasStatus(404);
    }

    /** The editor's form with a task (slides) and a milestone (live), and the blank rows the page adds. */
    private MockMvcRequestBuilder save(String editor, String name, String days, String slidesDependsOn,
            String milestone) {
        return save(session, editor).param("name", name).param("items[0].durationDays", days)
                .param("items[0].dependsOn", slidesDependsOn)
                .param("items[0].milestone", milestone);
    }

    private MockMvcRequestBuilder save(MockHttpSession as, String editor) {
        return mvc.post().uri(editor).session(as).with(csrf()).param("campaignType", "LEAD_GENERATION")
                .param("description", "Live session with slides")
                .param("items[0].key", "slides").param("items[0].title", "Slides").param("items[0].kind", "TASK")
                .param("items[0].estimateHours", "8")
                .param("items[1].key", "live").param("items[1].title", "Live").param("items[1].kind", "MILESTONE")
                .param("items[1].durationDays", "0").param("items[1].dependsOn", "slides")
                .param("items[2].key", "").param("items[2].title", "").param("items[2].kind", "TASK")
                .param("items[3].key", "old").param("items[3].title", "Dropped").param("items[3].kind", "TASK")
                .param("items[3].durationDays", "2").param("items[3].remove", "true");
    }

    @Test
    void theSettingsPageSavesAndShowsErrorsBesideTheFields() {
        String page = page(session, "/settings/planning");
        assertThat(page).contains("Planning settings").contains("name=\"bufferUrgent\"").contains("value=\"5\"")
                .contains("href=\"/planning/templates\"");
        assertThat(page(session, "/settings")).contains("href=\"/settings/planning\"");

        MvcTestResult refused = mvc.post().uri("/settings/planning").session(session).with(csrf())
                .param("bufferUrgent", "150").param("bufferHigh", "10").param("bufferMedium", "x").param("bufferLow", "20")
                .param("holidays", "2031-12-25\nnot-a-date").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("must be a whole number from 0 to 100")
                .contains("&#39;not-a-date&#39; is not a date such as 2026-12-25").contains("aria-invalid=\"true\"")
                .contains("value=\"150\"");
        MvcTestResult outOfRange = mvc.post().uri("/settings/planning").session(session).with(csrf())
                .param("bufferUrgent", "150").param("bufferHigh", "10").param("bufferMedium", "15").param("bufferLow", "20")
                .param("holidays", "").exchange();
        assertThat(outOfRange).hasStatusOk().bodyText().contains("must be between 0 and 100 percent");

        MvcTestResult saved = mvc.post().uri("/settings/planning").session(session).with(csrf()).param("autoTimeline", "true")
                .param("bufferUrgent", "4").param("bufferHigh", "8").param("bufferMedium", "12").param("bufferLow", "16")
                .param("holidays", "2031-12-25, 2031-12-26").exchange();
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/settings/planning");
        MvcTestResult settings = api.get(owner, PlanningRequests.SETTINGS);
        assertThat((Boolean) Json.read(settings, "$.autoTimeline")).isTrue();
        assertThat((Integer) Json.read(settings, "$.bufferLow")).isEqualTo(16);
        assertThat((List<String>) Json.read(settings, "$.holidays")).containsExactly("2031-12-25", "2031-12-26");

        MockHttpSession contributor = signIn(workspaces.addMember(owner, Role.CONTRIBUTOR));
        assertThat(mvc.get().uri("/settings/planning").session(contributor).exchange()).hasStatus(403);
        assertThat(page(contributor, "/settings")).doesNotContain("href=\"/settings/planning\"");
    }

    private MockHttpSession signIn(Member member) {
        MvcTestResult result = mvc.post().uri("/login").param("email", member.email())
                .param("password", TestWorkspaces.PASSWORD).with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        return (MockHttpSession) result.getRequest().getSession();
    }

    private MockMvcRequestBuilder htmxPost(MockHttpSession as, String path) {
        return mvc.post().uri(path).session(as).with(csrf()).header("HX-Request", "true");
    }

    private String page(MockHttpSession as, String path) {
        MvcTestResult result = mvc.get().uri(path).session(as).exchange();
        assertThat(result).as(path).hasStatusOk();
        return Json.body(result);
    }
}
