package io.flightdeck.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.WebUi;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Gantt chart in a real browser (Debian's Chromium driven by Playwright): switch automatic timelines off on the
 * settings page, create a campaign, generate its timeline, then move a task by dragging its bar and with the arrow
 * keys; the chart redraws without a page error. Skipped, with the reason, when Chromium is not installed.
 */
@BrowserTest
class TimelineBrowserTests {

    private static final Pattern CAMPAIGN_PAGE = Pattern.compile(".*/campaigns/[0-9a-f-]{36}$");

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aManagerGeneratesATimelineAndDragsATask(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Gantt browser");
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add(message.text());
            }
        });
        ui.signIn(page, owner);

        // 1. Automatic timelines off, so the Generate button is what makes one.
        page.navigate(ui.url("/settings/planning"));
        page.getByLabel("Give every new campaign a timeline from its type's default template").uncheck();
        page.locator("#save-planning-settings").click();
        assertThat(page.locator("#toasts")).containsText("Planning settings saved");

        page.navigate(ui.url("/campaigns/new"));
        page.locator("#name").fill("Gantt launch");
        page.locator("#type").selectOption("PRODUCT_LAUNCH");
        page.locator("#startDate").fill("2031-03-03");
        page.locator("#endDate").fill("2031-06-30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign")).click();
        assertThat(page).hasURL(CAMPAIGN_PAGE);
        String campaignUrl = page.url();
        page.navigate(campaignUrl + "/tabs/plan");
        assertThat(page.locator("#timeline")).containsText("No timeline yet");
        page.locator("#timeline").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Plan the timeline")).click();

        // 2. Generate: fourteen bars, the critical ones marked, a legend.
        assertThat(page.locator(".gantt-empty")).containsText("No timeline yet");
        page.locator("#generate-timeline").click();
        assertThat(page.locator("#toasts")).containsText("Timeline generated from Product launch");
        assertThat(page.locator(".gantt-bar[data-task-id]")).hasCount(14);
        assertThat(page.locator(".gantt-bar.gantt-critical").first()).isVisible();
        assertThat(page.locator(".gantt-legend")).containsText("Critical path");

        // 3. Drag the tracking task (it has slack) five days to the right: it starts later, the chart redraws.
        Locator tracking = page.locator(".gantt-bar[data-title='Tracking and launch dashboard']");
        String before = tracking.getAttribute("data-start");
        tracking.scrollIntoViewIfNeeded();
        BoundingBox box = tracking.boundingBox();
        double dayWidth = Double.parseDouble(page.locator(".gantt").getAttribute("data-day-width"));
        page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
        page.mouse().down();
        page.mouse().move(box.x + box.width / 2 + dayWidth * 3, box.y + box.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(box.x + box.width / 2 + dayWidth * 7, box.y + box.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        assertThat(page.locator("#gantt .alert-success")).containsText("Tracking and launch dashboard now runs from");
        String afterDrag = page.locator(".gantt-bar[data-title='Tracking and launch dashboard']").getAttribute("data-start");
        assertThat(afterDrag).isGreaterThan(before);
        assertThat(page.locator(".gantt-bar[data-title='Tracking and launch dashboard']")).hasClass(Pattern.compile(".*gantt-pinned.*"));

        // 4. The keyboard moves it too: focus the bar, press the right arrow.
        page.locator(".gantt-bar[data-title='Tracking and launch dashboard']").focus();
        page.keyboard().press("ArrowRight");
        assertThat(page.locator(".gantt-bar[data-title='Tracking and launch dashboard']"))
                .not().hasAttribute("data-start", afterDrag);
        page.screenshot(ui.screenshot("gantt"));

        // 5. The campaign page's card sums it up.
        page.navigate(campaignUrl + "/tabs/plan");
        assertThat(page.locator("#timeline")).containsText("critical tasks and milestones");
        assertThat(errors).isEmpty();
    }

}
