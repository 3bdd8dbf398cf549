package io.flightdeck.email;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.assets.AssetSamples;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The template editor's pickers in Chromium at a phone's width: a creative found by its title and an image from the
 * library inserted, both seen in the desktop preview (the image loaded by its signed address from a browser without a
 * session), with no serious axe-core violation and no sideways scrolling. The installation's public address is
 * {@code https://mail.flightdeck.example}, which the test server stands for: the picture is fetched from the test
 * server at the signed address's path by a browser context that never signed in. (Chromium does not let Playwright
 * answer the sandboxed preview's own image requests, so the preview is checked for the image's tag.)
 */
@BrowserTest
@TestPropertySource(properties = "flightdeck.base-url=https://mail.flightdeck.example")
class EmailTemplatePickersBrowserTests {

    private static final String PUBLIC = "https://mail.flightdeck.example";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    @Test
    void aCreativeAndAnImageArePickedAndShownInThePreview(WebUi ui) throws Exception {
        Member owner = workspaces.workspace("Pickers browser");
        String campaign = Json.read(api.as(owner).post("/api/v1/campaigns", Map.of("name", "Pickers browser",
                "type", "OTHER")), "$.id");
        api.as(owner).post("/api/v1/content/creatives", Map.of("campaignId", campaign, "title", "Spring teaser",
                "mode", "MANUAL", "channels", List.of("LINKEDIN"), "texts", Map.of("HEADLINE", "Ride into spring",
                        "CAPTION", "Our new roast is out on Monday.", "CTA", "Taste it")));
        api.as(owner).post("/api/v1/content/creatives", Map.of("campaignId", campaign, "title", "Winter note",
                "mode", "MANUAL", "channels", List.of("LINKEDIN"), "texts", Map.of("HEADLINE", "Cold days")));
        api.as(owner).upload("/api/v1/campaign-assets/assets", "fair-stand.png", AssetSamples.png(21, 480, 240));
        String template = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("copyFrom",
                "builtin-newsletter", "name", "Picked in the browser")), "$.id");

        BrowserContext context = ui.newContext();
        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/email/templates/" + template));

        page.getByLabel("Search creatives by title").fill("spring");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search creatives")).click();
        Locator creatives = page.locator("#creative-picker");
        assertThat(creatives).containsText("Spring teaser");
        assertThat(creatives).not().containsText("Winter note");
        creatives.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Insert copy of Spring teaser"))
                .click();
        assertThat(page.getByText("The creative's copy is in the template")).isVisible();

        page.getByLabel("Alt text for fair-stand.png").fill("Our stand at the fair");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Insert image fair-stand.png")).click();
        assertThat(page.getByText("The image is in the template")).isVisible();
        assertThat(page.locator("#e-html")).containsText("Ride into spring");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Desktop").setExact(true)).click();
        FrameLocator preview = page.frameLocator("iframe[title='Email preview at a desktop width']");
        assertThat(preview.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions()
                .setName("Ride into spring"))).isVisible();
        assertThat(preview.getByText("Our new roast is out on Monday.")).isVisible();
        Locator image = preview.getByAltText("Our stand at the fair");
        // in the preview the picture cannot load (its host stands for this test server), so it is there, not seen
        assertThat(image).isAttached();
        String signed = image.getAttribute("src");
        org.assertj.core.api.Assertions.assertThat(signed).startsWith(PUBLIC + "/t/i/");
        // the public address is this test server's: what it serves there to a browser that never signed in
        APIResponse served = ui.newContext().request().get(ui.url(signed.substring(PUBLIC.length())));
        org.assertj.core.api.Assertions.assertThat(served.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(served.headers().get("content-type")).matches("image/(png|jpeg)");
        org.assertj.core.api.Assertions.assertThat(ImageIO.read(new ByteArrayInputStream(served.body())).getWidth())
                .isEqualTo(480);

        PageChecks.settle(page);
        org.assertj.core.api.Assertions.assertThat(PageChecks.axeViolations(page)).as("axe at 390 px").isEmpty();
        org.assertj.core.api.Assertions.assertThat(PageChecks.overflow(page)).as("sideways at 390 px").isNull();
        page.screenshot(ui.screenshot("phone-email-template-pickers"));
    }
}
