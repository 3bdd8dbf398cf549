package io.flightdeck.guidance.outcomes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objective and the prediction in the guidance card, and the track record page, in a real browser at a laptop's
 * and a phone's width: a manager sets the objective with the card's form, the card shows the baseline's likelihood,
 * interval, formula and what similar campaigns reached; a refused objective sent without scripts lands on its own
 * page; no serious axe-core violation, no sideways scrolling.
 */
@BrowserTest
class PredictionBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutcomeScoring scoring;

    @Test
    void theCardPredictsAndTheTrackRecordFitsAPhone(WebUi ui) {
        Member owner = workspaces.workspace("Prediction browser");
        TestCampaigns campaigns = new TestCampaigns(api);
        PredictionFixtures fixtures = new PredictionFixtures(api, jdbc);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        List<String> past = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String id = campaigns.draft("Past campaign " + i).channels("EMAIL").createdBy(owner);
            fixtures.objective(owner, id, "CLICK_RATE", 2, null);
            fixtures.clicks(owner, id, day, 15 + 3L * i, 1_000);
            past.add(id);
        }
        String campaign = campaigns.draft("Predicted in a browser").channels("EMAIL").createdBy(owner);
        fixtures.rolledUp(owner);
        past.subList(0, 5).forEach(id -> workspaces.as(owner, () -> scoring.score(UUID.fromString(id),
                java.time.Instant.now())));
        // the last past campaign was predicted from the first five before it ended, so the track record has a row
        assertThat(api.as(owner).get("/api/v1/orchestrator/campaigns/" + past.get(5) + "/predict-success"))
                .hasStatusOk();
        workspaces.as(owner, () -> scoring.score(UUID.fromString(past.get(5)), java.time.Instant.now()));

        BrowserContext context = ui.newContext();
        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        page.navigate(ui.url("/campaigns/" + campaign));
        Locator card = page.locator("#guidance-prediction");
        assertThat(card.getByText("No objective yet")).isVisible();
        card.getByLabel("Metric").selectOption("CLICK_RATE");
        card.getByLabel("Target").fill("2");
        card.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Set objective")).click();
        assertThat(page.locator("#guidance-prediction .guidance-objective strong"))
                .hasText("Click rate at least 2 %");
        for (int width : List.of(1440, 390)) {
            page.setViewportSize(width, 900);
            page.navigate(ui.url("/campaigns/" + campaign));
            card = page.locator("#guidance-prediction");
            assertThat(card.locator(".guidance-likelihood")).containsText("% likely");
            assertThat(card.locator("code")).containsText("/ (6 + 5)");
            assertThat(card.locator(".guidance-range")).containsText("Similar past campaigns reached");
            PageChecks.settle(page);
            assertThat(PageChecks.axeViolations(page)).as("axe at %d px", width).isEmpty();
            assertThat(PageChecks.overflow(page)).as("sideways scrolling at %d px", width).isNull();
            card.screenshot(new Locator.ScreenshotOptions().setPath(ui.screenshot("prediction-card-" + width).path));

            page.navigate(ui.url("/guidance/track-record"));
            assertThat(page.locator("h1")).hasText("Prediction track record");
            assertThat(page.locator("table").last()).containsText("Past campaign 6");
            PageChecks.settle(page);
            assertThat(PageChecks.axeViolations(page)).as("track record axe at %d px", width).isEmpty();
            assertThat(PageChecks.overflow(page)).as("track record sideways at %d px", width).isNull();

            // without scripts, a refused objective lands on a page of its own with the problem and the form again
            page.navigate(ui.url("/campaigns/" + campaign));
            page.locator("#guidance-prediction form").waitFor(new Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
            page.evaluate("""
                    () => {
                      const form = document.querySelector('#guidance-prediction form').cloneNode(true);
                      [...form.attributes].filter(a => a.name.startsWith('hx-'))
                          .forEach(a => form.removeAttribute(a.name));
                      form.querySelector('[name=target]').value = 'lots';
                      document.body.appendChild(form);
                      form.submit();
                    }""");
            page.waitForURL("**/guidance/objective");
            assertThat(page.locator("h1")).hasText("Campaign objective");
            assertThat(page.locator("#guidance-prediction")).containsText("The target must be a number");
            PageChecks.settle(page);
            assertThat(PageChecks.axeViolations(page)).as("objective page axe at %d px", width).isEmpty();
            assertThat(PageChecks.overflow(page)).as("objective page sideways at %d px", width).isNull();
        }
        context.close();
    }
}
