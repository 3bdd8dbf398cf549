package io.flightdeck.strategy;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The strategy editor in a real browser at phone width: the platforms start from the campaign's channels, the budget
 * split is rows of platform and percent with a total that follows every keystroke, rows are added and removed with
 * the keyboard, an unbalanced split is refused with the reason, and nothing scrolls sideways.
 */
@BrowserTest
class StrategyBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    @Test
    void theBudgetSplitIsRowsWithALiveTotal(WebUi ui, Page page) {
        Member owner = workspaces.withoutApprovals("Strategy browser");
        String campaign = Json.read(api.as(owner).post("/api/v1/campaigns",
                "{\"name\":\"Split test\",\"type\":\"OTHER\",\"channels\":[\"INSTAGRAM\",\"FACEBOOK\"]}"), "$.id");
        page.setViewportSize(390, 844);
        ui.signIn(page, owner);
        page.navigate(ui.url("/campaigns/" + campaign + "/strategy"));

        Locator platforms = page.locator("#platforms");
        assertThat(platforms.getByLabel("Instagram", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(platforms.getByLabel("Facebook", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(platforms.getByLabel("Email", new Locator.GetByLabelOptions().setExact(true))).not().isChecked();

        Locator split = page.locator("#budgetRows");
        Locator total = split.locator("output");
        assertThat(total).containsText("No split yet");
        split.getByLabel("Platform").first().selectOption("INSTAGRAM");
        split.getByLabel("Percent").first().fill("60");
        assertThat(total).hasText("Total 60 % — 40 % unallocated");

        // A second row by keyboard: the new row's platform gets the focus.
        Locator add = split.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add platform"));
        add.focus();
        page.keyboard().press("Enter");
        Locator second = split.locator("#budget-platform-1");
        assertThat(second).isFocused();
        // Only the ticked platforms are offered.
        assertThat(second.locator("option:not([hidden])")).hasText(new String[] {"Choose…", "Facebook", "Instagram"});
        second.selectOption("FACEBOOK");
        page.keyboard().press("Tab");
        page.keyboard().type("30");
        assertThat(total).hasText("Total 90 % — 10 % unallocated");
        noSidewaysScroll(page);

        // Saving 90 % is refused with the reason; the rows come back as typed.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as version 1")).click();
        assertThat(split.locator(".field-error")).containsText("it adds up to 90 (10 % unallocated)");
        assertThat(split.locator("#budget-percent-1")).hasValue("30");
        assertThat(total).hasText("Total 90 % — 10 % unallocated");

        // A third row, removed again; then the split is balanced and saved.
        add.click();
        split.locator("#budget-platform-2").selectOption("INSTAGRAM");
        split.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove row 3")).click();
        assertThat(split.locator("[data-budget-row]")).hasCount(2);
        split.locator("#budget-percent-1").fill("40");
        assertThat(total).hasText("Total 100 % — all of the budget is allocated");
        page.screenshot(ui.screenshot("strategy-budget-split-390"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as version 1")).click();
        assertThat(page.locator("#toasts")).containsText("Strategy saved as version 1");

        var current = api.as(owner).get("/api/v1/campaigns/" + campaign + "/strategies/current");
        org.assertj.core.api.Assertions.assertThat(List.<Integer>of(Json.read(current, "$.adsConfig.budgetSplit.INSTAGRAM"),
                Json.read(current, "$.adsConfig.budgetSplit.FACEBOOK"))).containsExactly(60, 40);
        noSidewaysScroll(page);
    }

    private static void noSidewaysScroll(Page page) {
        Object wide = page.evaluate("() => document.querySelector('#budgetRows').scrollWidth > document.querySelector('#budgetRows').clientWidth"
                + " || document.querySelector('form.card').scrollWidth > document.querySelector('form.card').clientWidth");
        org.assertj.core.api.Assertions.assertThat(wide).as("the strategy form scrolls sideways at 390 px").isEqualTo(false);
    }
}
