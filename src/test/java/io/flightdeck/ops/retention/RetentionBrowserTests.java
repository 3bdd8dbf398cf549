package io.flightdeck.ops.retention;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium at a phone's width, an owner finds Settings → Retention and clean-up, keeps the audit log for too few
 * days (the mistake shown beside the field, the text kept), then for 400 days with an export before purge, runs the
 * clean-up now, sees its report (the old audit entry removed) and downloads the export. Nothing sticks out sideways
 * and axe finds no serious fault at each step.
 */
@BrowserTest
class RetentionBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOwnerSetsTheRetentionRunsTheCleanUpAndDownloadsItsExport(WebUi ui, BrowserContext context)
            throws Exception {
        Member owner = workspaces.workspace("Retention in a browser");
        UUID entry = UUID.randomUUID();
        jdbc.sql("insert into audit_log (id, tenant_id, actor_name, action, entity_type, entity_id, occurred_at,"
                + " change_set) values (?, ?, 'Someone long gone', 'UPDATE', 'Campaign', ?, ?, 'old')")
                .params(entry, owner.workspaceId(), UUID.randomUUID(),
                        Timestamp.from(Instant.now().minus(500, ChronoUnit.DAYS))).update();

        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/settings/retention"));
        assertThat(page.getByLabel("Days kept").first()).hasValue("365");
        assertThat(page.locator("#retention-runs")).containsText("None yet");
        check(page, "the defaults");

        page.locator("#retention-audit-log-days").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save retention")).click();
        assertThat(page.locator("#retention-audit-log-error")).hasText("Keep it from 30 to 3650 days");
        assertThat(page.locator("#retention-audit-log-days")).hasValue("5");
        check(page, "a mistake");

        page.locator("#retention-audit-log-days").fill("400");
        page.locator("#retention-audit-log-export").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save retention")).click();
        assertThat(page.locator(".toast")).containsText("Retention saved");
        assertThat(page.locator("#retention-audit-log-days")).hasValue("400");
        assertThat(page.locator("#retention-audit-log-export")).isChecked();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run now")).click();
        assertThat(page.locator(".toast")).containsText("Clean-up started");
        Locator run = page.locator("#retention-runs .retention-run").first();
        for (int i = 0; i < 30 && !run.locator(".badge").first().textContent().equals("Done"); i++) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(run.locator(".badge").first()).hasText("Done");
        assertThat(run).containsText("1 record removed");
        assertThat(run.locator("[data-kind='audit-log']")).containsText("1");
        check(page, "a run's report");

        Download download = page.waitForDownload(() -> run.locator("[data-kind='audit-log'] a").click());
        assertThat(Files.readString(download.path())).contains(entry.toString()).contains("Someone long gone");
        page.screenshot(ui.screenshot("phone-retention"));
    }

    private static void check(Page page, String what) {
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as(what + " at 390 px").isNull();
        assertThat(PageChecks.axeViolations(page)).as(what).isEmpty();
    }
}
