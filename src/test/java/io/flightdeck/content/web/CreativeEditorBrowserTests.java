package io.flightdeck.content.web;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The creative editor in Chromium: from the campaign's Content card to a generated creative; typing in the caption
 * updates each network's preview, its character count and the brand check as you type; saving keeps a person's text;
 * regenerating then leaves it and offers the new text in the history, where an older version is used again; on a
 * phone the editor fits.
 */
@BrowserTest
class CreativeEditorBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;

    @Test
    void writeWithALivePreviewRegenerateAndUseAnOlderVersion(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Editor browser");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Spring coffees");
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", """
                {"platforms":["INSTAGRAM","TWITTER"],"goals":["Drive online sales"],"targetAudience":"Busy commuters",
                 "contentPillars":["Craft"],"brandTone":"warm"}""")).hasStatus(201);
        assertThat(api.as(owner).post("/api/v1/content/brands", """
                {"name":"Northwind","wordsToAvoid":["cheap"],"legalFooter":"Terms at northwind.example."}""")).hasStatus(201);
        ui.signIn(page, owner);

        // 1. from the campaign page's Content card to a new, generated creative
        page.navigate(ui.url("/campaigns/" + campaign + "/tabs/content"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New creative")).click();
        page.getByLabel("Title").fill("Spring teaser");
        page.getByLabel("What it is about").fill("our single-origin Ethiopian roast");
        page.getByLabel("X (Twitter)").check();
        page.getByLabel("Email").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create creative")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Spring teaser");
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        Locator caption = page.getByLabel("Caption", new Page.GetByLabelOptions().setExact(true));
        assertThat(caption).not().isEmpty();
        Locator x = page.locator(".post-twitter");
        assertThat(x.locator(".network-count")).containsText("/280");

        // 2. typing updates the previews, the counts and the brand check without saving
        caption.fill("A cheap trick.");
        assertThat(x.locator(".findings")).containsText("“cheap” is on Northwind’s list of words to avoid");
        assertThat(x.locator(".findings")).containsText("The legal footer of Northwind is missing");
        assertThat(page.locator(".post-instagram .network-text")).containsText("A cheap trick.");
        caption.fill("x".repeat(300));
        assertThat(x.locator(".network-count")).hasClass(java.util.regex.Pattern.compile("network-count-over"));
        page.screenshot(ui.screenshot("content-editor"));

        // 3. save a person's text: the creative becomes hybrid, and a regeneration leaves the text alone
        caption.fill("Slow mornings, better coffee.\n\nTerms at northwind.example.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.locator(".toast").first()).containsText("Saved: Caption");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("HYBRID");
        assertThat(x.locator(".finding-ok")).isVisible();
        page.locator("#part-caption").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Write another version")).click();
        assertThat(page.getByText("the new text waits as version 3")).isVisible();
        assertThat(page.getByLabel("Caption", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Slow mornings, better coffee.\n\nTerms at northwind.example.");

        // 4. the history compares and brings back the first, generated version
        page.locator("#part-caption").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("History (3)")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Version 2 (shown now)"))).isVisible();
        page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("built-in")).last()
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Compare")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use version 1")).click();
        assertThat(page.getByText("Version 1 is the caption again")).isVisible();
        List<Integer> current = Json.read(api.as(owner).get("/api/v1/content/creatives/" + id),
                "$.components[?(@.kind=='CAPTION')].currentVersion");
        assertThat(current).containsExactly(1);

        // 5. on a phone the editor fits, previews below the parts
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/creatives/" + id));
        assertThat(PageChecks.overflow(page)).as("the editor at 390 px").isNull();
        page.screenshot(ui.screenshot("content-phone-editor"));
    }
}
