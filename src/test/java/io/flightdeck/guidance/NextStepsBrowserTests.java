package io.flightdeck.guidance;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guidance card's next steps in a real browser at a laptop's and a phone's width: the recommendation with its
 * forms, no serious axe-core violation, no sideways scrolling; a snooze from the form leaves "1 snoozed" with Undo.
 */
@BrowserTest
class NextStepsBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theNextStepsFitAPhoneAndASnoozeCanBeUndone(WebUi ui) {
        Member owner = workspaces.withoutApprovals("Next steps browser");
        String campaign = new WeakChannels(api, mvc, jdbc).activeCampaign(owner, "Next steps in a browser", 50);

        BrowserContext context = ui.newContext();
        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        for (int width : List.of(1440, 390)) {
            page.setViewportSize(width, 900);
            page.navigate(ui.url("/campaigns/" + campaign));
            Locator step = page.locator("#guidance .guidance-recommendation[data-rule='underperforming-channel']");
            assertThat(step).isVisible();
            PageChecks.settle(page);
            step.locator("summary").click();
            assertThat(step.getByLabel("Why dismiss it")).isVisible();
            assertThat(PageChecks.axeViolations(page)).as("axe at %d px", width).isEmpty();
            assertThat(PageChecks.overflow(page)).as("sideways scrolling at %d px", width).isNull();
            step.screenshot(new Locator.ScreenshotOptions().setPath(ui.screenshot("next-steps-" + width).path));
        }

        Locator step = page.locator("#guidance .guidance-recommendation[data-rule='underperforming-channel']");
        step.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Snooze")).click();
        Locator reactions = page.locator("#guidance .guidance-reactions");
        assertThat(reactions.locator("summary")).hasText("1 snoozed");
        assertThat(page.locator("#guidance .guidance-recommendation")).hasCount(0);
        reactions.locator("summary").click();
        assertThat(PageChecks.axeViolations(page)).as("axe with the reactions open").isEmpty();
        reactions.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).first().click();
        assertThat(page.locator("#guidance .guidance-recommendation[data-rule='underperforming-channel']"))
                .isVisible();
        context.close();
    }
}
