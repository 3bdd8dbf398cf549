package io.flightdeck.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search box keyboard first, in a real browser: "/" focuses the box in the page shell from anywhere, the words
 * typed and Enter show the results with the match highlighted, the down arrow reaches the first result and Enter
 * opens it; a search saved with an alert from its results, listed, opened, silenced and removed.
 */
@BrowserTest
class SearchBrowserTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    @Test
    void slashTypeArrowDownEnterOpensTheItem(WebUi ui) {
        Member owner = workspaces.workspace("Search in a browser");
        String campaign = campaigns.create(owner, "Harbour festival");
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks",
                Map.of("title", "Pelican banner", "description", "Print the pelican banner for the quay")), "$.id");

        Page page = ui.signIn(owner);
        page.navigate(ui.url("/campaigns/" + campaign));
        page.waitForLoadState();
        page.keyboard().press("/");
        assertThat(page.locator("#site-search")).isFocused();
        page.keyboard().type("pelcian"); // a typo
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/search\\?q=pelcian$"));
        assertThat(page.locator(".search-hit")).hasCount(1);
        assertThat(page.locator(".search-snippet mark").first()).hasText("pelican");
        page.screenshot(ui.screenshot("search-results"));

        page.keyboard().press("ArrowDown");
        assertThat(page.locator("[data-search-hit]").first()).isFocused();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/tasks/" + task + "$"));
        assertThat(task).isNotBlank();
    }

    @Test
    void aSearchIsSavedWithAnAlertListedAndRemoved(WebUi ui) {
        Member owner = workspaces.workspace("Saved search in a browser");
        String campaign = campaigns.create(owner, "Quayside");
        api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", "Heron leaflet"));

        Page page = ui.signIn(owner);
        page.navigate(ui.url("/search?q=heron&type=task"));
        page.getByText("Save this search").click();
        page.getByLabel("Name").fill("Heron tasks");
        page.getByLabel("Tell me when new results appear").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save search")).click();
        assertThat(page).hasURL(Pattern.compile(".*/search/saved$"));
        assertThat(page.locator(".toast")).containsText("you will be told when new results appear");
        assertThat(page.locator(".saved-search")).hasCount(1);
        assertThat(page.locator(".saved-search")).containsText("alert on");
        page.screenshot(ui.screenshot("saved-searches"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Heron tasks")).click();
        assertThat(page).hasURL(Pattern.compile(".*/search\\?q=heron&type=task$"));
        assertThat(page.locator(".search-hit")).hasCount(1);

        page.navigate(ui.url("/search/saved"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop alerts for Heron tasks")).click();
        assertThat(page.locator(".saved-search")).not().containsText("alert on");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Heron tasks")).click();
        assertThat(page.locator(".empty")).containsText("No saved searches yet");
    }
}
