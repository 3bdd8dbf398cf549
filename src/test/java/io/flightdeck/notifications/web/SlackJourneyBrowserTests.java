package io.flightdeck.notifications.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.notifications.slack.FakeSlackApi;
import io.flightdeck.notifications.slack.FakeSlackServer;
import io.flightdeck.notifications.slack.SlackClicks;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack in Chromium, against the test JVM's Slack fake: an owner installs the app from Settings → Slack (Slack's
 * consent page is played by the browser's route to slack.com, which sends the browser back to the callback with a code,
 * as Slack does) and a member finds and confirms themself on My notifications; an approver linked to Slack approves
 * with a signed click sent over HTTP, and the requester's approval page and the Slack message both say who decided;
 * a member picks an email digest, which is kept, while in-app and Slack cells offer no digest. The new pages pass axe
 * and do not scroll sideways at 390 px.
 */
@BrowserTest
class SlackJourneyBrowserTests {

    private static final FakeSlackApi SLACK = FakeSlackServer.fake();
    private static final String AUTHORIZE = "https://slack.com/oauth/v2/authorize";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;

    @Test
    void anOwnerInstallsSlackAndAMemberFindsAndConfirmsThemself(WebUi ui) {
        Member owner = workspaces.workspace("Slack journey");
        Member member = workspaces.addMember(owner, Role.APPROVER);
        String slackUser = "UJY" + Long.toHexString(System.nanoTime()).toUpperCase();
        SLACK.addUser(member.email(), slackUser, "Avery Lima");

        // 1. The owner installs the app; the route plays Slack's consent page, whose Allow goes back to the callback.
        BrowserContext ownerContext = ui.newContext();
        PageChecks.install(ownerContext);
        AtomicReference<Map<String, String>> asked = new AtomicReference<>();
        AtomicReference<String> code = new AtomicReference<>();
        ownerContext.route(url -> url.startsWith(AUTHORIZE), route -> consentPage(route, asked, code));
        Page ownerPage = ownerContext.newPage();
        ui.signIn(ownerPage, owner);
        ownerPage.navigate(ui.url("/settings/slack"));
        assertThat(ownerPage.locator("#slack-connection")).containsText("Not connected");
        ownerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Install the Slack app")).click();
        assertThat(ownerPage.getByRole(AriaRole.HEADING)).hasText("Flightdeck wants to join Flightdeck Test");
        assertThat(asked.get()).containsEntry("client_id", FakeSlackApi.CLIENT_ID)
                .containsEntry("redirect_uri", ui.url("/settings/slack/callback"));
        assertThat(asked.get().get("scope").split(",")).contains("chat:write", "users:read.email");
        ownerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Allow")).click();

        assertThat(ownerPage).hasURL(ui.url("/settings/slack"));
        assertThat(ownerPage.locator(".toast")).containsText("Slack connected: Flightdeck Test. Members link themselves "
                + "in My notifications.");
        Locator facts = ownerPage.locator("#slack-connection .slack-facts");
        assertThat(facts).containsText("The Flightdeck app, installed");
        assertThat(facts).containsText("Flightdeck Test");
        assertThat(ownerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Install the app again"))).isVisible();
        assertThat(SLACK.calls("oauth.v2.access")).filteredOn(call -> code.get().equals(call.form().get("code")))
                .singleElement().satisfies(call -> assertThat(call.form()).containsEntry("redirect_uri",
                        ui.url("/settings/slack/callback")));
        String botToken = SLACK.lastIssuedToken();
        assertThat((String) Json.read(api.as(owner).get("/api/v1/slack"), "$.mode")).isEqualTo("app");
        passesOnAPhone(ownerPage, "Settings → Slack, connected");

        // 2. The member finds themself by their email, confirms, and sees the link.
        BrowserContext memberContext = ui.newContext();
        PageChecks.install(memberContext);
        Page page = memberContext.newPage();
        ui.signIn(page, member);
        page.navigate(ui.url("/notifications/preferences"));
        Locator card = page.locator("#slack");
        assertThat(card.getByRole(AriaRole.STATUS)).hasText("Not linked");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Find me in Slack")).click();
        assertThat(page.locator(".toast")).containsText("Slack found “Avery Lima”: confirm below if that is you");
        assertThat(card.getByRole(AriaRole.STATUS)).hasText("Slack found Avery Lima: is that you?");
        assertThat((String) Json.read(api.as(member).get("/api/v1/slack/link"), "$.status")).isEqualTo("proposed");
        assertThat(SLACK.calls("users.lookupByEmail")).filteredOn(call -> member.email().equals(call.form().get("email")))
                .singleElement().satisfies(call -> assertThat(call.header("Authorization")).isEqualTo("Bearer " + botToken));

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, that is me")).click();
        assertThat(page.locator(".toast")).containsText("Linked to Slack: what you choose for Slack reaches you there");
        assertThat(card.getByRole(AriaRole.STATUS)).hasText("Linked to Avery Lima");
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Find me in Slack"))).hasCount(0);
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unlink"))).isVisible();
        assertThat((String) Json.read(api.as(member).get("/api/v1/slack/link"), "$.status")).isEqualTo("linked");
        assertThat((String) Json.read(api.as(member).get("/api/v1/slack/link"), "$.slackUserId")).isEqualTo(slackUser);
        page.reload();
        assertThat(card.getByRole(AriaRole.STATUS)).hasText("Linked to Avery Lima");
        passesOnAPhone(page, "My notifications, linked to Slack");

        // 3. The owner's settings count the member.
        ownerPage.reload();
        assertThat(facts.locator("xpath=./dt[normalize-space()='Members linked']/following-sibling::dd[1]")).hasText("1");
    }

    @Test
    void aLinkedApproverApprovesFromSlackAndTheRequesterSeesWhoDecided(WebUi ui) throws Exception {
        Member owner = workspaces.workspace("Slack journey approvals");
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        Member requester = workspaces.addMember(owner, Role.CONTRIBUTOR);
        ApprovalRequests approvals = new ApprovalRequests(mvc);
        approvals.rename(approver, "Avery Santos");
        // the install without a browser (test 1 walks the browser's way), then the approver finds and confirms themself
        Map<String, String> asked = query(Json.read(api.as(owner).post("/api/v1/slack/install"), "$.authorizeUrl"));
        SLACK.expectRedirect(asked.get("redirect_uri"));
        assertThat(api.as(owner).post("/api/v1/slack/install/complete", Map.of("state", asked.get("state"),
                "code", SLACK.newCode()))).hasStatusOk();
        String slackUser = "UAS" + Long.toHexString(System.nanoTime()).toUpperCase();
        SLACK.addUser(approver.email(), slackUser, "Avery Santos");
        assertThat((String) Json.read(api.as(approver).post("/api/v1/slack/link"), "$.status")).isEqualTo("proposed");
        assertThat((String) Json.read(api.as(approver).post("/api/v1/slack/link/confirm"), "$.status")).isEqualTo("linked");
        String campaign = approvals.campaign(owner, "Slack journey launch");
        approvals.initialized(requester, campaign);
        String content = approvals.scopeId(owner, campaign, "content");

        String dm = "D" + slackUser.substring(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> approveButton(dm, content) != null);
        FakeSlackApi.Message message = SLACK.messagesIn(dm).stream()
                .filter(m -> m.blocks() != null && m.blocks().toString().contains(content)).findFirst().orElseThrow();

        Page page = ui.signIn(requester);
        page.navigate(ui.url("/approvals/" + content));
        Locator state = page.locator("h1 .approval-state");
        assertThat(state).hasText("Pending");

        int status = sendApproveClick(ui, slackUser, approveButton(dm, content).path("value").asString(), dm, message.ts());
        assertThat(status).as("Slack's click answered").isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(approvals.state(owner, content)));
        assertThat(approvals.historyKinds(owner, content)).containsOnlyOnce("APPROVED");

        page.reload();
        assertThat(state).hasText("Approved");
        assertThat(page.locator("#stages")).containsText("Approved on");
        Locator history = page.locator("#history .approval-history li")
                .filter(new Locator.FilterOptions().setHasText("Avery Santos"));
        assertThat(history).containsText("Avery Santos approved");

        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.message(dm, message.ts()).edited());
        assertThat(SLACK.message(dm, message.ts()).blocks().toString()).contains("Approved by Avery Santos")
                .doesNotContain("approval.approve");
    }

    @Test
    void aMemberChoosesAnEmailDigestWhichIsKeptAndTheAppAndSlackOfferNone(WebUi ui) {
        Member owner = workspaces.workspace("Slack journey digests");
        Member member = workspaces.addMember(owner, Role.CONTRIBUTOR);
        BrowserContext context = ui.newContext();
        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, member);
        page.navigate(ui.url("/notifications/preferences"));

        int categories = page.locator(".pref-grid fieldset.pref-row").count();
        assertThat(categories).isGreaterThan(1);
        assertThat(page.locator("select[id$='-EMAIL'] option[value='DAILY']")).hasCount(categories);
        assertThat(page.locator("select[id$='-EMAIL'] option[value='WEEKLY']")).hasCount(categories);
        for (String channel : List.of("IN_APP", "SLACK")) {
            assertThat(page.locator("select[id$='-" + channel + "'] option")).hasCount(categories * 3);
            assertThat(page.locator("select[id$='-" + channel + "'] option[value='DAILY'], select[id$='-" + channel
                    + "'] option[value='WEEKLY']")).hasCount(0);
        }
        assertThat(page.locator("#pref-COMMENTS-IN_APP option")).hasText(new String[] {"Default (Immediately)", "Off",
                "Immediately"});

        page.locator("#pref-COMMENTS-EMAIL").selectOption(new SelectOption().setLabel("Daily digest"));
        page.locator("#pref-PLANNING-EMAIL").selectOption("WEEKLY");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.locator(".toast")).containsText("Notification settings saved");
        page.reload();
        assertThat(page.locator("#pref-COMMENTS-EMAIL")).hasValue("DAILY");
        assertThat(page.locator("#pref-COMMENTS-EMAIL option:checked")).hasText("Daily digest");
        assertThat(page.locator("#pref-PLANNING-EMAIL")).hasValue("WEEKLY");
        assertThat(page.locator("#pref-COMMENTS-IN_APP")).hasValue("");

        List<Map<String, Object>> mine = Json.read(api.as(member).get("/api/v1/notifications/preferences"), "$");
        assertThat(mine).filteredOn(cell -> "EMAIL".equals(cell.get("channel")))
                .filteredOn(cell -> cell.get("own") != null)
                .extracting(cell -> cell.get("category") + "=" + cell.get("own"))
                .containsExactlyInAnyOrder("COMMENTS=DAILY", "PLANNING=WEEKLY");
        assertThat(mine).filteredOn(cell -> !"EMAIL".equals(cell.get("channel"))).allMatch(cell -> cell.get("own") == null);
        passesOnAPhone(page, "My notifications with digests");
    }

    /** Slack's consent page, as the browser meets it: who asks, and an Allow that hands a fresh code to the redirect. */
    private static void consentPage(Route route, AtomicReference<Map<String, String>> asked, AtomicReference<String> code) {
        Map<String, String> query = query(route.request().url());
        asked.set(query);
        code.set(SLACK.newCode());
        SLACK.expectRedirect(query.get("redirect_uri")); // Slack sends the browser only to the registered address
        String back = UriComponentsBuilder.fromUriString(query.get("redirect_uri")).queryParam("code", code.get())
                .queryParam("state", query.get("state")).encode().build().toUriString();
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=utf-8").setBody(
                "<!DOCTYPE html><html lang=en><title>Slack</title><h1>Flightdeck wants to join " + FakeSlackApi.TEAM_NAME
                        + "</h1><a href=\"" + back.replace("&", "&amp;") + "\">Allow</a></html>"));
    }

    /** The decoded query of Slack's authorize address: client_id, scope, redirect_uri and state. */
    private static Map<String, String> query(String url) {
        return UriComponentsBuilder.fromUriString(url).build().getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> URLDecoder.decode(e.getValue(), StandardCharsets.UTF_8)));
    }

    /** Approve clicked in the DM, posted to the running server as Slack posts it: form-encoded and signed. */
    private static int sendApproveClick(WebUi ui, String slackUser, String value, String dm, String ts)
            throws IOException, InterruptedException {
        SlackClicks.Signed signed = SlackClicks.sign(SlackClicks.buttonClick(slackUser, "approval.approve", value, dm,
                ts, SLACK.responseUrl().toString()), Instant.now());
        HttpRequest request = HttpRequest.newBuilder(URI.create(ui.url("/api/v1/slack/interactivity")))
                .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .header("X-Slack-Request-Timestamp", signed.timestamp()).header("X-Slack-Signature", signed.signature())
                .POST(HttpRequest.BodyPublishers.ofString(signed.body())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The Approve button of the approval's message in the DM, or null while there is none. */
    private static JsonNode approveButton(String dm, String approvalId) {
        for (FakeSlackApi.Message message : SLACK.messagesIn(dm)) {
            for (JsonNode block : message.blocks() == null ? List.<JsonNode>of() : message.blocks()) {
                for (JsonNode element : block.path("elements")) {
                    if ("approval.approve".equals(element.path("action_id").asString(""))
                            && element.path("value").asString("").contains(approvalId)) {
                        return element;
                    }
                }
            }
        }
        return null;
    }

    /** No serious or critical axe finding and no sideways scrolling at 390 px, then back to the desktop size. */
    private static void passesOnAPhone(Page page, String where) {
        page.setViewportSize(390, 844);
        PageChecks.settle(page);
        assertThat(PageChecks.axeViolations(page)).as("axe on %s", where).isEmpty();
        assertThat(PageChecks.overflow(page)).as("sideways scrolling on %s", where).isNull();
        page.setViewportSize(1280, 800);
    }
}
