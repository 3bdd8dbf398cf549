package io.flightdeck.planning.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.planning.TaskTestData;
import io.flightdeck.planning.TaskTestDataApi;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The task pages through MockMvc: the board and its moves, the list with filters and the create form, My tasks, the
 * task page with its actions and the assignment box, the campaign card, roles and tenancy.
 */
@FlightdeckTest
class TaskPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationContext context;

    private TaskTestDataApi api;
    private Member owner;
    private Member contributor;
    private MockHttpSession ownerSession;
    private MockHttpSession contributorSession;
    private MockHttpSession viewerSession;
    private String campaign;

    @BeforeEach
    void setUp() {
        api = new TaskTestDataApi(mvc);
        owner = workspaces.workspace("Task pages");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        api.rename(contributor, "Cleo Contributor");
        ownerSession = signIn(owner);
        contributorSession = signIn(contributor);
        viewerSession = signIn(workspaces.addMember(owner, Role.VIEWER));
        campaign = api.campaign(owner, "Board campaign");
    }

    @Test
    void theBoardHasAColumnPerStatusAndCardsMoveBetweenThem() {
        String empty = page(contributorSession, "/campaigns/" + campaign + "/board");
        assertThat(empty).contains("No tasks yet").contains("/campaigns/" + campaign + "/timeline");

        String brief = api.task(contributor, campaign, "Write brief");
        String design = api.task(contributor, campaign, "Design banner");
        assertThat(api.depend(contributor, design, brief)).hasStatus(201);
        String board = page(contributorSession, "/campaigns/" + campaign + "/board");
        for (String status : List.of("todo", "in_progress", "blocked", "in_review", "done", "cancelled")) {
            assertThat(board).contains("data-status=\"" + status + "\"");
        }
        assertThat(board).contains("data-task-id=\"" + brief + "\"").contains("draggable=\"true\"")
                .contains("Unassigned").contains("/js/task-board.js").contains("Move Write brief");
        assertThat(page(viewerSession, "/campaigns/" + campaign + "/board")).doesNotContain("draggable=\"true\"")
                .doesNotContain("Move ▾");

        String base = "/campaigns/" + campaign + "/board/tasks/";
        MvcTestResult moved = htmxPost(contributorSession, base + brief + "/status").param("status", "in_progress").exchange();
        assertThat(moved).hasStatusOk().bodyText().contains("id=\"board\"").contains("Write brief moved to In progress")
                .doesNotContain("<html");
        assertThat(api.status(owner, brief)).isEqualTo("IN_PROGRESS");

        MvcTestResult waiting = htmxPost(contributorSession, base + design + "/status").param("status", "in_progress").exchange();
        assertThat(waiting).hasStatusOk().bodyText().contains("role=\"alert\"")
                .contains("Not moved: Design banner cannot start while Write brief is still open");
        MvcTestResult illegal = htmxPost(contributorSession, base + design + "/status").param("status", "done").exchange();
        assertThat(illegal).bodyText().contains("Not moved: A task that is to do cannot move to done");
        assertThat(api.status(owner, design)).isEqualTo("TODO");

        // without JavaScript the menu's form posts and comes back with a toast
        MvcTestResult plain = mvc.post().uri(base + brief + "/status").session(contributorSession).with(csrf())
                .param("status", "in_review").exchange();
        assertThat(plain).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/" + campaign + "/board");
        assertThat(htmxPost(viewerSession, base + brief + "/status").param("status", "done").exchange()).hasStatus(403);
    }

    @Test
    void theListFiltersWithHtmxAndCreatesTasks() {
        api.createId(contributor, campaign, "{\"title\":\"Alpha post\",\"priority\":\"HIGH\"}");
        String beta = api.createId(contributor, campaign, "{\"title\":\"Beta email\"}");
        api.move(contributor, beta, "blocked");
        String base = "/campaigns/" + campaign + "/tasks";

        String full = page(contributorSession, base);
        assertThat(full).contains("Alpha post").contains("Beta email").contains("id=\"new-task\"")
                .contains("hx-get=\"" + base + "\"").contains("Overdue").contains("At risk");
        MvcTestResult filtered = mvc.get().uri(base + "?status=blocked").header("HX-Request", "true")
                .session(contributorSession).exchange();
        assertThat(filtered).hasStatusOk().bodyText().contains("id=\"task-results\"").contains("Beta email")
                .doesNotContain("Alpha post").doesNotContain("<html");
        assertThat(page(contributorSession, base + "?q=alpha")).contains("Alpha post").doesNotContain(">Beta email<");
        assertThat(page(contributorSession, base + "?q=nothing-like-it")).contains("No task matches");
        assertThat(page(contributorSession, base + "?status=sleeping")).contains("That filter is not valid");

        MvcTestResult invalid = mvc.post().uri(base).session(contributorSession).with(csrf()).param("title", "Gamma")
                .param("estimateHours", "lots").exchange();
        assertThat(invalid).hasStatusOk().bodyText().contains("The task was not created")
                .contains("Estimate must be a number").contains("aria-invalid=\"true\"");
        MvcTestResult badDates = mvc.post().uri(base).session(contributorSession).with(csrf()).param("title", "Gamma")
                .param("startDate", "2031-03-05").param("dueDate", "2031-03-01").exchange();
        assertThat(badDates).bodyText().contains("Due date must be on or after the start date");

        MvcTestResult created = mvc.post().uri(base).session(contributorSession).with(csrf()).param("title", "Gamma banner")
                .param("kind", "TASK").param("estimateHours", "5").param("skills", "design:3, copywriting 2")
                .param("startDate", "2031-03-01").param("dueDate", "2031-03-05").exchange();
        assertThat(created).hasStatus3xxRedirection();
        String taskPath = created.getResponse().getRedirectedUrl();
        String id = taskPath.substring("/tasks/".length());
        assertThat((Integer) api.read(owner, id, "$.skills.design")).isEqualTo(3);
        assertThat((Integer) api.read(owner, id, "$.skills.copywriting")).isEqualTo(2);
        assertThat(mvc.post().uri(base).session(viewerSession).with(csrf()).param("title", "No").exchange()).hasStatus(403);
        assertThat(page(viewerSession, base)).doesNotContain("id=\"new-task\"");
    }

    @Test
    void myTasksGroupsByWhenTheyAreDue() {
        assertThat(page(contributorSession, "/tasks/mine")).contains("Nothing on your plate");
        assertThat(page(contributorSession, "/")).contains("href=\"/tasks/mine\"").contains("My tasks");
        LocalDate today = LocalDate.now(clock);
        String late = api.createId(contributor, campaign, "{\"title\":\"Late task\",\"startDate\":\"" + today.minusDays(5)
                + "\",\"dueDate\":\"" + today.minusDays(1) + "\"}");
        String soon = api.createId(contributor, campaign, "{\"title\":\"Soon task\",\"dueDate\":\"" + today + "\"}");
        String later = api.createId(contributor, campaign, "{\"title\":\"Later task\",\"dueDate\":\"" + today.plusDays(30) + "\"}");
        String someone = api.createId(contributor, campaign, "{\"title\":\"Not mine\"}");
        for (String id : List.of(late, soon, later)) {
            assertThat(api.assign(owner, id, contributor.userId().toString())).hasStatusOk();
        }
        assertThat(api.assign(owner, someone, owner.userId().toString())).hasStatusOk();

        String mine = page(contributorSession, "/tasks/mine");
        assertThat(mine).contains("id=\"group-overdue\"").contains("id=\"group-this-week\"").contains("id=\"group-later\"")
                .doesNotContain("Not mine").contains("Board campaign");
        assertThat(mine.indexOf("Late task")).isLessThan(mine.indexOf("Soon task"));
        assertThat(mine.indexOf("Soon task")).isLessThan(mine.indexOf("Later task"));
        assertThat(mine.substring(mine.indexOf("group-overdue"), mine.indexOf("group-this-week"))).contains("Late task")
                .contains("Overdue");
    }

    /** Skills are chips: name and level pairs, no typed name:level text; a level that is not one is refused beside them. */
    @Test
    void theTaskFormTakesSkillChipsWithTheirLevels() {
        String base = "/campaigns/" + campaign + "/tasks";
        MvcTestResult badLevel = mvc.post().uri(base).session(contributorSession).with(csrf()).param("title", "Chips")
                .param("skillName", "design", "").param("skillLevel", "high", "3").exchange();
        assertThat(badLevel).hasStatusOk().bodyText().contains("The task was not created")
                .contains("choose a level from 1 to 5 for design").contains("class=\"chip\"");

        MvcTestResult created = mvc.post().uri(base).session(contributorSession).with(csrf()).param("title", "Chips")
                .param("skillName", "design", "copywriting", "").param("skillLevel", "4", "2", "3").exchange();
        assertThat(created).hasStatus3xxRedirection();
        String path = created.getResponse().getRedirectedUrl();
        String id = path.substring("/tasks/".length());
        assertThat((Integer) api.read(owner, id, "$.skills.design")).isEqualTo(4);
        assertThat((Integer) api.read(owner, id, "$.skills.copywriting")).isEqualTo(2);

        String shown = page(contributorSession, path);
        assertThat(shown).doesNotContain("copywriting:3").contains("aria-label=\"Level of design\"")
                .containsPattern("aria-label=\"Level of design\"[\\s\\S]*?<option value=\"4\" selected=\"selected\">4 · Advanced</option>")
                .contains("aria-label=\"Remove copywriting\"").contains("Add a skill");
    }

    /** A waiting task's start is disabled on its page, with the reason, rather than refused after the click. */
    @Test
    void aWaitingTasksStartIsDisabledWithTheReason() {
        String brief = api.task(contributor, campaign, "Approve the brief");
        String id = api.task(contributor, campaign, "Shoot the video");
        assertThat(api.depend(contributor, id, brief)).hasStatus(201);
        String shown = page(contributorSession, "/tasks/" + id);
        assertThat(shown).contains("id=\"waiting-note\"")
                .containsPattern("<button type=\"submit\" class=\"btn\" title=\"Waiting for Approve the brief: it cannot start"
                        + " yet\"\\s+aria-describedby=\"waiting-note\" data-status=\"in_progress\" disabled=\"disabled\">")
                .contains("Waiting for Approve the brief</span>");
        String board = page(contributorSession, "/campaigns/" + campaign + "/board");
        assertThat(board).contains("data-waiting=\"in_progress\"").contains("data-waiting-reason=\"Waiting for Approve the brief\"")
                .contains("class=\"menu-disabled\"");
    }

    @Test
    void theTaskPageShowsLegalMovesAndItsActionsWork() {
        String brief = api.task(contributor, campaign, "Write brief");
        String id = api.createId(contributor, campaign, "{\"title\":\"Design banner\",\"estimateHours\":4,"
                + "\"checklist\":[{\"text\":\"Sketch\"}]}");
        String path = "/tasks/" + id;

        String shown = page(contributorSession, path);
        assertThat(shown).contains("Design banner").contains("Move to In progress").contains("Move to Blocked")
                .contains("Move to Cancelled").doesNotContain("Move to Done").contains("Sketch")
                .contains("No comments yet").contains("No links yet").contains("Nothing: it can start any time")
                .contains("<option value=\"" + brief + "\">Write brief</option>");

        assertThat(postForm(contributorSession, path + "/dependencies", "predecessorId", brief)).isEqualTo("success");
        assertThat(page(contributorSession, path)).contains("Waiting for").contains("Stop waiting for Write brief");
        assertThat(postForm(contributorSession, path + "/status", "status", "in_progress")).isEqualTo("error");
        // the cycle is refused with a clear message
        MvcTestResult cycle = mvc.post().uri("/tasks/" + brief + "/dependencies").session(contributorSession).with(csrf())
                .param("predecessorId", id).exchange();
        assertThat(((Flash) cycle.getMvcResult().getFlashMap().get(Flash.KEY)).message())
                .contains("Write brief → Design banner → Write brief");

        assertThat(postForm(contributorSession, path + "/checklist/0/toggle", null, null)).isEqualTo("success");
        assertThat(postForm(contributorSession, path + "/checklist", "text", "Final file")).isEqualTo("success");
        assertThat(postForm(contributorSession, path + "/comments", "body", "Needs the new logo")).isEqualTo("success");
        assertThat(postForm(contributorSession, path + "/attachments", "name", "Brief")).isEqualTo("error"); // no link
        mvc.post().uri(path + "/attachments").session(contributorSession).with(csrf()).param("name", "Brief")
                .param("url", "https://docs.example.com/brief").exchange();
        String after = page(contributorSession, path);
        assertThat(after).contains("1 of 2").contains("Final file").contains("Needs the new logo")
                .contains("Cleo Contributor").contains("href=\"https://docs.example.com/brief\"");

        // edit: errors beside the field, then saved
        MvcTestResult invalid = mvc.post().uri(path).session(contributorSession).with(csrf()).param("title", " ")
                .param("version", api.read(owner, id, "$.version").toString()).exchange();
        assertThat(invalid).hasStatusOk().bodyText().contains("Not saved: check the field").contains("Title must be 1 to 200");
        MvcTestResult saved = mvc.post().uri(path).session(contributorSession).with(csrf()).param("title", "Design the banner")
                .param("priority", "URGENT").param("estimateHours", "6").param("skills", "design:2")
                .param("version", api.read(owner, id, "$.version").toString()).exchange();
        assertThat(saved).hasStatus3xxRedirection();
        assertThat((String) api.read(owner, id, "$.title")).isEqualTo("Design the banner");
        assertThat((String) api.read(owner, id, "$.priority")).isEqualTo("URGENT");
        MvcTestResult stale = mvc.post().uri(path).session(contributorSession).with(csrf()).param("title", "Old")
                .param("version", "0").exchange();
        assertThat(((Flash) stale.getMvcResult().getFlashMap().get(Flash.KEY)).message()).contains("someone else changed");

        assertThat(mvc.post().uri(path + "/delete").session(contributorSession).with(csrf()).exchange())
                .hasRedirectedUrl("/campaigns/" + campaign + "/tasks");
        assertThat(mvc.get().uri(path).session(contributorSession).exchange()).hasStatus(404);
        assertThat(mvc.post().uri(path + "/restore").session(contributorSession).with(csrf()).exchange())
                .hasRedirectedUrl(path);
        assertThat(mvc.post().uri(path + "/comments").session(viewerSession).with(csrf()).param("body", "x").exchange())
                .hasStatus(403);
    }

    @Test
    void managersSeeTheCandidatesAndOverride() {
        TaskTestData data = new TaskTestData(context);
        data.profile(owner.workspaceId(), owner.userId(), Map.of(), 0);
        data.profile(owner.workspaceId(), contributor.userId(), Map.of("design", 4), 8);
        String id = api.createId(contributor, campaign, "{\"title\":\"Key visual\",\"estimateHours\":8,\"skills\":{\"design\":3}}");
        String path = "/tasks/" + id;
        assertThat(page(contributorSession, path)).doesNotContain("Suggest someone").contains("Nobody is assigned yet");
        assertThat(page(ownerSession, path)).contains("Suggest someone").contains("Auto-assign").contains("Assign to");

        MvcTestResult suggested = mvc.post().uri(path + "/auto-assign?dryRun=true").session(ownerSession).with(csrf()).exchange();
        assertThat(suggested).hasStatusOk().bodyText().contains("Would assign Cleo Contributor").contains("candidate-table")
                .contains("10 %").contains("lacks design").contains("Assign Cleo Contributor");
        assertThat((Object) api.read(owner, id, "$.assigneeId")).isNull();
        MvcTestResult assigned = mvc.post().uri(path + "/auto-assign").session(ownerSession).with(csrf()).exchange();
        assertThat(assigned).hasStatusOk().bodyText().contains("Assigned Cleo Contributor");
        assertThat(page(ownerSession, path)).contains("(assigned automatically)");

        assertThat(postForm(ownerSession, path + "/assignee", "assigneeId", owner.userId().toString())).isEqualTo("success");
        assertThat((String) api.read(owner, id, "$.assignedBy")).isEqualTo("manual");
        assertThat(postForm(ownerSession, path + "/assignee", "assigneeId", UUID.randomUUID().toString())).isEqualTo("error");
        assertThat(mvc.post().uri(path + "/auto-assign").session(contributorSession).with(csrf()).exchange()).hasStatus(403);
        assertThat(mvc.post().uri(path + "/assignee").session(contributorSession).with(csrf()).exchange()).hasStatus(403);
    }

    @Test
    void theCampaignCardCountsTasks() {
        LocalDate today = LocalDate.now(clock);
        api.task(contributor, campaign, "One");
        String two = api.createId(contributor, campaign, "{\"title\":\"Two\",\"dueDate\":\"" + today.plusDays(1) + "\"}");
        api.move(contributor, two, "in_progress");
        assertThat(page(contributorSession, "/campaigns/" + campaign + "/tabs/plan")).contains("hx-get=\"/campaigns/" + campaign + "/tasks/panel\"");
        try {
            clock.advance(Duration.ofDays(3));
            MvcTestResult panel = mvc.get().uri("/campaigns/" + campaign + "/tasks/panel").header("HX-Request", "true")
                    .session(viewerSession).exchange();
            assertThat(panel).hasStatusOk().bodyText().contains("2 tasks").contains("<dt>To do</dt><dd>1</dd>")
                    .contains("<dt>In progress</dt><dd>1</dd>").contains("<dt>Overdue</dt><dd>1</dd>")
                    .contains("/campaigns/" + campaign + "/board").contains("/campaigns/" + campaign + "/timeline")
                    .doesNotContain("<html");
        } finally {
            clock.reset();
        }
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/tasks/panel").session(viewerSession).exchange())
                .hasRedirectedUrl("/campaigns/" + campaign + "/tabs/plan#tasks");
    }

    @Test
    void anotherWorkspaceFindsNoPage() {
        String id = api.task(contributor, campaign, "Private");
        MockHttpSession stranger = signIn(workspaces.workspace("Stranger pages"));
        for (String path : List.of("/campaigns/" + campaign + "/board", "/campaigns/" + campaign + "/tasks", "/tasks/" + id)) {
            assertThat(mvc.get().uri(path).session(stranger).exchange()).as(path).hasStatus(404);
        }
        assertThat(htmxPost(stranger, "/campaigns/" + campaign + "/board/tasks/" + id + "/status").param("status", "in_progress")
                .exchange()).hasStatus(404);
        assertThat(mvc.post().uri("/tasks/" + id + "/status").session(stranger).with(csrf()).param("status", "in_progress")
                .exchange()).hasStatus(404);
        assertThat(page(stranger, "/tasks/mine")).doesNotContain("Private");
        assertThat(api.status(owner, id)).isEqualTo("TODO");
    }

    private String postForm(MockHttpSession session, String path, String name, String value) {
        var request = mvc.post().uri(path).session(session).with(csrf());
        if (name != null) {
            request = request.param(name, value);
        }
        MvcTestResult result = request.exchange();
        assertThat(result).as(path).hasStatus3xxRedirection();
        return ((Flash) result.getMvcResult().getFlashMap().get(Flash.KEY)).kind();
    }

    private MockHttpSession signIn(Member member) {
        MvcTestResult result = mvc.post().uri("/login").param("email", member.email())
                .param("password", TestWorkspaces.PASSWORD).with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        return (MockHttpSession) result.getRequest().getSession();
    }

    private MockMvcRequestBuilder htmxPost(MockHttpSession session, String path) {
        return mvc.post().uri(path).session(session).with(csrf()).header("HX-Request", "true");
    }

    private String page(MockHttpSession session, String path) {
        MvcTestResult result = mvc.get().uri(path).session(session).exchange();
        assertThat(result).as(path).hasStatusOk();
        return Json.body(result);
    }
}
