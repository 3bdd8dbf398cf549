package io.flightdeck.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
import static org.awaitility.Awaitility.await;

/**
 * An email built in the block editor (GrapesJS as the build fetched it) from a creative and a library image picked into
 * placeholder blocks, saved, test-sent through the outbox and opened as its recipient sees it (the creative's copy, the
 * image, the footer with the postal address and the unsubscribe link, tables and inline styles); then the HTML editor
 * shows the export, and an edit there comes back into the blocks. Same public address as
 * {@link EmailTemplatePickersBrowserTests}, so both share one application context.
 */
@BrowserTest
@TestPropertySource(properties = "flightdeck.base-url=https://mail.flightdeck.example")
class EmailBlockEditorBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    @Test
    void anEmailBuiltFromBlocksReachesItsRecipientAndSurvivesTheHtmlEditor(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Blocks browser");
        api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Blocks Co", "fromAddress",
                "news@blocks.example", "postalAddress", "7 Harbour Road, Porto"));
        String campaign = Json.read(api.as(owner).post("/api/v1/campaigns", Map.of("name", "Blocks browser",
                "type", "OTHER")), "$.id");
        api.as(owner).post("/api/v1/content/creatives", Map.of("campaignId", campaign, "title", "Spring teaser",
                "mode", "MANUAL", "channels", List.of("LINKEDIN"), "texts", Map.of("HEADLINE", "Ride into spring",
                        "CAPTION", "Our new roast is out on Monday.", "CTA", "Taste it")));
        api.as(owner).upload("/api/v1/campaign-assets/assets", "fair-stand.png", AssetSamples.png(21, 480, 240));
        String template = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("copyFrom",
                "builtin-newsletter", "name", "Built from blocks")), "$.id");

        PageChecks.install(page.context());
        ui.signIn(page, owner);
        // opened at a phone's width first, as the page walk does (app.js makes scrolling frames focusable on load)
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/email/templates/" + template + "/blocks"));
        Locator editorReady = page.locator("#blocks-form[data-ready=true]");
        assertThat(editorReady).isAttached();
        FrameLocator canvas = page.frameLocator("#blocks-editor iframe.gjs-frame");
        // at a phone's width the editor scrolls in its own frame; the page neither scrolls sideways nor fails axe
        PageChecks.settle(page);
        org.assertj.core.api.Assertions.assertThat(PageChecks.axeViolations(page)).as("axe at 390 px").isEmpty();
        org.assertj.core.api.Assertions.assertThat(PageChecks.overflow(page)).as("sideways at 390 px").isNull();
        page.setViewportSize(1280, 900);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add social links")).click();
        assertThat(canvas.getByText("Instagram")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add divider")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add placeholder")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use in placeholder: Spring teaser"))
                .click();
        assertThat(page.locator("#blocks-status")).hasText("The placeholder was replaced. Save to keep it.");
        assertThat(canvas.getByText("Ride into spring")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add placeholder")).click();
        assertThat(canvas.locator(".fd-placeholder")).hasCount(1);
        page.getByLabel("Alt text for fair-stand.png").fill("Our stand at the fair");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Use in placeholder: image fair-stand.png")).click();
        assertThat(canvas.getByAltText("Our stand at the fair")).isAttached();
        assertThat(canvas.locator(".fd-placeholder")).hasCount(0);
        // the footer is locked: neither removable nor editable
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => { const f = window.flightdeckBlocks"
                + ".flightdeckFooter; return [f.get('removable'), f.get('editable'), f.toHTML()"
                + ".includes('{{unsubscribe_url}}')]; }")).isEqualTo(List.of(false, false, true));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
        assertThat(page.getByText("Template saved")).isVisible();
        // the design was kept (the sanitiser changed nothing of the export), so it reopens as it was built
        assertThat(page.locator("#blocks-form")).hasAttribute("data-design", Pattern.compile("fd-social"));
        assertThat(editorReady).isAttached();
        assertThat(canvas.getByText("Ride into spring")).isVisible();
        assertThat(canvas.getByAltText("Our stand at the fair")).isAttached();
        page.screenshot(ui.screenshot("email-block-editor"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test")).click();
        assertThat(page.getByText("Test sent to")).isVisible();
        await().atMost(Duration.ofSeconds(30)).until(() -> !outboxKeys(owner).isEmpty());
        String key = outboxKeys(owner).get(0);
        String html = Json.read(api.as(owner).get("/api/v1/mail-outbox/" + key), "$.html");
        org.assertj.core.api.Assertions.assertThat(html).contains("<table", "style=\"", "Ride into spring",
                "Our new roast is out on Monday.", "https://mail.flightdeck.example/t/i/", "Our stand at the fair",
                "7 Harbour Road, Porto", "Unsubscribe").doesNotContain("fd-placeholder", "{{");
        page.navigate(ui.url("/settings/mail-outbox/" + key));
        FrameLocator mail = page.frameLocator("iframe.mail-html");
        assertThat(mail.getByText("Ride into spring")).isVisible();
        assertThat(mail.getByAltText("Our stand at the fair")).isAttached();
        assertThat(mail.getByText("7 Harbour Road, Porto")).isVisible();
        assertThat(mail.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Unsubscribe")))
                .isVisible();

        // blocks → HTML: the HTML editor shows the export, and warns that an edit there rebuilds the blocks
        page.navigate(ui.url("/email/templates/" + template));
        assertThat(page.locator("#e-html-blocks-note")).isVisible();
        Locator source = page.locator("#e-html");
        org.assertj.core.api.Assertions.assertThat(source.inputValue()).contains("Ride into spring",
                "Our stand at the fair", "{{unsubscribe_url}}");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit with blocks")).click();
        assertThat(editorReady).isAttached();
        assertThat(canvas.getByText("Ride into spring")).isVisible();

        // HTML → blocks: an edit in the HTML is imported into the editor, nothing else lost
        page.navigate(ui.url("/email/templates/" + template));
        source.fill(source.inputValue().replace("Ride into spring", "Ride into summer"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
        assertThat(page.getByText("Template saved")).isVisible();
        assertThat(page.locator("#e-html-blocks-note")).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit with blocks")).click();
        assertThat(editorReady).isAttached();
        assertThat(canvas.getByText("Ride into summer")).isVisible();
        assertThat(canvas.getByText("Our new roast is out on Monday.")).isVisible();
        assertThat(canvas.getByAltText("Our stand at the fair")).isAttached();
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.flightdeckBlocks.flightdeckFooter"
                + ".get('removable')")).isEqualTo(false);
    }

    private List<String> outboxKeys(Member owner) {
        return Json.read(api.as(owner).get("/api/v1/mail-outbox?size=100"),
                "$.items[?(@.to == '" + owner.email() + "')].key");
    }
}
