package io.flightdeck.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the planning pages tell a manager before they act, in Chromium: a task waiting for a predecessor is marked and
 * its start is disabled or refused before the drop, a milestone is completed with one button, auto-assign names the
 * tasks nobody qualifies for, and skills are chips with a level. The data is set up through the API.
 */
@BrowserTest
class PlanningSignalsBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;

    private static List<String> errorsOf(Page page) {
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add(m.text());
            }
        });
        return errors;
    }

    /** Seen: a waiting task was refused only after the drag or the click. */
    @Test
    void aWaitingTaskIsMarkedAndItsStartRefusedBeforeTheDropAndAMilestoneCompletesInOneClick(WebUi ui, Page page) {
        TaskTestDataApi api = new TaskTestDataApi(mvc);
        Member owner = workspaces.workspace("Board signals");
        String campaign = api.campaign(owner, "Board signals");
        String brief = api.task(owner, campaign, "Sign off the brief");
        String banner = api.task(owner, campaign, "Draw the banner");
        assertThat(api.depend(owner, banner, brief)).hasStatus(201);
        String launch = api.createId(owner, campaign, "{\"title\":\"Launch day\",\"kind\":\"MILESTONE\"}");
        List<String> errors = errorsOf(page);
        ui.signIn(page, owner);

        page.navigate(ui.url("/campaigns/" + campaign + "/board"));
        page.waitForLoadState();
        page.evaluate("window.__changed = 0; document.body.addEventListener('fd:changed', () => window.__changed++)");
        Locator todo = page.locator(".board-column[data-status=todo]");
        Locator inProgress = page.locator(".board-column[data-status=in_progress]");
        Locator card = page.locator(".task-card[data-task-id='" + banner + "']");
        assertThat(card.locator(".task-waiting")).hasText("Waiting for Sign off the brief");

        // the Move menu shows the start disabled, with the reason
        card.locator("summary").click();
        Locator start = card.locator("button.menu-disabled[data-status=in_progress]");
        assertThat(start).isDisabled();
        assertThat(start).containsText("Waiting for Sign off the brief");
        card.locator("summary").click();

        // dragged over In progress, the column says why before anything is dropped; the card stays, nothing is posted
        BoundingBox from = card.boundingBox();
        BoundingBox to = inProgress.boundingBox();
        page.mouse().move(from.x + 20, from.y + 10);
        page.mouse().down();
        page.mouse().move(to.x + 40, to.y + 40, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        assertThat(inProgress).hasClass(java.util.regex.Pattern.compile(".*drop-refused.*"));
        assertThat(inProgress).hasAttribute("data-refusal", "Waiting for Sign off the brief: Draw the banner cannot start yet");
        page.mouse().up();
        assertThat(page.locator("#board-live")).containsText("Draw the banner cannot start yet");
        assertThat(todo.locator(".task-card[data-task-id='" + banner + "']")).hasCount(1);
        assertThat(api.status(owner, banner)).isEqualTo("TODO");
        assertThat((Integer) page.evaluate("window.__changed")).isZero();

        // the milestone: one click completes it, and the page hears fd:changed from the htmx answer
        Locator milestone = page.locator(".task-card[data-task-id='" + launch + "']");
        milestone.locator("summary").click();
        milestone.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Complete milestone")).click();
        assertThat(page.locator(".board-column[data-status=done] .task-card[data-task-id='" + launch + "']")).hasCount(1);
        assertThat(api.status(owner, launch)).isEqualTo("DONE");

        // a drag the task may make is saved, and the board's own script tells the page
        page.evaluate("window.__changed = 0");
        page.locator(".task-card[data-task-id='" + brief + "']").dragTo(inProgress,
                new Locator.DragToOptions().setTargetPosition(60, 30));
        assertThat(page.locator("#board-live")).hasText("Sign off the brief moved to In progress");
        page.waitForFunction("window.__changed > 0");
        assertThat(api.status(owner, brief)).isEqualTo("IN_PROGRESS");

        // the task page: the waiting note, and the start disabled with its reason
        page.navigate(ui.url("/tasks/" + banner));
        assertThat(page.locator("#waiting-note")).containsText("Sign off the brief");
        Locator move = page.locator("#status button[data-status=in_progress]");
        assertThat(move).isDisabled();
        assertThat(move).hasAttribute("title", "Waiting for Sign off the brief: it cannot start yet");
        assertThat(move).hasAttribute("aria-describedby", "waiting-note");
        assertThat(errors).isEmpty();
    }

    /** Seen: auto-assign ended in an error toast saying only how many tasks found nobody. */
    @Test
    void autoAssignShowsAResultPanelNamingTheTasksNobodyQualifiesFor(WebUi ui, Page page) {
        TaskTestDataApi api = new TaskTestDataApi(mvc);
        TaskTestData data = new TaskTestData(context);
        Member owner = workspaces.workspace("Assign panel");
        Member writer = workspaces.addMember(owner, Role.CONTRIBUTOR);
        api.rename(writer, "Wendy Writer");
        data.profile(owner.workspaceId(), owner.userId(), Map.of(), 0);
        data.profile(owner.workspaceId(), writer.userId(), Map.of("copywriting", 4), 8);
        String campaign = api.campaign(owner, "Assign panel");
        api.createId(owner, campaign, "{\"title\":\"Blog post\",\"estimateHours\":4,\"skills\":{\"copywriting\":3}}");
        api.createId(owner, campaign, "{\"title\":\"Video edit\",\"estimateHours\":4,\"skills\":{\"video\":2}}");
        List<String> errors = errorsOf(page);
        io.flightdeck.support.PageChecks.install(page.context());
        ui.signIn(page, owner);

        page.navigate(ui.url("/campaigns/" + campaign + "/tasks"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Auto-assign open tasks")).click();
        Locator panel = page.locator("#auto-assign-result");
        assertThat(panel).containsText("Assigned 1 of 2 open tasks; nobody qualifies for 1.");
        assertThat(panel.locator(".auto-assign-done")).containsText("Blog post → Wendy Writer");
        assertThat(panel.locator(".auto-assign-unqualified li"))
                .hasText("Video edit: nobody has video at level 2 or above");
        assertThat(page.locator("#toasts .toast-error, #toasts [role=alert]")).hasCount(0);
        // seen: axe's link-in-text-block on the task links, told apart from the text beside them by colour alone
        assertThat(io.flightdeck.support.PageChecks.axeViolations(page)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void skillsAreChipsWithALevelChosenByKeyboardAndSaved(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Skill chips");
        List<String> errors = errorsOf(page);
        page.setViewportSize(390, 844);
        ui.signIn(page, owner);
        page.navigate(ui.url("/team/" + owner.userId()));
        page.waitForLoadState();

        Locator input = page.getByLabel("Add a skill");
        input.fill("Copy writing");
        page.getByLabel("Level of the new skill").selectOption("4");
        input.press("Enter"); // adds the chip, does not submit
        Locator chip = page.locator(".chip").filter(new Locator.FilterOptions().setHasText("copy-writing"));
        assertThat(chip).hasCount(1);
        assertThat(page.getByLabel("Level of copy-writing")).hasValue("4");
        input.fill("seo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        page.getByLabel("Level of seo").selectOption("2");
        // keyboard: the remove button is reachable and named, and focus returns to the add field
        page.getByLabel("Remove seo").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".chip")).hasCount(1);
        assertThat(input).isFocused();
        // nothing in the chips overflows at 390 px (the page's own width is the shell's business)
        assertThat((Boolean) page.evaluate("() => [...document.querySelectorAll('.skill-chips, .chip-add, .chip')]"
                + ".every(e => e.scrollWidth <= e.clientWidth + 1)")).isTrue();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile")).click();
        assertThat(page.locator("#toasts")).containsText("saved");
        page.reload();
        assertThat(page.getByLabel("Level of copy-writing")).hasValue("4");
        assertThat(page.locator(".chip")).hasCount(1);

        // a name that cannot be a skill comes back beside its chip, not as a failed page
        input = page.getByLabel("Add a skill");
        input.fill("c++!");
        input.press("Enter");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile")).click();
        assertThat(page.locator(".chip.chip-invalid .field-error")).isVisible();
        assertThat(errors).isEmpty();
    }

    @Test
    void templateRowsTakeSkillsAsChipsByKeyboardWithoutSidewaysScrolling(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Template chips");
        String template = Json.read(new PlanningRequests(mvc).get(owner, PlanningRequests.TEMPLATES), "$[0].id");
        List<String> errors = errorsOf(page);
        page.setViewportSize(390, 844);
        ui.signIn(page, owner);
        page.navigate(ui.url("/planning/templates/" + template));
        page.waitForLoadState();

        Locator input = page.getByLabel("Add a skill in row 2", new Page.GetByLabelOptions().setExact(true));
        input.fill("Event Ops");
        page.getByLabel("Level of the new skill in row 2", new Page.GetByLabelOptions().setExact(true)).selectOption("5");
        input.press("Enter"); // adds the chip to row 2, does not submit
        assertThat(page.getByLabel("Level of event-ops in row 2")).hasValue("5");
        assertThat(input).isFocused();
        // the table scrolls inside its frame; the page itself does not scroll sideways
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

        page.locator("#save-template").click();
        page.waitForLoadState();
        assertThat(page.getByLabel("Level of event-ops in row 2")).hasValue("5");
        // keyboard: the chip's remove button is named with its row, and focus returns to the row's add field
        page.getByLabel("Remove event-ops in row 2").focus();
        page.keyboard().press("Enter");
        assertThat(page.getByLabel("Level of event-ops in row 2")).hasCount(0);
        assertThat(page.getByLabel("Add a skill in row 2", new Page.GetByLabelOptions().setExact(true))).isFocused();
        assertThat(errors).isEmpty();
    }
}
