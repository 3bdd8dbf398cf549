package io.flightdeck.analytics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.GreenMailContext;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium at a phone's width, a manager schedules a weekly report through the form and sends its last week now:
 * the run's outcome appears in its row without the page being loaded again, and both mails reach the SMTP server
 * (GreenMail). With the server down a daily report's run fails in place and offers Send again; with the server back,
 * Send again sends it, again in place. Nothing sticks out sideways and axe finds no serious fault at each step.
 */
@BrowserTest
class ScheduledReportsBrowserTests extends GreenMailContext {

    private static final long WAIT_MS = 45_000;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    @Test
    void aReportSentNowAndSentAgainShowsItsOutcomeInPlace(WebUi ui, BrowserContext context) {
        Member owner = workspaces.workspace("Scheduled reports browser");
        assertThat(api.as(owner).post("/api/v1/campaigns", Map.of("name", "Harbour festival", "type", "OTHER")))
                .hasStatus2xxSuccessful();
        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, workspaces.addMember(owner, Role.MANAGER));
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/analytics/schedules"));
        check(page, "no schedules yet");

        schedule(page, "WEEKLY", "crew@harbour.example, press@harbour.example");
        assertThat(page.locator(".toast")).containsText("Scheduled: the weekly report of Harbour festival");
        Locator weekly = card(page, "Weekly summary report");
        assertThat(weekly).containsText("No report sent yet");
        check(page, "a new schedule");

        // the page is never loaded again from here on: a reload would drop this mark
        page.evaluate("() => window.notReloaded = true");
        weekly.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the last period now")).click();
        assertThat(weekly.locator("tbody tr").first().locator(".badge"))
                .hasText("Sent", new HasTextOptions()
                        .setTimeout(WAIT_MS));
        assertThat(weekly.locator("tbody tr").first()).containsText("2 of 2");
        assertThat(weekly.locator(".table-wrap")).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
        assertThat(mailsTo("harbour.example")).containsExactlyInAnyOrder("crew@harbour.example",
                "press@harbour.example");
        check(page, "a sent report");

        serverDown();
        try {
            page.navigate(ui.url("/analytics/schedules"));
            schedule(page, "DAILY", "night@harbour.example");
            Locator daily = card(page, "Daily summary report");
            page.evaluate("() => window.notReloaded = true");
            daily.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the last period now"))
                    .click();
            assertThat(daily.locator("tbody tr").first().locator(".badge"))
                    .hasText("Failed", new HasTextOptions()
                            .setTimeout(WAIT_MS));
            assertThat(daily.locator("tbody tr").first()).containsText("Not sent to night@harbour.example");
            assertThat(daily.locator("tbody tr").first()).containsText("0 of 1");
            assertThat(page.locator("#schedules-announce")).containsText("failed, to 0 of 1");
            assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
            check(page, "a failed report");
        } finally {
            serverUp();
        }

        Locator daily = card(page, "Daily summary report");
        daily.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send again")).click();
        assertThat(daily.locator("tbody tr").first().locator(".badge"))
                .hasText("Sent", new HasTextOptions()
                        .setTimeout(WAIT_MS));
        assertThat(daily.locator("tbody tr").first()).containsText("1 of 1");
        assertThat(daily.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send again"))).hasCount(0);
        // read out by the table's last look at itself (or by the answer, had the mail left before it was written)
        assertThat(page.locator("#schedules-announce")).hasText(Pattern.compile(
                "sent, to 1 of 1|again to those it did not reach"));
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
        assertThat(mailsTo("harbour.example")).containsExactly("night@harbour.example");
        page.screenshot(ui.screenshot("phone-report-schedules"));
        check(page, "a report sent again");
    }

    /** Fills the form and schedules a summary report of the only campaign, sent even when it has no numbers. */
    private static void schedule(Page page, String cadence, String recipients) {
        page.getByLabel("Campaign", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption()
                .setLabel("Harbour festival"));
        page.getByLabel("How often").selectOption(cadence);
        page.getByLabel("Send to").fill(recipients);
        page.getByLabel("Skip a period with no numbers").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule the report")).click();
    }

    private static Locator card(Page page, String title) {
        return page.locator(".card[role=region]").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setExact(false))));
    }

    private static List<String> mailsTo(String domain) {
        return receivedAt(domain).stream().map(m -> address(m)).toList();
    }

    private static String address(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Page page, String what) {
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as(what + " at 390 px").isNull();
        assertThat(PageChecks.axeViolations(page)).as(what).isEmpty();
    }
}
