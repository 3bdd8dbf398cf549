package io.flightdeck.publishing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.publishing.networks.facebook.FakeFacebook;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.SampleVideos;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.flightdeck.publishing.NetworkOAuthFakes.AUTH;
import static io.flightdeck.publishing.NetworkOAuthFakes.FACEBOOK;
import static io.flightdeck.publishing.NetworkOAuthFakes.INSTAGRAM;
import static io.flightdeck.publishing.NetworkOAuthFakes.LINKEDIN;
import static io.flightdeck.publishing.NetworkOAuthFakes.LINKEDIN_AUTH;
import static io.flightdeck.publishing.NetworkOAuthFakes.TIKTOK;
import static io.flightdeck.publishing.NetworkOAuthFakes.X;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 50's journey in Chromium: an admin connects X, a LinkedIn page, a Facebook Page, an Instagram business account
 * and TikTok through the channels page and each network's (fake) sign-in, uploads one short vertical video, attaches
 * it to one creative, and schedules it to all five from the composer, making the choices the networks ask for
 * (TikTok's privacy level, which has no default, and its switches, two of them greyed out with the reason; a Reel on
 * Facebook and Instagram). An approver approves the copy and the schedule, the campaign launches, and the campaign's
 * posts show each of the five published with the network's link; each fake holds exactly one post, with the approved
 * text. The composer with TikTok's choices and the published posts fit a phone and pass axe.
 */
@BrowserTest
class NetworksJourneyBrowserTests {

    private static final LocatorAssertions.ContainsTextOptions LONG =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;

    private final Map<String, Integer> violationsBefore = new java.util.LinkedHashMap<>();

    @BeforeEach
    void countViolations() {
        violationsBefore.putAll(violations());
    }

    @AfterEach
    void callbacksBackAndNoNewViolations() {
        AUTH.redirectUri = NetworkOAuthFakes.CALLBACK;
        LINKEDIN_AUTH.redirectUri = NetworkOAuthFakes.LINKEDIN_CALLBACK;
        FACEBOOK.redirectUri = "http://localhost/channels/oauth/facebook/callback";
        INSTAGRAM.redirect = "http://localhost/channels/oauth/instagram/callback";
        TIKTOK.redirectUri = null;
        TIKTOK.duetDisabled = false;
        assertThat(violations()).as("requests off the networks' documented shapes").isEqualTo(violationsBefore);
    }

    private static Map<String, Integer> violations() {
        return Map.of("x", X.violations.size(), "x-auth", AUTH.violations.size(), "linkedin", LINKEDIN.violations.size(),
                "linkedin-auth", LINKEDIN_AUTH.violations.size(), "facebook", FACEBOOK.violations.size(),
                "instagram", INSTAGRAM.violations.size(), "tiktok", TIKTOK.violations.size());
    }

    @Test
    void oneCreativeScheduledToFiveNetworksGoesOutOnEach(WebUi ui, Page page) throws Exception {
        // the networks send the person back to this application's own address
        AUTH.redirectUri = ui.url("/channels/oauth/x/callback");
        LINKEDIN_AUTH.redirectUri = ui.url("/channels/oauth/linkedin/callback");
        FACEBOOK.redirectUri = ui.url("/channels/oauth/facebook/callback");
        INSTAGRAM.redirect = ui.url("/channels/oauth/instagram/callback");
        TIKTOK.redirectUri = ui.url("/channels/oauth/tiktok/callback");
        LINKEDIN.at("http://localhost:" + NetworkOAuthFakes.SERVER.getPort());
        TIKTOK.duetDisabled = true; // the creator turned Duet off: the composer greys it out and says why

        Member admin = workspaces.workspace("Five networks");
        Member approver = workspaces.addMember(admin, Role.APPROVER);
        for (String scope : List.of("strategy", "ads")) {
            api.as(admin).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}");
        }
        ApprovalRequests requests = new ApprovalRequests(mvc);
        String campaign = requests.campaign(admin, "Five networks launch");
        requests.makeReady(admin, campaign);
        requests.initialized(admin, campaign);
        String caption = "Our winter roast is out today on five networks " + UUID.randomUUID().toString().substring(0, 8);
        String creative = Json.read(api.as(admin).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Winter roast clip","mode":"MANUAL",
                 "channels":["TWITTER","LINKEDIN","FACEBOOK","INSTAGRAM","TIKTOK"],
                 "texts":{"CAPTION":"%s","HEADLINE":"Winter roast"}}""".formatted(campaign, caption)), "$.id");

        PageChecks.install(page.context());
        ui.signIn(page, admin);
        connect(page, ui, "X", null, "Roastery");
        connect(page, ui, "LinkedIn", "Acme Coffee", "Acme Coffee");
        connect(page, ui, "Facebook", FakeFacebook.PAGE_NAME, FakeFacebook.PAGE_NAME);
        connect(page, ui, "Instagram", null, "Acme Coffee");
        connect(page, ui, "TikTok", null, "Acme Coffee");
        Map<String, String> accounts = accountsByNetwork(admin);
        assertThat(accounts).containsOnlyKeys("x", "linkedin", "facebook", "instagram", "tiktok");
        page.screenshot(ui.screenshot("networks-connected"));

        // one vertical H.264 clip every network takes: 9:16, 540×960, 4 s
        Path clip = SampleVideos.mp4(Files.createTempFile("winter-roast", ".mp4"), 540, 960, 24, 4);
        page.navigate(ui.url("/assets"));
        page.locator("#upload-input").setInputFiles(new FilePayload("winter-roast-540x960.mp4", "video/mp4",
                Files.readAllBytes(clip)));
        assertThat(page.locator("[data-upload-list] .upload-row .upload-status").first()).containsText("Added", LONG);
        page.navigate(ui.url("/creatives/" + creative));
        page.locator("#videoAssetId").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("winter-roast-540x960.mp4"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save image and video")).click();
        assertThat(page.locator("#videoAssetId option:checked")).containsText("winter-roast-540x960.mp4", LONG);

        // the composer: every network's account ticked, and the choices each network asks for
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Schedule posts of Winter roast clip")).click();
        assertThat(page.locator("h1")).hasText("Schedule “Winter roast clip”");
        String tiktok = accounts.get("tiktok");
        Locator tiktokChoices = page.locator("fieldset.composer-options[data-account='" + tiktok + "']");
        assertThat(tiktokChoices.locator("legend")).hasText("On " + "Acme Coffee (TikTok)");
        Locator privacy = page.locator("#opt_" + tiktok + "_privacy");
        assertThat(privacy.locator("option:checked")).hasText("Choose…"); // no default: a person chooses
        Locator duets = page.locator("#opt_" + tiktok + "_duets");
        assertThat(duets).isDisabled();
        assertThat(page.locator("#opt_" + tiktok + "_duets-help")).containsText("turned Duet off");
        assertThat(page.locator("#opt_" + tiktok + "_branded-content")).isDisabled();
        assertThat(page.locator("#opt_" + tiktok + "_branded-content-help"))
                .containsText("does not allow branded content to be private");
        phoneChecks(page, "the composer with TikTok's choices");
        page.setViewportSize(1280, 900);

        for (String network : accounts.keySet()) {
            page.locator("input[name=accountIds][value='" + accounts.get(network) + "']").check();
        }
        page.locator("#opt_" + tiktok + "_comments").check();
        page.locator("#opt_" + accounts.get("instagram") + "_format").selectOption("reel");
        page.locator("#opt_" + accounts.get("facebook") + "_format").selectOption("reel");
        // first without TikTok's privacy level: refused at its field (seen: the field's message was empty, a map read
        // by a variable's name), nothing scheduled, and the choices made come back as they were
        page.getByLabel("Post now").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule")).click();
        assertThat(tiktokChoices.locator(".field-error")).containsText("Who can see this video (posting as Acme Coffee): "
                + "choose one.", LONG);
        assertThat(Json.<Integer>read(api.as(admin).get("/api/v1/social/queue/" + campaign), "$.total")).isZero();
        assertThat(page.locator("#opt_" + tiktok + "_comments")).isChecked();
        assertThat(page.locator("#opt_" + accounts.get("instagram") + "_format")).hasValue("reel");
        assertThat(page.locator("#opt_" + accounts.get("facebook") + "_format")).hasValue("reel");

        privacy.selectOption("SELF_ONLY");
        assertThat(page.getByLabel("Post now")).isChecked();
        page.screenshot(ui.screenshot("networks-composer").setFullPage(true));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule")).click();
        page.waitForURL("**/campaigns/" + campaign + "/tabs/posts**");
        Locator posts = page.locator(".social-panel .channel-post");
        assertThat(posts).hasCount(5, new LocatorAssertions.HasCountOptions().setTimeout(30_000));

        // the approver approves the copy and the schedule
        BrowserContext second = ui.newContext();
        Page approverPage = second.newPage();
        ui.signIn(approverPage, approver);
        for (String scope : List.of("content", "schedule")) {
            String approval = requests.scopeId(admin, campaign, scope);
            approverPage.navigate(ui.url("/approvals/" + approval));
            approverPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> requests.state(admin, approval).equals("APPROVED"));
        }
        second.close();

        // launched: each of the five goes out, with the network's link
        var launched = requests.launch(admin, campaign, null);
        assertThat(launched.getResponse().getStatus()).as(launched.getResponse().getContentAsString()).isEqualTo(200);
        String post = Json.read(api.as(admin).get("/api/v1/social/queue/" + campaign), "$.items[0].id");
        Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(Json.<List<String>>read(api.as(admin).get("/api/v1/social/posts/" + post), "$.channels[*].status"))
                        .as(Json.body(api.as(admin).get("/api/v1/social/posts/" + post)))
                        .containsOnly("PUBLISHED").hasSize(5));
        page.navigate(ui.url("/campaigns/" + campaign + "/tabs/posts"));
        assertThat(page.locator(".social-panel .channel-post[data-status=PUBLISHED]")).hasCount(5,
                new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        // X, LinkedIn and Instagram name their own hosts; Facebook's and TikTok's web addresses are their fakes'
        Map<String, String> hosts = Map.of("X (Twitter)", "https://x.com/roastery/status/", "LinkedIn",
                "https://www.linkedin.com/feed/update/", "Facebook", "/reel/", "Instagram", "instagram.com/");
        for (Map.Entry<String, String> network : hosts.entrySet()) {
            Locator channelPost = posts.filter(new Locator.FilterOptions().setHas(page.locator(".channel-post-head .muted",
                    new Page.LocatorOptions().setHasText(network.getKey()))));
            assertThat(channelPost).hasCount(1);
            assertThat(channelPost.locator("[data-field=status]")).hasText("Published");
            // Java's \Q…\E quoting means nothing to the browser's regular expressions: compare the address here
            assertThat(channelPost.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("See the post"))
                    .getAttribute("href")).as(network.getKey()).contains(network.getValue());
        }
        // an Only-me post has no public address on TikTok (no publicaly_available_post_id), so there is nothing to open
        Locator tiktokPost = posts.filter(new Locator.FilterOptions().setHas(page.locator(".channel-post-head .muted",
                new Page.LocatorOptions().setHasText("TikTok"))));
        assertThat(tiktokPost.locator("[data-field=status]")).hasText("Published");
        assertThat(tiktokPost.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("See the post")))
                .hasCount(0);
        page.screenshot(ui.screenshot("networks-published").setFullPage(true));
        phoneChecks(page, "the campaign's published posts");

        // each network holds exactly one post, with the text that was approved for it
        var sent = api.as(admin).get("/api/v1/social/posts/" + post);
        Map<String, String> texts = new java.util.HashMap<>();
        for (Map<String, Object> c : Json.<List<Map<String, Object>>>read(sent, "$.channels[*]")) {
            texts.put(String.valueOf(c.get("accountId")), String.valueOf(c.get("text")));
        }
        texts.values().forEach(text -> assertThat(text).contains(caption));
        assertThat(X.created.stream().filter(t -> t.text != null && t.text.contains(caption)).toList())
                .singleElement().satisfies(t -> {
                    assertThat(t.text).isEqualTo(texts.get(accounts.get("x")));
                    assertThat(t.mediaIds).hasSize(1);
                });
        assertThat(LINKEDIN.posts.stream().filter(p -> p.commentary().contains(caption)).toList()).singleElement()
                .satisfies(p -> assertThat(p.commentary()).isEqualTo(texts.get(accounts.get("linkedin"))));
        assertThat(FACEBOOK.videos.values().stream().filter(v -> v.description != null && v.description.contains(caption))
                .toList()).singleElement().satisfies(v -> {
                    assertThat(v.reel).isTrue();
                    assertThat(v.description).isEqualTo(texts.get(accounts.get("facebook")));
                });
        assertThat(INSTAGRAM.media.stream().filter(m -> m.caption() != null && m.caption().contains(caption)).toList())
                .singleElement().satisfies(m -> {
                    // published from a REELS container; Instagram names the published Reel's media_type VIDEO
                    assertThat(INSTAGRAM.containers.get(m.container()).mediaType).isEqualTo("REELS");
                    assertThat(m.mediaType()).isEqualTo("VIDEO");
                    assertThat(m.caption()).isEqualTo(texts.get(accounts.get("instagram")));
                });
        assertThat(TIKTOK.publishes.stream().filter(p -> p.postInfo.path("title").asString("").contains(caption))
                .toList()).singleElement().satisfies(p -> {
                    assertThat(p.postInfo.path("title").asString()).isEqualTo(texts.get(tiktok));
                    assertThat(p.postInfo.path("privacy_level").asString()).isEqualTo("SELF_ONLY");
                    assertThat(p.postInfo.path("disable_comment").asBoolean()).isFalse();
                    assertThat(p.postInfo.path("disable_duet").asBoolean()).isTrue();
                });
    }

    /** The channels page's button for the network, its sign-in, and (where the permission covers several) the pick. */
    private static void connect(Page page, WebUi ui, String network, String pick, String connected) {
        page.navigate(ui.url("/channels"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect " + network).setExact(true)).click();
        if (pick != null) {
            page.waitForURL("**/channels/connect/**");
            Locator candidates = page.locator("label.connect-candidate");
            for (Locator candidate : candidates.all()) {
                candidate.locator("input").setChecked(candidate.textContent().contains(pick));
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect").setExact(true)).click();
        }
        // the flash names the account and its network: only a finished connection says so
        assertThat(page.locator("body")).containsText("Connected " + connected + " (" + network + ")", LONG);
        // Instagram's answer ends in #_ (as Meta documents), which the browser keeps through the redirect
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/channels(#_)?$"));
    }

    private Map<String, String> accountsByNetwork(Member admin) {
        var list = api.as(admin).get("/api/v1/channels");
        List<String> networks = Json.read(list, "$[*].network");
        List<String> ids = Json.read(list, "$[*].id");
        Map<String, String> byNetwork = new java.util.LinkedHashMap<>();
        for (int i = 0; i < networks.size(); i++) {
            byNetwork.put(networks.get(i), ids.get(i));
        }
        return byNetwork;
    }

    /** At a phone's width: no sideways scrolling, nothing serious or critical for axe. */
    private static void phoneChecks(Page page, String what) {
        page.setViewportSize(390, 844);
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as("%s at 390 px", what).isNull();
        assertThat(PageChecks.axeViolations(page)).as("%s under axe", what).isEmpty();
    }
}
