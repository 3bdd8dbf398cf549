package io.flightdeck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.flightdeck.support.Chromium;
import org.awaitility.Awaitility;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An email's whole way on the demo workspace, in Chromium: the manager writes it in the wizard and sends it for
 * approval; the approver finds it in their inbox, sees it as its recipient will and approves it; the manager rewrites
 * it, and the rewrite waits for its own approval (sending is refused meanwhile); the approver approves the rewrite;
 * the manager sends it; the recipient's mail (the outbox, the offline mail transport) carries the rewritten text, and
 * a click on its link reaches the campaign's dashboard. Only the sender settings and the one-person list are made
 * through the API: the demo has no email contacts.
 */
final class EmailApprovalJourney {

    /** A person's browser: headless Chromium names itself, and tracking counts it as a machine. */
    private static final String SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    private static final String MANAGER = "demo@flightdeck.local";
    private static final String APPROVER = "sam.approver@flightdeck.local";
    private static final String RECIPIENT = "ana.recipient@example.com";
    private static final String NAME = "Cloud 3.0 news";

    private final String base;
    private final Runnable emailFactsNow;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param emailFactsNow makes the job that gives analytics the email numbers due now (it runs every minute) */
    EmailApprovalJourney(int port, Runnable emailFactsNow) {
        this.base = "http://localhost:" + port;
        this.emailFactsNow = emailFactsNow;
    }

    void run() throws Exception {
        String token = JsonPath.read(call("POST", "/api/v1/auth/token", null, """
                {"email":"%s","password":"%s"}""".formatted(MANAGER, DemoWorkspaceWalk.PASSWORD)), "$.accessToken");
        List<String> live = JsonPath.read(call("GET", "/api/v1/campaigns?size=100", token, null),
                "$.items[?(@.name == 'Northwind Cloud 3.0 launch')].id");
        String campaign = live.get(0);
        call("PUT", "/api/v1/email/settings", token, """
                {"fromName":"Northwind","fromAddress":"news@northwind.example","postalAddress":"1 Harbour St, Hamburg"}""");
        String contact = JsonPath.read(call("POST", "/api/v1/email/contacts", token, """
                {"email":"%s","name":"Ana Recipient","consent":{"source":"FORM","evidence":"Signed up on the form"}}"""
                .formatted(RECIPIENT)), "$.id");
        String list = JsonPath.read(call("POST", "/api/v1/email/lists", token, "{\"name\":\"Launch readers\"}"), "$.id");
        call("POST", "/api/v1/email/lists/" + list + "/members", token, "{\"contactIds\":[\"" + contact + "\"]}");

        try (Chromium chromium = Chromium.start()) {
            BrowserContext managerContext = chromium.newContext(SAFARI);
            Page manager = signIn(managerContext.newPage(), MANAGER);
            Page approver = signIn(chromium.newContext(SAFARI).newPage(), APPROVER);

            // 1. the manager writes the email in the wizard and sends it for approval
            String email = write(manager, campaign, "Cloud 3.0 is here, with faster backups.");
            testAndAskForApproval(manager, email);
            // (the wizard's every saved step was a revision of its own)
            int first = waitingRevision(manager);
            assertThat(manager.locator(".email-readiness")).not().containsText("changed after");

            // 2. the approver finds it in their inbox, sees it as Ana will, and approves it
            approve(approver, "faster backups");

            // 3. the manager rewrites it: revision 2 waits for its own approval, and sending is refused meanwhile
            manager.navigate(base + "/email/campaigns/" + email + "?step=content");
            manager.locator("#content-html").fill(body("Cloud 3.0 is here, and everything is half price this week."));
            manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and go on")).click();
            manager.waitForURL(Pattern.compile(".*step=ab.*"));
            manager.navigate(base + "/email/campaigns/" + email + "?step=review");
            sendTest(manager);
            int rewrite = waitingRevision(manager);
            org.assertj.core.api.Assertions.assertThat(rewrite).as("the rewrite's revision").isGreaterThan(first);
            assertThat(manager.locator(".email-readiness")).containsText("it changed after an earlier revision was sent");
            manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send now")).click();
            assertThat(manager.locator("#toasts")).containsText("Revision " + rewrite + " waits for approval");

            // 4. the approver sees the rewrite and approves it
            approve(approver, "half price");

            // 5. the manager sends it
            manager.navigate(base + "/email/campaigns/" + email + "?step=review");
            assertThat(manager.locator(".email-readiness")).not().containsText("waits for approval");
            manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send now")).click();
            assertThat(manager.locator(".toast").first()).containsText("Sending has started");
            assertThat(manager.locator("#email-progress .card").first().locator(".card-header .badge"))
                    .hasText("Sent", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                            .setTimeout(30_000));

            // 6. Ana's mail carries the rewrite; she clicks its link, and the click reaches the dashboard
            long before = emailClicks(manager, campaign);
            manager.navigate(base + "/settings/mail-outbox");
            manager.locator("tr").filter(new Locator.FilterOptions().setHasText(RECIPIENT))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Cloud 3.0")))
                    .first().click();
            FrameLocator mail = manager.frameLocator("iframe.mail-html");
            assertThat(mail.locator("body")).containsText("Hello Ana, Cloud 3.0 is here, and everything is half price");
            assertThat(mail.locator("body")).not().containsText("faster backups");
            String link = mail.locator("a", new FrameLocator.LocatorOptions().setHasText("See what is new"))
                    .getAttribute("href");
            // a click within two seconds of delivery counts as a link scanner's: Ana reads her mail first
            manager.waitForTimeout(2_500);
            Page reader = managerContext.newPage();
            com.microsoft.playwright.Response click = reader.waitForResponse(r -> r.url().contains("/t/c/"), () -> {
                try {
                    reader.navigate(link);
                } catch (com.microsoft.playwright.PlaywrightException offline) {
                    // the landing page is not on this machine's network: the redirect to it is what counts
                }
            });
            org.assertj.core.api.Assertions.assertThat(click.status()).isEqualTo(302);
            org.assertj.core.api.Assertions.assertThat(click.headerValue("location"))
                    .isEqualTo("https://northwind.example/cloud");
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                emailFactsNow.run();
                return emailClicks(manager, campaign) == before + 1;
            });
            manager.navigate(base + "/email/campaigns/" + email + "/report");
            assertThat(manager.locator("dl div", new Page.LocatorOptions().setHasText("Clicked")).first())
                    .containsText("1 person");
        }
    }

    /** The email made in the wizard from its first step to the review, with the given sentence in its body. */
    private String write(Page page, String campaign, String sentence) {
        page.navigate(base + "/email/campaigns");
        page.locator("#new-campaign").selectOption(campaign);
        page.locator("#new-name").fill(NAME);
        page.locator("#new-template").selectOption(new SelectOption().setLabel("Newsletter"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make email")).click();
        page.waitForURL(Pattern.compile(".*step=audience.*"));
        String email = page.url().replaceAll(".*/email/campaigns/([0-9a-f-]{36}).*", "$1");
        page.getByLabel("Launch readers (1)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and go on")).click();
        page.waitForURL(Pattern.compile(".*step=content.*"));
        page.locator("#content-subject").fill("Cloud 3.0 is here");
        page.locator("#content-html").fill(body(sentence));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and go on")).click();
        page.waitForURL(Pattern.compile(".*step=ab.*"));
        page.navigate(base + "/email/campaigns/" + email + "?step=review");
        return email;
    }

    private static String body(String sentence) {
        return "<p>Hello {{first_name | \"there\"}}, " + sentence + "</p>\n"
                + "<p><a href=\"https://northwind.example/cloud\">See what is new</a></p>";
    }

    /** The revision the email's checklist says waits for approval. */
    private static int waitingRevision(Page page) {
        Locator item = page.locator(".email-readiness li", new Page.LocatorOptions().setHasText("waits for approval"));
        assertThat(item).hasCount(1);
        java.util.regex.Matcher revision = Pattern.compile("Revision (\\d+) waits for approval")
                .matcher(item.textContent());
        org.assertj.core.api.Assertions.assertThat(revision.find()).as(item.textContent()).isTrue();
        return Integer.parseInt(revision.group(1));
    }

    private static void sendTest(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test")).click();
        assertThat(page.locator("#test-send-outcome")).containsText("A test went to");
    }

    private static void testAndAskForApproval(Page page, String email) {
        sendTest(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send for approval")).click();
        page.waitForURL(Pattern.compile(".*/email/campaigns/" + email + ".*"));
    }

    /** The approver opens the email's row in their inbox, sees the version with {@code text}, and approves it. */
    private void approve(Page page, String text) {
        page.navigate(base + "/approvals");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile(NAME))).first().click();
        page.waitForURL(Pattern.compile(".*/approvals/[0-9a-f-]{36}$"));
        assertThat(page.frameLocator("iframe.email-preview").first().locator("body")).containsText(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertThat(page.locator(".toast").first()).containsText("pprove");
    }

    /** The campaign dashboard's clicks on the EMAIL row (0 without one), read from the page. */
    private long emailClicks(Page page, String campaign) {
        page.navigate(base + "/analytics/campaigns/" + campaign);
        Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHas(page.locator("th a",
                new Page.LocatorOptions().setHasText(Pattern.compile("^EMAIL$")))));
        if (row.count() == 0) {
            return 0;
        }
        return Long.parseLong(row.first().locator("td").nth(1).locator("span").first().textContent()
                .replaceAll("[^0-9]", ""));
    }

    private Page signIn(Page page, String who) {
        page.navigate(base + "/login");
        page.locator("#email").fill(who);
        page.locator("#password").fill(DemoWorkspaceWalk.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(base + "/");
        return page;
    }

    private String call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
