package io.flightdeck.assets.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.assets.platforms.FakeGoogleAds;
import io.flightdeck.shared.security.Role;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * On a phone, in Chromium, against the shared context's fake Google Ads: an admin connects a Google Ads customer from
 * the settings (a wrong customer id comes back beside its field with the secrets cleared), opens a Google Ads space
 * and syncs it from its panel; the import's row ends with what it wrote and the space's figures show the platform's
 * numbers, without a reload. Both pages fit 390 px and axe finds nothing serious. A viewer sees neither form.
 */
@BrowserTest
class AdPlatformSyncBrowserTests {

    private static final LocatorAssertions.ContainsTextOptions SYNC = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(30_000);

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;

    private String googleSpace(Member owner) {
        String campaign = campaigns.create(owner, "Autumn roast");
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces", """
                {"campaignId":"%s","name":"Autumn roast – Google Ads","platform":"GOOGLE_ADS","externalCampaignId":"%s",
                 "budget":{"amount":1000,"currency":"EUR"}}""".formatted(campaign, FakeGoogleAds.CAMPAIGN));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private static void fits(Page page, String what) {
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as(what + " at 390 px").isNull();
        assertThat(PageChecks.axeViolations(page)).as(what).isEmpty();
    }

    @Test
    void anAdminConnectsGoogleAdsAndSyncsASpace(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Google Ads browser");
        String space = googleSpace(owner);
        PageChecks.install(page.context());
        page.setViewportSize(390, 844);
        ui.signIn(page, owner);

        // the settings list the page; it says what a connection is for and how to add one
        page.navigate(ui.url("/settings"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ad platforms")).click();
        assertThat(page).hasURL(ui.url("/settings/ad-platforms"));
        assertThat(page.locator(".empty")).containsText("No ad platform connected yet");
        fits(page, "no connections");

        Locator form = page.locator("#connect-google-ads");
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Roastery on Google Ads");
        form.getByLabel("Customer id", new Locator.GetByLabelOptions().setExact(true)).fill("12345");
        form.getByLabel("Developer token").fill("dev-token-secret");
        form.getByLabel("OAuth client id", new Locator.GetByLabelOptions().setExact(true)).fill("client-id-secret");
        form.getByLabel("OAuth client secret").fill("client-secret-secret");
        form.getByLabel("Refresh token").fill("good-refresh-token");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Connect Google Ads")).click();

        // refused beside the field; the name kept, every secret to be typed again
        form = page.locator("#connect-google-ads");
        assertThat(form.locator("#google-account-error")).containsText("ten digits");
        assertThat(form.getByLabel("Customer id", new Locator.GetByLabelOptions().setExact(true)))
                .hasAttribute("aria-invalid", "true");
        assertThat(form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))).hasValue("Roastery on Google Ads");
        assertThat(form.getByLabel("Refresh token")).hasValue("");
        assertThat(page.content()).doesNotContain("good-refresh-token").doesNotContain("dev-token-secret");
        fits(page, "a refused connection");

        form.getByLabel("Customer id", new Locator.GetByLabelOptions().setExact(true)).fill("123-456-7890");
        form.getByLabel("Developer token").fill("dev-token-secret");
        form.getByLabel("OAuth client id", new Locator.GetByLabelOptions().setExact(true)).fill("client-id-secret");
        form.getByLabel("OAuth client secret").fill("client-secret-secret");
        form.getByLabel("Refresh token").fill("good-refresh-token");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Connect Google Ads")).click();
        assertThat(page.locator(".toast")).containsText("Roastery on Google Ads connected");
        Locator card = page.locator(".card").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Roastery on Google Ads"))));
        assertThat(card).containsText("1234567890");
        assertThat(page.content()).doesNotContain("good-refresh-token").doesNotContain("client-secret-secret");
        fits(page, "one connection");
        page.screenshot(ui.screenshot("ad-platforms-phone"));

        // the space's panel: through the one connection, two days, Sync; the row ends and the figures follow
        page.navigate(ui.url("/spaces/" + space));
        Locator panel = page.locator("#space-sync");
        assertThat(panel.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Sync from Google Ads")))
                .isVisible();
        assertThat(panel).containsText("Through Roastery on Google Ads");
        assertThat(panel).containsText("No imports yet");
        fits(page, "a space before its sync");
        page.evaluate("() => { window.__sameDocument = true; }");
        panel.locator("#sync-from").fill("2026-10-01");
        panel.locator("#sync-to").fill("2026-10-02");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sync").setExact(true)).click();

        Locator row = page.locator("#space-sync table.sync-imports tbody tr").first();
        assertThat(row).containsText("3 rows written", SYNC);
        assertThat(row).containsText("Google Ads sync 2026-10-01 to 2026-10-02");
        Locator stats = page.locator("#space-stats");
        assertThat(stats.locator("div").filter(new Locator.FilterOptions().setHasText("Impressions")).locator("dd"))
                .hasText("2,300", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(stats.locator("div").filter(new Locator.FilterOptions().setHasText("Conversions")).locator("dd"))
                .hasText("3");
        assertThat(page.evaluate("() => window.__sameDocument === true")).as("the page was not reloaded").isEqualTo(true);
        fits(page, "a synced space");
        page.screenshot(ui.screenshot("space-sync-phone"));

        row.getByRole(AriaRole.LINK).first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/imports/[0-9a-f-]{36}$"));
        assertThat(page.locator("#import-state")).containsText("Imported");
    }

    @Test
    void aViewerSeesTheConnectionsAndThePanelWithoutForms(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Google Ads viewer");
        assertThat(api.as(owner).post("/api/v1/ad-platform-connections", """
                {"platform":"GOOGLE_ADS","name":"Roastery on Google Ads","accountId":"123-456-7890",
                 "developerToken":"dev-token-secret","oauthClientId":"client-id-secret",
                 "oauthClientSecret":"client-secret-secret","refreshToken":"good-refresh-token"}""")).hasStatus(201);
        String space = googleSpace(owner);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        PageChecks.install(page.context());
        page.setViewportSize(390, 844);
        ui.signIn(page, viewer);

        page.navigate(ui.url("/settings/ad-platforms"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Roastery on Google Ads")))
                .isVisible();
        assertThat(page.locator("#connect-google-ads, #connect-meta, input[type=password]")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Roastery on Google Ads")))
                .hasCount(0);
        fits(page, "connections as a viewer");

        page.navigate(ui.url("/spaces/" + space));
        Locator panel = page.locator("#space-sync");
        assertThat(panel).containsText("Sync from Google Ads");
        assertThat(panel.locator("form")).hasCount(0);
        fits(page, "a space's panel as a viewer");
    }
}
