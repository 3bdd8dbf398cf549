package io.flightdeck.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The report's charts in a real browser at a phone's width: Chart.js and the page's script load, draw the timeline
 * and the links from the page's JSON, and nothing errs. (The page walk checks its accessibility and width; this checks
 * that the charts are there at all.) Skipped, with the reason, when Chromium is not installed.
 */
@BrowserTest
class EmailReportBrowserTests {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/130.0 Safari/537.36";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    @Test
    void theChartsAreDrawnFromThePagesJson(WebUi ui, Page page) throws Exception {
        Member owner = workspaces.withoutApprovals("Report browser");
        String email = sentAndClicked(owner);
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add(message.text());
            }
        });
        ui.signIn(page, owner);
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/email/campaigns/" + email + "/report"));
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart=links]'))");
        assertThat(page.evaluate("() => Chart.getChart(document.querySelector('canvas[data-chart=timeline]'))"
                + ".data.datasets.map(d => d.data.reduce((a, b) => a + b, 0))")).isEqualTo(List.of(1, 1));
        assertThat(page.evaluate("() => Chart.getChart(document.querySelector('canvas[data-chart=links]')).data.labels"))
                .isEqualTo(List.of("shop.example/autumn/single-…"));
        assertThat((Integer) page.evaluate("() => document.querySelector('canvas[data-chart=links]').width"))
                .isPositive();
        page.screenshot(ui.screenshot("phone-email-report"));
        assertThat(errors).isEmpty();
    }

    /** An email sent to one person through the outbox, who opened it and clicked its link: its id. */
    private String sentAndClicked(Member owner) throws Exception {
        ok(api.as(owner).put("/api/v1/campaign-settings", "{\"readinessThreshold\":0}"));
        ok(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Report Co", "fromAddress",
                "news@report-browser.example", "postalAddress", "1 Main St, Lisbon")));
        String campaign = Json.read(api.as(owner).post("/api/v1/campaigns", Map.of("name", "Report browser",
                "type", "OTHER")), "$.id");
        ok(api.as(owner).post("/api/v1/campaigns/" + campaign + "/plan", "{}"));
        ok(api.as(owner).post("/api/v1/campaigns/" + campaign + "/mark-ready"));
        ok(api.as(owner).post("/api/v1/campaigns/" + campaign + "/launch", "{\"confirm\":true}"));
        String contact = Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email",
                "reader@report-browser.example", "consent", Map.of("source", "FORM", "evidence", "The test form"))), "$.id");
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Readers")), "$.id");
        ok(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds", List.of(contact))));
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign, "name", "Autumn",
                "subject", "Autumn beans", "html", "<p>See <a href=\"https://shop.example/autumn/single-origin-ethiopia"
                        + "-yirgacheffe\">the beans</a>.</p>", "listIds", List.of(list)));
        assertThat(made).hasStatus(201);
        String email = Json.read(made, "$.id");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(Json.read(api.as(owner).get(
                "/api/v1/email/campaigns/" + email), "$.status")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !Json.<List<String>>read(api.as(owner).get(
                "/api/v1/mail-outbox?size=100"), "$.items[?(@.to == 'reader@report-browser.example')].key").isEmpty());
        String key = Json.<List<String>>read(api.as(owner).get("/api/v1/mail-outbox?size=100"),
                "$.items[?(@.to == 'reader@report-browser.example')].key").get(0);
        String html = Json.read(api.as(owner).get("/api/v1/mail-outbox/" + key), "$.html");
        Matcher click = Pattern.compile("/t/c/[A-Za-z0-9_.-]+").matcher(html);
        Matcher pixel = Pattern.compile("/t/o/[A-Za-z0-9_.-]+").matcher(html);
        assertThat(click.find() && pixel.find()).as(html).isTrue();
        Thread.sleep(2_100); // later than a prefetch at delivery
        assertThat(api.anonymous().header("User-Agent", BROWSER).get(pixel.group())).hasStatusOk();
        assertThat(api.anonymous().header("User-Agent", BROWSER).get(click.group())).hasStatus(302);
        return email;
    }

    private static void ok(MvcTestResult result) {
        assertThat(result).as(Json.body(result)).hasStatusOk();
    }
}
