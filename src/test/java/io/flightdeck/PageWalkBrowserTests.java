package io.flightdeck;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.flightdeck.assets.AssetSamples;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page walk: every page in the navigation (an owner's, so every item shows) and every page listed in
 * {@link #PAGES}, at a desktop and a phone width, must have no serious or critical axe-core violation and must not
 * scroll sideways. One workspace with one campaign carries all the data (strategy, approvals with a comment and a
 * reviewer link, a generated timeline). <b>Each new page joins the walk</b>: add a line to {@link #PAGES}, and if it
 * needs an id the fixture lacks, put it in {@link #fixture()}.
 */
@BrowserTest
class PageWalkBrowserTests {

    /** Performance of one ad (ad-walk) over five days, the third with more clicks than impressions. */
    static final String WALK_PERFORMANCE = """
            external_asset_id,date,impressions,clicks,conversions,spend,revenue
            ad-walk,2031-03-01,12000,340,21,180.50,1240.00
            ad-walk,2031-03-02,11800,322,18,176.10,1102.40
            ad-walk,2031-03-03,90,400,0,2.00,0
            ad-walk,2031-03-04,12550,361,25,185.00,1391.20
            ad-walk,2031-03-05,13020,372,24,190.75,1420.90
            """;

    /** The widths walked: a laptop, and a phone (iPhone 12 to 15). */
    static final int[] WIDTHS = {1440, 390};

    /**
     * Pages beside the navigation's own, by path; {@code {name}} is replaced with the fixture's id of that name.
     * Public pages (signed out) are marked so.
     */
    static final List<Stop> PAGES = List.of(
            // campaigns
            Stop.signedIn("campaign", "/campaigns/{campaign}"),
            Stop.signedIn("campaign strategy tab", "/campaigns/{campaign}/tabs/strategy"),
            Stop.signedIn("campaign content tab", "/campaigns/{campaign}/tabs/content"),
            Stop.signedIn("campaign posts tab", "/campaigns/{campaign}/tabs/posts"),
            Stop.signedIn("campaign approvals tab", "/campaigns/{campaign}/tabs/approvals"),
            Stop.signedIn("campaign plan tab", "/campaigns/{campaign}/tabs/plan"),
            Stop.signedIn("campaign assets tab", "/campaigns/{campaign}/tabs/assets"),
            Stop.signedIn("campaign analytics tab", "/campaigns/{campaign}/tabs/analytics"),
            Stop.signedIn("campaign dashboard with its chart", "/analytics/campaigns/{campaign}?from=2031-03-01&to=2031-03-14"),
            Stop.signedIn("campaign dashboard with no numbers", "/analytics/campaigns/{campaign}?from=2031-06-01&to=2031-06-07"),
            Stop.signedIn("all campaigns' numbers", "/analytics?from=2031-03-01&to=2031-03-14"),
            Stop.signedIn("campaign budget", "/analytics/campaigns/{campaign}/budget"),
            Stop.signedIn("a channel's items", "/analytics/campaigns/{campaign}/channels/INSTAGRAM?from=2031-03-01&to=2031-03-14"),
            Stop.signedIn("report builder", "/analytics/campaigns/{campaign}/report?kind=EXECUTIVE&from=2031-03-01&to=2031-03-14"),
            Stop.signedIn("team trends", "/analytics/team"),
            // guidance
            Stop.signedIn("prediction track record", "/guidance/track-record"),
            Stop.signedIn("orchestration dashboard", "/campaigns/{campaign}/orchestration"),
            Stop.signedIn("report schedules", "/analytics/schedules"),
            Stop.signedIn("campaign activity tab", "/campaigns/{campaign}/tabs/activity"),
            Stop.signedIn("connected tools of a campaign", "/campaigns/{campaign}/tool-calls"),
            Stop.signedIn("new campaign", "/campaigns/new"),
            Stop.signedIn("edit campaign", "/campaigns/{campaign}/edit"),
            Stop.signedIn("save a campaign as a template", "/campaigns/{campaign}/save-as-template"),
            Stop.signedIn("clone a campaign", "/campaigns/{campaign}/clone"),
            Stop.signedIn("campaign template", "/templates/{campaignTemplate}"),
            Stop.signedIn("start a campaign from a template", "/templates/{campaignTemplate}/use"),
            // strategy
            Stop.signedIn("strategy editor", "/campaigns/{campaign}/strategy"),
            Stop.signedIn("strategy version", "/campaigns/{campaign}/strategy/versions/1"),
            Stop.signedIn("strategy diff", "/campaigns/{campaign}/strategy/diff?from=1&to=2"),
            // approvals
            Stop.signedIn("approval", "/approvals/{approval}"),
            Stop.signedIn("schedule approval with its posts", "/approvals/{scheduleApproval}"),
            Stop.signedIn("ads approval with its plan", "/approvals/{adsApproval}"),
            Stop.signedIn("creative approval", "/approvals/{creativeApproval}"),
            Stop.signedIn("email approval with its versions", "/approvals/{emailApproval}"),
            Stop.signedOut("external review", "/review/{reviewToken}"),
            // planning
            Stop.signedIn("timeline", "/campaigns/{campaign}/timeline"),
            Stop.signedIn("board", "/campaigns/{campaign}/board"),
            Stop.signedIn("campaign tasks", "/campaigns/{campaign}/tasks"),
            Stop.signedIn("task", "/tasks/{task}"),
            // ops: bulk actions
            Stop.signedIn("your bulk actions", "/bulk"),
            Stop.signedIn("bulk action with its results", "/bulk/{bulk}"),
            Stop.signedIn("team member", "/team/{owner}"),
            Stop.signedIn("team in the plan's busiest weeks", "/team?from={planStart}"),
            Stop.signedIn("timeline templates", "/planning/templates"),
            Stop.signedIn("timeline template", "/planning/templates/{template}"),
            // assets (the library and its settings are in the navigation)
            Stop.signedIn("asset library as a list", "/assets?view=list"),
            Stop.signedIn("asset", "/assets/{asset}"),
            Stop.signedIn("copy asset", "/assets/{copyAsset}"),
            Stop.signedIn("campaign spaces", "/campaigns/{campaign}/spaces"),
            Stop.signedIn("new campaign space", "/campaigns/{campaign}/spaces/new"),
            Stop.signedIn("campaign space", "/spaces/{space}"),
            Stop.signedIn("edit campaign space", "/spaces/{space}/edit"),
            Stop.signedIn("new CSV import", "/spaces/{space}/imports/new"),
            Stop.signedIn("a space's CSV imports", "/spaces/{space}/imports"),
            Stop.signedIn("CSV import", "/imports/{import}"),
            Stop.signedIn("campaign space synced from Google Ads", "/spaces/{googleSpace}"),
            // content (the brands list is in the navigation)
            Stop.signedIn("new creative", "/campaigns/{campaign}/creatives/new"),
            Stop.signedIn("creative", "/creatives/{creative}"),
            Stop.signedIn("creative part history", "/creatives/{creative}/parts/caption"),
            Stop.signedIn("strategy draft", "/campaigns/{campaign}/strategy-draft"),
            // guidance
            Stop.signedIn("a generated strategy with its evidence",
                    "/campaigns/{sequel}/guidance/strategy-generations/{strategyGeneration}"),
            Stop.signedIn("repurpose a text", "/repurpose"),
            Stop.signedIn("repurposed text", "/repurposed/{repurposed}"),
            Stop.signedIn("AI usage", "/settings/ai/usage"),
            Stop.signedIn("AI provider", "/settings/ai/providers/{provider}"),
            Stop.signedIn("recommendation rules", "/guidance/rules"),
            Stop.signedIn("new brand", "/settings/brands/new"),
            Stop.signedIn("brand", "/settings/brands/{brand}"),
            // rendering (the monitor and the templates are in the navigation)
            Stop.signedIn("render monitor filtered", "/render-jobs?status=PUBLISHED&type=IMAGE"),
            Stop.signedIn("image render job", "/render-jobs/{imageRender}"),
            Stop.signedIn("video render job", "/render-jobs/{videoRender}"),
            Stop.signedIn("layout template", "/settings/render-templates/split-panel"),
            // publishing (channels and the dead-letter list are in the navigation; the queue is on the campaign page)
            Stop.signedIn("sandbox post", "/channels/sandbox/posts/{sandboxPost}"),
            Stop.signedIn("post composer from a creative", "/campaigns/{campaign}/compose?creative={creative}"),
            // with a TikTok account connected (see connectTikTok), so the composer shows a network's choices: a choice
            // without a default and switches greyed out with their reason
            Stop.signedIn("post composer with TikTok's choices", "/campaigns/{campaign}/compose"),
            Stop.signedIn("post preview", "/social/channel-posts/{channelPost}/preview"),
            // identity
            Stop.signedIn("profile", "/profile"),
            // notifications (the unread view is in the navigation)
            Stop.signedIn("all notifications", "/notifications?view=all"),
            Stop.signedIn("archived notifications", "/notifications?view=archive"),
            Stop.signedIn("stop these notifications", "/notifications/{notification}/stop?channel=EMAIL"),
            Stop.signedIn("a mail in the outbox", "/settings/mail-outbox/{mail}"),
            Stop.signedIn("a webhook endpoint with its log", "/settings/webhooks/{webhook}"),
            Stop.signedIn("outgoing notifications and webhook messages", "/settings/outgoing?ledger=notifications"),
            // operations (the system status page is in the navigation)
            Stop.signedIn("alert rules", "/settings/system/alert-rules"),
            Stop.signedIn("an alert rule", "/settings/system/alert-rules/{alertRule}"),
            // email (the contacts list is in the navigation)
            Stop.signedIn("a contact", "/email/contacts/{contact}"),
            Stop.signedIn("an unsubscribed contact", "/email/contacts/{unsubscribedContact}"),
            Stop.signedIn("an email list", "/email/lists/{emailList}"),
            Stop.signedIn("a segment's rule editor", "/email/segments/{segment}"),
            Stop.signedIn("a built-in segment", "/email/segments/{builtInSegment}"),
            Stop.signedIn("new segment", "/email/segments/new"),
            Stop.signedIn("a built-in email template", "/email/templates/builtin-newsletter"),
            Stop.signedIn("an email template previewed for a contact at a phone's width",
                    "/email/templates/{emailTemplate}?view=mobile&contact=ana.maria"),
            Stop.signedIn("an email template's block editor", "/email/templates/{emailTemplate}/blocks"),
            Stop.signedIn("email sender settings", "/email/settings"),
            Stop.signedIn("an email's audience", "/email/campaigns/{emailCampaign}?step=audience"),
            Stop.signedIn("an email's content", "/email/campaigns/{emailCampaign}?step=content"),
            Stop.signedIn("an email's block editor", "/email/campaigns/{emailCampaign}/blocks"),
            Stop.signedIn("an email's A/B test", "/email/campaigns/{emailCampaign}?step=ab"),
            Stop.signedIn("an email's schedule", "/email/campaigns/{emailCampaign}?step=schedule"),
            Stop.signedIn("an email's review", "/email/campaigns/{emailCampaign}?step=review"),
            Stop.signedIn("a sent email", "/email/campaigns/{sentEmail}"),
            Stop.signedIn("a sent email's report with its charts", "/email/campaigns/{sentEmail}/report"),
            Stop.signedIn("a draft email's empty report", "/email/campaigns/{emailCampaign}/report"),
            Stop.signedIn("import contacts", "/email/imports/new"),
            Stop.signedIn("contact import's mapping", "/email/imports/{contactImportUpload}"),
            Stop.signedIn("contact import with errors", "/email/imports/{contactImport}"),
            Stop.signedIn("a contact waiting for their confirmation", "/email/contacts/{pendingContact}"),
            Stop.signedIn("email consent settings", "/settings/email-consent"),
            Stop.signedOut("double opt-in confirmation", "/email/confirm/{optInToken}"),
            Stop.signedOut("double opt-in confirmed", "/email/confirm/done"),
            Stop.signedOutNotFound("a double opt-in link that is no good", "/email/confirm/not-a-real-token"),
            Stop.signedOut("email preference centre", "/email/preferences/{preferencesToken}"),
            Stop.signedOut("unsubscribe confirmation", "/t/u/{unsubscribeToken}"),
            Stop.signedIn("new workspace", "/workspaces/new"),
            // search: hits of several kinds with snippets and every facet, and a search that finds nothing
            Stop.signedIn("search results", "/search?q=launch"),
            Stop.signedIn("search without results", "/search?q=xylophone&type=contact"),
            Stop.signedIn("saved searches, one watched with a long name", "/search/saved"),
            Stop.signedIn("a bulk action on all the tasks a search finds", "/bulk/matching?type=task&q=launch"),
            Stop.signedOut("sign in", "/login"),
            Stop.signedOut("sign up", "/signup"));

    /**
     * A page of the walk: its name in failures, its path with {@code {id}} placeholders, who looks at it, and the
     * status it answers with (200, or the 404 of a page that tells a person their link is no good).
     */
    record Stop(String name, String path, boolean signedIn, int status) {

        static Stop signedIn(String name, String path) {
            return new Stop(name, path, true, 200);
        }

        static Stop signedOut(String name, String path) {
            return new Stop(name, path, false, 200);
        }

        static Stop signedOutNotFound(String name, String path) {
            return new Stop(name, path, false, 404);
        }

        String resolve(Map<String, String> ids) {
            String resolved = path;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
            }
            assertThat(resolved).as("the fixture has every id %s needs", path).doesNotContain("{");
            return resolved;
        }
    }

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    /** One workspace for the whole class, made by the first test that needs it (the walk is slow enough as it is). */
    private static Member owner;
    private static Map<String, String> fixtureIds;

    @Test
    void everyPageIsAccessibleAndFitsAPhone(WebUi ui) throws Exception {
        Map<String, String> ids = fixture();
        Page reader = ui.newContext().newPage();
        ui.signIn(reader, owner);
        connectTikTok(reader, ui);
        List<Stop> stops = new ArrayList<>(navigation(reader, ui));
        PAGES.forEach(stop -> stops.add(new Stop(stop.name(), stop.resolve(ids), stop.signedIn(), stop.status())));

        // The two widths walk side by side, each in a Chromium of its own: the phone's on a thread of its own, where
        // its Playwright objects are made, used and closed (they belong to the thread that made them).
        ExecutorService phoneWalk = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> atPhone = phoneWalk.submit(() -> {
                try (WebUi phone = ui.inAnotherChromium()) {
                    return walk(phone, stops, ids.get("space"), WIDTHS[1]);
                }
            });
            List<String> problems = new ArrayList<>(walk(ui, stops, ids.get("space"), WIDTHS[0]));
            problems.addAll(atPhone.get(10, TimeUnit.MINUTES));
            assertThat(problems).as("problems found by the page walk (%d pages at %s px)", stops.size() + 1,
                    java.util.Arrays.toString(WIDTHS)).isEmpty();
        } finally {
            phoneWalk.shutdownNow();
        }
    }

    /** Every stop, and this browser's own import preview, at one width; answers what it found. */
    private List<String> walk(WebUi ui, List<Stop> stops, String space, int width) {
        BrowserContext signedIn = ui.newContext();
        PageChecks.install(signedIn);
        Page page = signedIn.newPage();
        ui.signIn(page, owner);
        BrowserContext signedOut = ui.newContext();
        PageChecks.install(signedOut);
        Page visitor = signedOut.newPage();
        // Playwright's own 30 s, not the suite's 10 s: two Chromiums walk at once beside the other test JVM, and a
        // page that opens in under 2 s alone once took over 10 s there (CI); slow pages are printed (check)
        for (BrowserContext context : List.of(signedIn, signedOut)) {
            context.setDefaultNavigationTimeout(30_000);
        }
        page.setViewportSize(width, 900);
        visitor.setViewportSize(width, 900);

        List<Stop> all = new ArrayList<>(stops);
        all.add(Stop.signedIn("CSV import preview", importPreview(page, ui, space)));
        List<String> problems = new ArrayList<>();
        for (Stop stop : all) {
            problems.addAll(check(stop.signedIn() ? page : visitor, ui, stop, width));
        }
        return problems;
    }

    /**
     * The shell's menus on a phone: the navigation opens from its toggle, which says whether it is expanded, and
     * the workspace and account menus open inside the window, with nothing found by axe while they are open.
     */
    @Test
    void theShellsMenusWorkOnAPhone(WebUi ui) {
        fixture();
        BrowserContext context = ui.newContext();
        PageChecks.install(context);
        Page page = context.newPage();
        page.setViewportSize(390, 844);
        ui.signIn(page, owner);
        PageChecks.settle(page);

        Locator toggle = page.locator("[data-nav-toggle]");
        Locator nav = page.locator("#sidenav");
        assertThat(nav.isVisible()).as("navigation hidden until asked for").isFalse();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        toggle.click();
        assertThat(nav.isVisible()).as("navigation shown by the toggle").isTrue();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(PageChecks.axeViolations(page)).as("axe with the navigation open").isEmpty();
        page.screenshot(ui.screenshot("phone-navigation").setFullPage(false));
        page.keyboard().press("Escape");
        assertThat(nav.isVisible()).as("Escape closes the navigation").isFalse();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");

        for (Locator menu : page.locator("header details.menu").all()) {
            menu.locator("summary").click();
            Locator panel = menu.locator(".menu-panel");
            assertThat(panel.isVisible()).isTrue();
            var box = panel.boundingBox();
            assertThat(box.x).as("menu panel's left edge").isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as("menu panel's right edge").isLessThanOrEqualTo(390);
            assertThat(PageChecks.overflow(page)).as("sideways scrolling with a menu open").isNull();
            assertThat(PageChecks.axeViolations(page)).as("axe with a menu open").isEmpty();
            page.screenshot(ui.screenshot("phone-menu-" + menu.locator("summary").getAttribute("aria-label")
                    .replaceAll("[^A-Za-z]+", "-").toLowerCase()).setFullPage(false));
            page.keyboard().press("Escape");
        }
    }

    /**
     * On a phone a list's filters fold behind a "Filters" button that says whether they are shown; on a laptop the
     * form shows and the button does not. The board and the Gantt chart scroll sideways in their own frames, which
     * the keyboard can reach, while the page keeps the window's width.
     */
    @Test
    void filtersFoldAndPlansScrollInTheirFramesOnAPhone(WebUi ui) {
        Map<String, String> ids = fixture();
        BrowserContext context = ui.newContext();
        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);

        for (String list : List.of("/campaigns", "/campaigns/" + ids.get("campaign") + "/tasks", "/audit")) {
            page.setViewportSize(390, 844);
            page.navigate(ui.url(list));
            PageChecks.settle(page);
            Locator button = page.locator("[data-filters-toggle]");
            Locator form = page.locator("form.filters");
            assertThat(button.isVisible()).as("Filters button on %s", list).isTrue();
            assertThat(button.textContent()).isEqualTo("Filters");
            assertThat(form.isVisible()).as("filters folded on %s", list).isFalse();
            if (list.equals("/campaigns")) {
                page.screenshot(ui.screenshot("phone-campaigns").setFullPage(false));
            }
            button.click();
            assertThat(form.isVisible()).as("filters shown on %s", list).isTrue();
            assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
            button.click();
            assertThat(form.isVisible()).isFalse();
            assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
            page.setViewportSize(1440, 900);
            assertThat(button.isVisible()).as("no Filters button on a laptop").isFalse();
            assertThat(form.isVisible()).as("filters always shown on a laptop").isTrue();
        }

        page.setViewportSize(390, 844);
        page.navigate(ui.url("/campaigns?status=DRAFT"));
        PageChecks.settle(page);
        assertThat(page.locator("[data-filters-toggle]").textContent()).as("the button counts the filters set").isEqualTo("Filters (1)");

        for (String[] plan : List.of(new String[] {"/board", ".task-board"}, new String[] {"/timeline", ".gantt-scroll"})) {
            page.navigate(ui.url("/campaigns/" + ids.get("campaign") + plan[0]));
            PageChecks.settle(page);
            Locator frame = page.locator(plan[1]);
            assertThat((Boolean) frame.evaluate("el => el.scrollWidth > el.clientWidth")).as("%s scrolls in its frame", plan[1]).isTrue();
            assertThat(frame.getAttribute("tabindex")).as("%s reachable by keyboard", plan[1]).isEqualTo("0");
            assertThat(PageChecks.overflow(page)).as("the page around %s", plan[1]).isNull();
            page.screenshot(ui.screenshot("phone-" + plan[0].substring(1)).setFullPage(false));
        }
    }

    /**
     * A TikTok account, connected through the channels page and TikTok's (fake) sign-in, so that the composer's stops
     * show the choices a network offers. Once: the walk's workspace is the class's.
     */
    private void connectTikTok(Page page, WebUi ui) {
        if (Json.<List<String>>read(ok(api.as(owner).get("/api/v1/channels")), "$[*].network").contains("tiktok")) {
            return;
        }
        page.navigate(ui.url("/channels"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect TikTok").setExact(true)).click();
        page.waitForURL(url -> url.endsWith("/channels"));
        assertThat(Json.<List<String>>read(ok(api.as(owner).get("/api/v1/channels")), "$[*].network")).contains("tiktok");
    }

    /** The navigation's pages, read from the shell itself, so a module's new NavItem is walked without a line here. */
    private List<Stop> navigation(Page page, WebUi ui) {
        page.navigate(ui.url("/"));
        Set<String> paths = new LinkedHashSet<>(page.locator("#sidenav a[href]").all().stream()
                .map(link -> link.getAttribute("href")).toList());
        assertThat(paths).as("an owner's navigation").contains("/", "/campaigns", "/settings");
        // the settings page links every settings area; walk them all as the navigation's own
        page.navigate(ui.url("/settings"));
        paths.addAll(page.locator(".settings-areas a[href]").all().stream().map(link -> link.getAttribute("href")).toList());
        assertThat(paths).as("the settings areas").contains("/audit", "/settings/workspace", "/settings/api-keys");
        return paths.stream().map(path -> Stop.signedIn("navigation " + path, path)).toList();
    }

    /**
     * The import wizard's preview lives in the session that chose the file (its address names a file kept for that
     * session only), so the walk chooses one through the first step and walks the address it is sent to.
     */
    private static String importPreview(Page page, WebUi ui, String space) {
        page.navigate(ui.url("/spaces/" + space + "/imports/new"));
        page.locator("#import-file").setInputFiles(new FilePayload("walk-launch-performance-from-meta-ads-manager.csv",
                "text/csv", WALK_PERFORMANCE.getBytes(StandardCharsets.UTF_8)));
        page.getByLabel("Skip bad rows").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the import")).click();
        page.waitForURL(url -> url.contains("/imports/preview/"));
        return java.net.URI.create(page.url()).getPath();
    }

    private static List<String> check(Page page, WebUi ui, Stop stop, int width) {
        long began = System.nanoTime();
        List<String> problems = PageChecks.problems(page, ui.url(stop.path()), stop.status(),
                stop.name() + " (" + stop.path() + ") at " + width + " px: ");
        long took = (System.nanoTime() - began) / 1_000_000;
        if (took > 2_000) {
            // in the CI log: a slow page shows before it becomes a timeout
            System.out.printf("page walk: %s at %d px took %d ms (opened, settled and checked)%n", stop.name(), width, took);
        }
        return problems;
    }

    /** One workspace and one campaign with everything the detail pages show; answers the ids the paths use. */
    private synchronized Map<String, String> fixture() {
        if (fixtureIds != null) {
            return fixtureIds;
        }
        owner = workspaces.workspace("Page walk");
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("owner", owner.userId().toString());
        ids.put("alertRule", Json.read(ok(api.as(owner).get("/api/v1/monitoring/alert-rules")), "$[0].id"));
        // the walk generates the timeline itself, so the automatic one must not race it
        ok(api.as(owner).put("/api/v1/planning-settings", """
                {"autoTimeline":false,"bufferUrgent":5,"bufferHigh":10,"bufferMedium":15,"bufferLow":20,"holidays":[]}"""));
        String campaign = id(api.as(owner).post("/api/v1/campaigns", """
                {"name":"Walk launch","description":"Spring collection launch across email and social","type":"PRODUCT_LAUNCH",
                 "priority":"HIGH","channels":["EMAIL","INSTAGRAM"],"startDate":"2031-03-01","endDate":"2031-04-30",
                 "budget":{"amount":5000.00,"currency":"EUR"}}"""));
        ids.put("campaign", campaign);
        // two weeks of numbers for the dashboard's figures, chart and channels
        StringBuilder facts = new StringBuilder();
        for (int day = 1; day <= 14; day++) {
            for (String channel : List.of("EMAIL", "INSTAGRAM")) {
                facts.append(facts.isEmpty() ? "" : ",").append("""
                        {"source":"walk","objectType":"ad","objectId":"%s","campaignId":"%s","channel":"%s",
                         "metric":"CLICKS","granularity":"DAY","periodStart":"2031-03-%02dT00:00:00Z","value":%d},
                        {"source":"walk","objectType":"ad","objectId":"%s","campaignId":"%s","channel":"%s",
                         "metric":"SPEND","granularity":"DAY","periodStart":"2031-03-%02dT00:00:00Z","value":%d.50,"currency":"EUR"}"""
                        .formatted(channel, campaign, channel, day, 20 + day * 3, channel, campaign, channel, day, 10 + day));
            }
        }
        ok(api.as(owner).post("/api/v1/analytics/facts", "{\"facts\":[" + facts + "]}"));
        String reportSchedule = id(api.as(owner).post("/api/v1/analytics/report-schedules", """
                {"campaignId":"%s","kind":"EXECUTIVE","cadence":"WEEKLY","recipients":["boss@example.com"]}"""
                .formatted(campaign)));
        id(api.as(owner).post("/api/v1/analytics/report-schedules/" + reportSchedule + "/runs", null));
        for (String cadence : List.of("3 posts a week", "4 posts a week")) {
            id(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", """
                    {"platforms":["EMAIL","INSTAGRAM"],"goals":["2,000 sign-ups"],"targetAudience":"Urban cyclists, 25-40",
                     "contentPillars":["Craft","Commute"],"brandTone":"Warm and direct","cadence":"%s",
                     "adsConfig":{"objective":"LEADS","budgetSplit":{"INSTAGRAM":100},"biddingNotes":"Lowest cost"}}"""
                    .formatted(cadence)));
        }
        ok(api.as(owner).post("/api/v1/campaigns/" + campaign + "/approvals/initialize", null));
        String approval = Json.read(ok(api.as(owner).get("/api/v1/campaigns/" + campaign + "/approvals/content")), "$.id");
        ids.put("approval", approval);
        ids.put("scheduleApproval", Json.read(ok(api.as(owner).get("/api/v1/campaigns/" + campaign
                + "/approvals/schedule")), "$.id"));
        ids.put("adsApproval", Json.read(ok(api.as(owner).get("/api/v1/campaigns/" + campaign + "/approvals/ads")), "$.id"));
        id(api.as(owner).post("/api/v1/approvals/" + approval + "/comments", "{\"body\":\"Please check the claims\"}"));
        MvcTestResult link = api.as(owner).post("/api/v1/approvals/" + approval + "/reviewer-links",
                "{\"name\":\"Lee from Legal\",\"canApprove\":true}");
        assertThat(link).hasStatus(201);
        String url = Json.read(link, "$.url");
        ids.put("reviewToken", url.substring(url.indexOf("/review/") + "/review/".length()));
        ok(api.as(owner).post("/api/v1/campaigns/" + campaign + "/timeline/generate", "{}"));
        List<String> tasks = Json.read(ok(api.as(owner).get("/api/v1/campaigns/" + campaign + "/tasks?size=50")),
                "$.items[?(@.kind == 'TASK')].id");
        ids.put("task", tasks.get(tasks.size() - 1));
        // a bulk action whose one item is refused (a task to do cannot be done at once): nothing changes, a reason shows
        ids.put("bulk", Json.read(api.as(owner).post("/api/v1/bulk", Map.of("type", "tasks", "action", "status",
                "ids", List.of(tasks.get(0)), "params", Map.of("status", "done"))), "$.id"));
        ids.put("planStart", busyTeam(campaign));
        ids.put("template", Json.read(ok(api.as(owner).get("/api/v1/timeline-templates")), "$[0].id"));
        ids.put("campaignTemplate", id(api.as(owner).post("/api/v1/templates", """
                {"campaignId":"%s","name":"Walk launch, the template with a rather long name for small screens",
                 "description":"Brief, strategy and the plan of the spring launch","category":"Launches"}"""
                .formatted(campaign))));
        id(api.as(owner).post("/api/v1/saved-searches", Map.of("name",
                "Launch tasks of the spring campaign that still wait for someone to pick them up", "alert", true,
                "visibility", "WORKSPACE", "query", Map.of("q", "launch", "type", List.of("task")))));
        // assets: a space with figures, an image uploaded into it and reused in the campaign, and copy
        String space = id(api.as(owner).post("/api/v1/campaign-spaces", """
                {"campaignId":"%s","name":"Walk launch – Meta","platform":"META","objective":"Sign-ups",
                 "budget":{"amount":2500.00,"currency":"EUR"},"tags":["spring"]}""".formatted(campaign)));
        ids.put("space", space);
        ok(api.as(owner).post("/api/v1/campaign-spaces/" + space + "/update-performance",
                "{\"impressions\":48000,\"clicks\":1320,\"conversions\":96,\"spend\":1180.40}"));
        MvcTestResult uploaded = api.as(owner).upload("/api/v1/campaign-assets/campaign-spaces/" + space + "/assets",
                "walk-hero-with-a-rather-long-file-name-for-small-screens.png", AssetSamples.png(7, 320, 200),
                "tags", "spring", "tags", "hero");
        assertThat(uploaded).as(Json.body(uploaded)).hasStatus(201);
        String asset = Json.read(uploaded, "$.asset.id");
        ids.put("asset", asset);
        assertThat(api.as(owner).post("/api/v1/campaign-assets/" + asset + "/reuse",
                "{\"campaignId\":\"" + campaign + "\",\"context\":\"Hero of the launch email\"}")).hasStatus(201);
        ids.put("copyAsset", id(api.as(owner).post("/api/v1/campaign-assets", """
                {"name":"Launch headline","type":"HEADLINE","headline":"Ride into spring","ctaText":"Shop now",
                 "campaignId":"%s","spaceId":"%s","externalAssetId":"ad-walk"}""".formatted(campaign, space))));
        // a finished CSV import of the copy's performance (its platform id is ad-walk), one bad row in its report
        MvcTestResult imported = api.as(owner).upload("/api/v1/campaign-assets/campaign-spaces/" + space + "/assets/import",
                "walk-launch-performance-march.csv", WALK_PERFORMANCE.getBytes(StandardCharsets.UTF_8),
                "kind", "PERFORMANCE", "mode", "SKIP_BAD_ROWS");
        assertThat(imported).as(Json.body(imported)).hasStatus(202);
        ids.put("import", awaitImport(Json.read(imported, "$.id")));
        // a Google Ads connection (listed on its settings page) and a space synced through it from the shared
        // context's fake Google Ads, whose campaign 9001 has two ads over two days
        id(api.as(owner).post("/api/v1/ad-platform-connections", """
                {"platform":"GOOGLE_ADS","name":"Walk roastery on Google Ads, the account with a long name","accountId":"123-456-7890",
                 "developerToken":"walk-developer-token","oauthClientId":"walk-client","oauthClientSecret":"walk-secret",
                 "refreshToken":"walk-refresh-token"}"""));
        String googleSpace = id(api.as(owner).post("/api/v1/campaign-spaces", """
                {"campaignId":"%s","name":"Walk launch – Google Ads","platform":"GOOGLE_ADS","externalCampaignId":"9001",
                 "budget":{"amount":1500.00,"currency":"EUR"}}""".formatted(campaign)));
        ids.put("googleSpace", googleSpace);
        MvcTestResult synced = api.as(owner).post("/api/v1/campaign-spaces/" + googleSpace + "/sync",
                "{\"from\":\"2026-10-01\",\"to\":\"2026-10-02\"}");
        assertThat(synced).as(Json.body(synced)).hasStatus2xxSuccessful();
        ids.put("brand", id(api.as(owner).post("/api/v1/content/brands", """
                {"name":"Walk Coffee","voice":"Warm and plain","wordsToAvoid":["cheap"],"hashtags":["#WalkCoffee"],
                 "colours":["#3b2416"],"legalFooter":"Terms at walk.example."}""")));
        String creative = id(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Walk teaser","topic":"our spring roast",
                 "channels":["INSTAGRAM","TIKTOK","TWITTER","LINKEDIN"]}"""
                .formatted(ids.get("campaign"))));
        ids.put("creative", creative);
        MvcTestResult repurposed = api.as(owner).post("/api/v1/content/repurpose", """
                {"campaignId":"%s","title":"Walk story","variations":2,"text":"%s"}""".formatted(ids.get("campaign"),
                longPost().replace("\"", "'").replace("\n", "\\n")));
        assertThat(repurposed).as(Json.body(repurposed)).hasStatus(201);
        ids.put("repurposed", Json.read(repurposed, "$.source.id"));
        ids.put("provider", id(api.as(owner).post("/api/v1/content/providers", """
                {"name":"Walk Ollama","kind":"OPENAI_COMPATIBLE","baseUrl":"http://localhost:11434/v1","model":"llama3.2"}""")));
        // a second caption version, so the history page compares two
        ok(api.as(owner).post("/api/v1/content/creatives/" + creative + "/components/caption/regenerate", "{}"));
        // renders of the creative: an image at two sizes and a short video, both finished
        ids.put("imageRender", awaitRender(id(api.as(owner).post("/api/v1/render-jobs", """
                {"creativeId":"%s","type":"IMAGE","params":{"sizes":["1080x1080","1200x628"]}}""".formatted(creative)))));
        ids.put("videoRender", awaitRender(id(api.as(owner).post("/api/v1/render-jobs", """
                {"creativeId":"%s","type":"VIDEO","params":{"width":160,"height":160,"fps":6,"duration":2}}"""
                .formatted(creative)))));
        // the creative in review: its approval page shows each network's post with its media
        ok(api.as(owner).post("/api/v1/content/creatives/" + creative + "/submit"));
        ids.put("creativeApproval", Json.<List<String>>read(ok(api.as(owner).get("/api/v1/campaigns/" + campaign
                + "/approval-items")), "$.items[?(@.itemId=='" + creative + "')].id").get(0));
        // publishing: a sandbox account, a post waiting on the walk campaign (its panel lists it with its blockers),
        // and a post that went out on a second campaign, launched with the scopes switched off for a moment
        String sandbox = id(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Walk on LinkedIn\",\"channel\":\"LINKEDIN\",\"timeZone\":\"Europe/Berlin\"}"));
        String waiting = id(api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Spring collection is here. %s","firstComment":"example.com"}"""
                .formatted(campaign, sandbox, "Roasted in small batches, shipped the same day. ".repeat(5))));
        ids.put("channelPost", Json.read(ok(api.as(owner).get("/api/v1/social/posts/" + waiting)), "$.channels[0].id"));
        ids.put("sandboxPost", publishedSandboxPost(sandbox));
        notificationsFor(campaign, ids);
        contacts(ids);
        ids.put("emailCampaign", id(api.as(owner).post("/api/v1/email/campaigns", """
                {"campaignId":"%s","name":"Spring collection announcement for returning customers","subject":
                "Our spring collection is here, {{first_name | \\"friend\\"}}","listIds":["%s"],"segmentId":"%s"}"""
                .formatted(campaign, ids.get("emailList"), ids.get("segment")))));
        ok(api.as(owner).put("/api/v1/email/campaigns/" + ids.get("emailCampaign") + "/ab-test", """
                {"variants":[{"subject":"Last days of the spring collection preview, {{first_name | \\"friend\\"}}"},
                 {"html":"<p>The whole spring collection, twenty per cent off for returning customers.</p>"}],
                 "testShare":20,"metric":"CONVERSIONS","goalUrl":"https://shop.example/spring/thank-you-for-your-order"}"""));
        // the email in review: its approval page shows each version at a desktop's and a phone's width
        ok(api.as(owner).post("/api/v1/email/campaigns/" + ids.get("emailCampaign") + "/request-approval"));
        ids.put("emailApproval", Json.<List<String>>read(ok(api.as(owner).get("/api/v1/campaigns/" + campaign
                + "/approval-items?size=100")), "$.items[?(@.itemId=='" + ids.get("emailCampaign") + "')].id").get(0));
        sentEmail(ids);
        // a strategy generated for a second campaign, from what worked in the first (its numbers above)
        String sequel = id(api.as(owner).post("/api/v1/campaigns", """
                {"name":"Walk sequel","type":"PRODUCT_LAUNCH","channels":["EMAIL","INSTAGRAM"]}"""));
        ids.put("sequel", sequel);
        MvcTestResult generated = api.as(owner).post("/api/v1/orchestrator/campaigns/" + sequel + "/generate-strategy",
                Map.of("provider", "built-in"));
        assertThat(generated).as(Json.body(generated)).hasStatus(201);
        ids.put("strategyGeneration", Json.read(generated, "$.generationId"));
        fixtureIds = ids;
        return ids;
    }

    /**
     * Two contacts (one with a long address on a list, one unsubscribed, whose page asks for consent), a list, a
     * segment whose editor shows a condition of each kind of input, and an email template copied from a built-in.
     */
    private void contacts(Map<String, String> ids) {
        ids.put("contact", id(api.as(owner).post("/api/v1/email/contacts", """
                {"email":"ana.maria.de.oliveira.lima.and.a-rather-long-local-part@subdomain.example.com","name":"Ana Lima",
                "attributes":{"city":"Lisbon","plan":"pro"},"timeZone":"Europe/Lisbon",
                "consent":{"source":"FORM","evidence":"Newsletter form on example.com: Send me the monthly news"}}""")));
        String other = id(api.as(owner).post("/api/v1/email/contacts", """
                {"email":"bruno@example.com","consent":{"source":"MANUAL","evidence":"Asked at the spring fair"}}"""));
        ok(api.as(owner).post("/api/v1/email/contacts/" + other + "/unsubscribe", "{\"reason\":\"Asked by phone\"}"));
        // saved delivery settings (SMTP still: nothing leaves for SendGrid), so the settings page shows its webhook addresses
        ok(api.as(owner).put("/api/v1/email/delivery-settings", """
                {"provider":"SMTP","sendgridApiKey":"SG.walkKeyId0000000000000.walkSecret00000000000000000000000000"}"""));
        ids.put("unsubscribedContact", other);
        String list = id(api.as(owner).post("/api/v1/email/lists", """
                {"name":"Spring collection newsletter for returning customers","description":"Everyone who asked"}"""));
        ok(api.as(owner).post("/api/v1/email/lists/" + list + "/members", "{\"contactIds\":[\"" + ids.get("contact")
                + "\"]}"));
        ids.put("emailList", list);
        ids.put("segment", id(api.as(owner).post("/api/v1/email/segments", """
                {"name":"Pro customers on the spring newsletter who opened lately","rules":{"match":"ALL","conditions":[
                {"field":"attribute","key":"plan","operator":"equals","value":"pro"},
                {"field":"list","operator":"in","value":"%s"},
                {"field":"opened","operator":"within_days","value":"30"},
                {"field":"status","operator":"is","value":"SUBSCRIBED"}]}}""".formatted(list))));
        ids.put("builtInSegment", java.util.UUID.nameUUIDFromBytes("flightdeck-segment:inactive".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString());
        ids.put("emailTemplate", id(api.as(owner).post("/api/v1/email/templates", """
                {"name":"Spring collection welcome for returning customers","copyFrom":"builtin-promotional"}""")));
        contactImports(ids, list);
    }

    /**
     * A contact import waiting for its mapping (long column names and cells), one finished with an error report, and a
     * contact waiting for their double opt-in with the token of the link mailed to them.
     */
    private void contactImports(Map<String, String> ids, String list) {
        byte[] file = ("Email address;Full name of the person as they wrote it on the sign-up sheet;City;Plan\n"
                + "dora.maria.de.oliveira.lima.and.a-rather-long-local-part@subdomain.example.com;Dora Lima;Lisbon;pro\n"
                + "not-an-address;Eli;Porto;basic\nfay@example.com;Fay;Faro;pro\n").getBytes(StandardCharsets.UTF_8);
        ids.put("contactImportUpload", id(api.as(owner).upload("/api/v1/email/imports", "spring-fair-sign-ups.csv",
                file)));
        String started = id(api.as(owner).upload("/api/v1/email/imports", "spring-fair.csv", file));
        List<Object> mapping = Json.read(ok(api.as(owner).get("/api/v1/email/imports/" + started + "/preview")),
                "$.mapping");
        assertThat(api.as(owner).post("/api/v1/email/imports/" + started + "/start", java.util.Map.of("mapping",
                mapping, "consentEvidence", "Spring fair sign-up sheet", "listId", list))).hasStatus(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> List.of("SUCCEEDED",
                "PARTLY", "FAILED").contains(Json.<String>read(ok(api.as(owner).get("/api/v1/email/imports/"
                + started)), "$.status")));
        ids.put("contactImport", started);
        ok(api.as(owner).put("/api/v1/email/consent-settings", "{\"doubleOptIn\":true,\"keepConsentAddress\":false}"));
        String pending = id(api.as(owner).post("/api/v1/email/contacts", """
                {"email":"gil@example.com","consent":{"source":"FORM","evidence":"Newsletter form on example.com"}}"""));
        ok(api.as(owner).put("/api/v1/email/consent-settings", "{\"doubleOptIn\":false,\"keepConsentAddress\":false}"));
        ids.put("pendingContact", pending);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !Json.<List<String>>read(
                ok(api.as(owner).get("/api/v1/mail-outbox?size=100")), "$.items[?(@.to == 'gil@example.com')].key")
                .isEmpty());
        String key = Json.<List<String>>read(ok(api.as(owner).get("/api/v1/mail-outbox?size=100")),
                "$.items[?(@.to == 'gil@example.com')].key").get(0);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/email/confirm/([A-Za-z0-9_.-]+)").matcher(
                Json.<String>read(ok(api.as(owner).get("/api/v1/mail-outbox/" + key)), "$.text"));
        assertThat(link.find()).isTrue();
        ids.put("optInToken", link.group(1));
    }

    /**
     * An email sent to the walk's list on a campaign launched with the approval scopes off for a moment, and the
     * tokens of the preference and unsubscribe links in the message the outbox holds for its contact.
     */
    private void sentEmail(Map<String, String> ids) {
        ok(api.as(owner).put("/api/v1/email/settings", """
                {"fromName":"Walk Coffee","fromAddress":"news@walk.example","postalAddress":"1 Roastery Lane, Lisbon"}"""));
        String launched = id(api.as(owner).post("/api/v1/campaigns", """
                {"name":"Walk email","description":"An email for the page walk","type":"PRODUCT_LAUNCH",
                 "priority":"MEDIUM","channels":["EMAIL"],"startDate":"2031-03-01","endDate":"2031-04-30",
                 "budget":{"amount":100.00,"currency":"EUR"}}"""));
        List<String> enabled = Json.read(ok(api.as(owner).get("/api/v1/approval-scopes")), "$[?(@.enabled == true)].key");
        enabled.forEach(scope -> ok(api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}")));
        String email;
        try {
            ok(api.as(owner).post("/api/v1/campaigns/" + launched + "/plan"));
            ok(api.as(owner).post("/api/v1/campaigns/" + launched + "/mark-ready"));
            ok(api.as(owner).post("/api/v1/campaigns/" + launched + "/launch", "{\"confirm\":true}"));
            email = id(api.as(owner).post("/api/v1/email/campaigns", """
                    {"campaignId":"%s","name":"Walk news","subject":"Fresh beans","html":"<p>Hello, the beans are in: \
                    <a href=\\"https://shop.example/spring/single-origin-ethiopia-yirgacheffe-washed-light-roast\\">the \
                    Yirgacheffe</a>.</p>","listIds":["%s"]}""".formatted(launched, ids.get("emailList"))));
            assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send",
                    java.util.Map.of("to", owner.email()))).hasStatus(201);
            assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "SENT".equals(
                    Json.read(ok(api.as(owner).get("/api/v1/email/campaigns/" + email)), "$.status")));
        } finally {
            enabled.forEach(scope -> ok(api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":true}")));
        }
        ids.put("sentEmail", email);
        String to = Json.read(ok(api.as(owner).get("/api/v1/email/contacts/" + ids.get("contact"))), "$.email");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !Json.<List<String>>read(
                ok(api.as(owner).get("/api/v1/mail-outbox?size=100")), "$.items[?(@.to == '" + to + "')].key").isEmpty());
        String key = Json.<List<String>>read(ok(api.as(owner).get("/api/v1/mail-outbox?size=100")),
                "$.items[?(@.to == '" + to + "')].key").get(0);
        String text = Json.read(ok(api.as(owner).get("/api/v1/mail-outbox/" + key)), "$.text");
        java.util.regex.Matcher preferences = java.util.regex.Pattern.compile("/email/preferences/([A-Za-z0-9_.-]+)")
                .matcher(text);
        java.util.regex.Matcher unsubscribe = java.util.regex.Pattern.compile("/t/u/([A-Za-z0-9_.-]+)").matcher(text);
        assertThat(preferences.find()).as(text).isTrue();
        assertThat(unsubscribe.find()).as(text).isTrue();
        ids.put("preferencesToken", preferences.group(1));
        ids.put("unsubscribeToken", unsubscribe.group(1));
        // an open and a click by a person, for the report's charts: later than 2 s after the message left, which
        // would read as a prefetch at delivery
        java.util.regex.Matcher click = java.util.regex.Pattern.compile("/t/c/[A-Za-z0-9_.-]+").matcher(text);
        java.util.regex.Matcher pixel = java.util.regex.Pattern.compile("/t/o/[A-Za-z0-9_.-]+").matcher(
                Json.<String>read(ok(api.as(owner).get("/api/v1/mail-outbox/" + key)), "$.html"));
        assertThat(click.find()).as(text).isTrue();
        assertThat(pixel.find()).isTrue();
        try {
            Thread.sleep(2_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
        assertThat(api.anonymous().header("User-Agent", browser).get(pixel.group())).hasStatusOk();
        assertThat(api.anonymous().header("User-Agent", browser).get(click.group())).hasStatus(302);
    }

    /** Work a lead hands the owner, so the bell has a count and the notification centre an unread item. */
    private void notificationsFor(String campaign, Map<String, String> ids) {
        Member lead = workspaces.addMember(owner, Role.MANAGER);
        for (String title : List.of("Approve the hero shot for the Spring collection landing page", "Brief the legal team")) {
            String task = id(api.as(lead).post("/api/v1/campaigns/" + campaign + "/tasks", "{\"title\":\"" + title + "\"}"));
            ok(api.as(lead).put("/api/v1/tasks/" + task + "/assignee", "{\"assigneeId\":\"" + owner.userId() + "\"}"));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> ((Number) Json.read(
                ok(api.as(owner).get("/api/v1/notifications/unseen-count")), "$.unseen")).intValue() >= 2); // and renders, posts
        ids.put("notification", Json.read(ok(api.as(owner).get("/api/v1/notifications")), "$.items[0].id"));
        // each task was mailed too (tasks reach members by email by default), beside what else the owner was mailed
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Json.<List<String>>read(ok(api.as(owner).get("/api/v1/mail-outbox?size=100")), "$.items[*].subject"))
                .as("the owner's mail").filteredOn(subject -> subject.startsWith("Task for you: ")).hasSize(2));
        ids.put("mail", Json.<List<String>>read(ok(api.as(owner).get("/api/v1/mail-outbox")), "$.items[*].key").get(0));
        // a webhook endpoint nobody listens at: its log has a test message that failed and waits for its next try
        MvcTestResult endpoint = api.as(owner).post("/api/v1/webhook-endpoints", """
                {"url":"http://127.0.0.1:9/flightdeck/hooks/a-rather-long-path-that-must-wrap-on-a-phone","description":
                "Data warehouse","eventTypes":["*"]}""");
        assertThat(endpoint).as(Json.body(endpoint)).hasStatus(201);
        String webhook = Json.read(endpoint, "$.endpoint.id");
        assertThat(api.as(owner).post("/api/v1/webhook-endpoints/" + webhook + "/test")).hasStatus(202);
        ids.put("webhook", webhook);
    }

    /**
     * A team with job titles and skills whose members the campaign's tasks are spread over, so that the team page shows
     * every load band; answers the first day of the plan, where its heat map starts.
     */
    private String busyTeam(String campaign) {
        for (Role role : List.of(Role.CONTRIBUTOR, Role.MANAGER)) {
            Member member = workspaces.addMember(owner, role);
            ok(api.as(owner).put("/api/v1/team/members/" + member.userId(), """
                    {"jobTitle":"%s","skills":{"copywriting":4,"design":2},"capacityPct":50}"""
                    .formatted(role == Role.MANAGER ? "Campaign manager" : "Designer")));
        }
        ok(api.as(owner).put("/api/v1/team/members/" + owner.userId(), "{\"jobTitle\":\"Head of marketing\"}"));
        ok(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks/auto-assign"));
        List<String> starts = Json.read(ok(api.as(owner).get("/api/v1/campaigns/" + campaign + "/tasks?size=50")),
                "$.items[?(@.kind == 'TASK')].startDate");
        return starts.stream().filter(java.util.Objects::nonNull).sorted().findFirst().orElseThrow();
    }

    /** The sandbox's id of a post published on a second, launched campaign. */
    private String publishedSandboxPost(String sandbox) {
        String launched = id(api.as(owner).post("/api/v1/campaigns", """
                {"name":"Walk posts","description":"Posts for the page walk","type":"PRODUCT_LAUNCH",
                 "priority":"MEDIUM","channels":["LINKEDIN"],"startDate":"2031-03-01","endDate":"2031-04-30",
                 "budget":{"amount":100.00,"currency":"EUR"}}"""));
        List<String> enabled = Json.read(ok(api.as(owner).get("/api/v1/approval-scopes")), "$[?(@.enabled == true)].key");
        enabled.forEach(scope -> ok(api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}")));
        try {
            ok(api.as(owner).post("/api/v1/campaigns/" + launched + "/plan"));
            ok(api.as(owner).post("/api/v1/campaigns/" + launched + "/mark-ready"));
            ok(api.as(owner).post("/api/v1/campaigns/" + launched + "/launch", "{\"confirm\":true}"));
            String post = id(api.as(owner).post("/api/v1/social/schedule", """
                    {"campaignId":"%s","accountId":"%s","text":"Walk post","at":"%s"}"""
                    .formatted(launched, sandbox, java.time.Instant.now().plusSeconds(1))));
            long deadline = System.currentTimeMillis() + 60_000;
            while (true) {
                MvcTestResult found = ok(api.as(owner).get("/api/v1/social/posts/" + post));
                if ("PUBLISHED".equals(Json.<String>read(found, "$.status"))) {
                    return Json.read(found, "$.channels[0].externalId");
                }
                assertThat(System.currentTimeMillis()).as("post %s still not published: %s", post, Json.body(found))
                        .isLessThan(deadline);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            enabled.forEach(scope -> ok(api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":true}")));
        }
    }

    private String awaitRender(String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"PUBLISHED".equals(Json.<String>read(ok(api.as(owner).get("/api/v1/render-jobs/" + id + "/status")),
                "$.status"))) {
            assertThat(System.currentTimeMillis()).as("render %s still under way", id).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return id;
    }

    private String awaitImport(String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!List.of("SUCCEEDED", "PARTLY", "FAILED").contains(
                Json.<String>read(ok(api.as(owner).get("/api/v1/campaign-assets/imports/" + id)), "$.status"))) {
            assertThat(System.currentTimeMillis()).as("import %s still under way", id).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return id;
    }

    /** The content module's 2,012-word fixture, read from the test resources (its helper is internal to content). */
    private static String longPost() {
        try (var in = PageWalkBrowserTests.class.getResourceAsStream("/content/long-post.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static MvcTestResult ok(MvcTestResult result) {
        assertThat(result).as(Json.body(result)).hasStatusOk();
        return result;
    }

    private static String id(MvcTestResult result) {
        assertThat(result).as(Json.body(result)).hasStatus(201);
        return Json.read(result, "$.id");
    }
}
