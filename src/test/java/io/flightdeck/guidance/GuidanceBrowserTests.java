package io.flightdeck.guidance;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.assets.AssetSamples;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guidance card on a campaign's overview in a real browser, at a laptop's and a phone's width: it loads itself,
 * lists blockers of several modules with their objects and Fix links, has no serious axe-core violation and does not
 * scroll sideways (the page walk covers the overview too, with its own campaign).
 */
@BrowserTest
class GuidanceBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    @Test
    void theCardListsBlockersWithTheirFixAndFitsAPhone(WebUi ui) {
        Member owner = workspaces.workspace("Guidance browser");
        String campaign = new TestCampaigns(api).draft("Guidance in a browser").channels("INSTAGRAM")
                .createdBy(owner);
        String asset = Json.read(api.as(owner).upload("/api/v1/campaign-assets/assets",
                "a-very-long-stock-photo-name-without-any-spaces-from-the-agency-archive.png",
                AssetSamples.png(21, 40, 40), "campaignId", campaign), "$.asset.id");
        assertThat(api.as(owner).put("/api/v1/campaign-assets/" + asset, """
                {"name":"a-very-long-stock-photo-name-without-any-spaces-from-the-agency-archive.png","type":"IMAGE",
                 "rights":{"expiresOn":"2020-01-31"}}""")).hasStatusOk();

        BrowserContext context = ui.newContext();
        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        for (int width : List.of(1440, 390)) {
            page.setViewportSize(width, 900);
            page.navigate(ui.url("/campaigns/" + campaign));
            Locator card = page.locator("#guidance");
            assertThat(card.locator(".guidance-blocker").first()).isVisible();
            PageChecks.settle(page);
            assertThat(card.locator(".guidance-blocker[data-key='assets.rights'] .badge")).hasText("Blocks launch");
            assertThat(card.locator(".guidance-blocker[data-key='assets.rights'] a[href='/assets/" + asset + "']"))
                    .isVisible();
            assertThat(card.getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Fix: Set a budget"))).isVisible();
            assertThat(PageChecks.axeViolations(page)).as("axe at %d px", width).isEmpty();
            assertThat(PageChecks.overflow(page)).as("sideways scrolling at %d px", width).isNull();
            card.screenshot(new Locator.ScreenshotOptions().setPath(ui.screenshot("guidance-card-" + width).path));
        }
        context.close();
    }
}
