package io.flightdeck.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The report page: linked from the email's page once something was sent; its tiles, a chart with a captioned table
 * behind it for each kind of figure, and the JSON the charts are drawn from, which is the API's report; Chart.js and
 * the page's script are served; a draft's report says there is nothing yet instead of showing 0 %; a viewer reads it
 * and another workspace finds nothing.
 */
class EmailReportPagesTests extends EmailSendingContext {

    @Autowired
    WebSessions web;
    @Autowired
    MockMvcTester mvc;

    @Test
    void theReportShowsTilesChartsWithTheirTablesAndTheApisNumbers() throws Exception {
        Member owner = workspaces.withoutApprovals("Report page");
        String campaign = launched(owner);
        String list = list(owner, "Report page people", List.of(contact(owner, "eva@report-page.example", "Eva"),
                contact(owner, "fil@report-page.example", "Fil")));
        String draft = email(owner, campaign, list);
        String email = email(owner, campaign, list);
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/email/campaigns/" + email + "?step=review")).doesNotContain("Read the report");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(get(owner, email), "$.status")));
        assertThat(web.page(session, "/email/campaigns/" + email)).contains("Read the report",
                "href=\"/email/campaigns/" + email + "/report\"");

        clock.advance(Duration.ofMinutes(5)); // read later than a prefetch at delivery
        MimeMessage toEva = message("eva@report-page.example");
        assertThat(api.anonymous().header("User-Agent", BROWSER).get(path(toEva, "href", "/t/c/"))).hasStatus(302);
        assertThat(api.anonymous().header("User-Agent", BROWSER).get(path(toEva, "src", "/t/o/"))).hasStatusOk();

        String page = web.page(session, "/email/campaigns/" + email + "/report");
        assertThat(page).contains("Report: News", "As of", "(<span>UTC</span>)", "Headline figures", "Recipients", "Delivered",
                "Not reported", "1 person", "50.0 %", "Opens by machines", "Opens and clicks over time",
                "Clicks per link", "https://shop.example/sale?a=1&amp;b=2");
        assertThat(page).contains("<canvas data-chart=\"timeline\" role=\"img\"", "<canvas data-chart=\"links\" role=\"img\"",
                "<caption>Opens and clicks by people over time", "<caption>Clicks by people per link</caption>",
                "src=\"/webjars/chart.js/dist/chart.umd.min.js\"", "src=\"/js/email-report.js\"");
        assertThat(page).doesNotContain("No opens or clicks by people yet", "data-chart=\"ab\"");
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"email-report-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertThat(data.find()).isTrue();
        String json = data.group(1);
        assertThat(json).doesNotContain("<", ">", "&").contains("\\u0026b=2");
        MvcTestResult api = this.api.as(owner).get("/api/v1/email/campaigns/" + email + "/report");
        for (String field : List.of("$.totals", "$.timeline", "$.links", "$.startedAt", "$.timeZone")) {
            assertThat((Object) JsonPath.read(json, field)).as(field).isEqualTo(Json.read(api, field));
        }
        assertThat(mvc.get().uri("/webjars/chart.js/dist/chart.umd.min.js").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/js/email-report.js").exchange()).hasStatusOk();

        String empty = web.page(session, "/email/campaigns/" + draft + "/report");
        assertThat(empty).contains("Nothing has been sent yet", "No opens or clicks by people yet.",
                "No clicks by people yet.", "No rate yet: nothing sent").doesNotContain("<canvas", "0.0 %");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(web.page(web.signIn(viewer), "/email/campaigns/" + email + "/report")).contains("Headline figures");
        Member stranger = workspaces.withoutApprovals("Report page stranger");
        assertThat(mvc.get().uri("/email/campaigns/" + email + "/report").session(web.signIn(stranger)).exchange())
                .hasStatus(404);
    }

    @Test
    void anAbTestsVariantsAreChartedWithTheirSamples() throws Exception {
        Member owner = workspaces.withoutApprovals("Report page A/B");
        String campaign = launched(owner);
        String list = list(owner, "Report page A/B people", List.of(contact(owner, "gus@report-page-ab.example", "Gus"),
                contact(owner, "hal@report-page-ab.example", "Hal"), contact(owner, "ida@report-page-ab.example", "Ida")));
        String email = email(owner, campaign, list);
        assertThat(api.as(owner).put("/api/v1/email/campaigns/" + email + "/ab-test", Map.of("variants",
                List.of(Map.of("subject", "The other subject")), "testShare", 50, "decideAfterMinutes", 600)))
                .hasStatusOk();
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/email/campaigns/" + email + "/report")).contains("A/B test",
                "No variant has been sent yet.").doesNotContain("data-chart=\"ab\"");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        // two of the three in the test group (half, rounded), one a variant; the third waits for the winner
        // queued none and none in the middle of its hand-over: the test group's mail is in the SMTP server
        await().atMost(Duration.ofSeconds(30)).until(() -> settled(get(owner, email), 1));
        String page = web.page(session, "/email/campaigns/" + email + "/report");
        assertThat(page).contains("<canvas data-chart=\"ab\" role=\"img\"", "<caption>Each variant&#39;s click rate</caption>",
                "Sent to", "0.0 %");
        // the decision's time in the reader's zone, as every time on the email's page (seen: in UTC beside them)
        assertThat(api.as(owner).put("/api/v1/me", "{\"displayName\":\"Owen Owner\",\"timeZone\":\"Asia/Tokyo\"}"))
                .hasStatusOk();
        assertThat(web.page(web.signIn(owner), "/email/campaigns/" + email)).contains("(Asia/Tokyo), by click rate.")
                .doesNotContain("UTC, by");
    }

    private static String path(MimeMessage m, String attribute, String prefix) throws Exception {
        String html = (String) ((Multipart) m.getContent()).getBodyPart(1).getContent();
        Matcher found = Pattern.compile(attribute + "=\"https?://[^/]+(" + prefix + "[^\"]+)\"").matcher(html);
        assertThat(found.find()).isTrue();
        return found.group(1);
    }
}
