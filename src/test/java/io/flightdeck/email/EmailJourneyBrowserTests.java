package io.flightdeck.email;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.flightdeck.support.ChromiumExtension;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email pages in Chromium, on the sending tests' own application (mail over SMTP to the scripted server, so what
 * arrives is checked there): a marketer makes an email in the wizard from a template, sets an A/B test up, sees the
 * checklist ask for a test and the test send turn it done in place, sends, follows the test group's progress without a
 * reload, picks B by hand, and every contact ends with exactly one message, those held back with B's subject; the
 * segment editor's live count follows each change of a rule on crafted contacts; an email scheduled in each
 * recipient's own time zone says when in the same words on the review step and in its progress. Pages pass axe and do
 * not scroll sideways at 390 px.
 */
@ExtendWith(ChromiumExtension.class)
class EmailJourneyBrowserTests extends EmailSendingContext {

    private static final LocatorAssertions.HasTextOptions SENDING = new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    private static final LocatorAssertions.HasTextOptions AFTER_A_PICK =
            new LocatorAssertions.HasTextOptions().setTimeout(90_000);
    private static final String SUBJECT_A = "Our spring news";
    private static final String SUBJECT_B = "Last days of spring";

    @Test
    void aMarketerSendsAnAbTestedEmailFromTheWizardAndPicksBByHand(WebUi ui) throws Exception {
        Member owner = workspaces.withoutApprovals("Email journey");
        String campaign = launched(owner);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(contact(owner, "reader" + i + "@journey.example", "Reader " + i));
        }
        list(owner, "Journey readers", people);
        Page page = signedIn(ui, owner);

        // 1. A new email from the Newsletter template, in the campaign
        page.navigate(ui.url("/email/campaigns"));
        page.locator("#new-campaign").selectOption(campaign);
        page.locator("#new-name").fill("Spring news");
        page.locator("#new-template").selectOption(new SelectOption().setLabel("Newsletter"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make email")).click();
        onStep(page, "audience");
        String path = page.url().substring(page.url().indexOf("/email/campaigns/"), page.url().indexOf('?'));

        // 2. Audience: the list
        page.getByLabel("Journey readers (10)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and go on")).click();
        onStep(page, "content");

        // 3. Content: the template's body, a subject of our own
        assertThat(page.locator("#content-html")).not().isEmpty();
        assertThat(page.locator("#content-subject")).not().hasValue("");
        page.locator("#content-subject").fill(SUBJECT_A);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and go on")).click();
        onStep(page, "ab");

        // 4. A/B: variant B with another subject to 40 % of the audience (2 get A, 2 get B, 6 wait for the winner)
        page.locator("#ab-subject-B").fill(SUBJECT_B);
        page.locator("#ab-share").fill("40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the test and go on")).click();
        onStep(page, "schedule");
        assertThat(page.locator(".toast").first()).containsText("A/B test saved.");

        // 5. Schedule: send now instead, to the review
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send now instead")).click();
        onStep(page, "review");
        Locator testItem = page.locator(".email-readiness li[data-item=test-send]");
        assertThat(testItem.locator(".badge")).hasText("Blocks sending");
        assertThat(testItem).containsText("No test");
        assertThat(page.locator("#email-readiness > p.small")).hasText("1 thing holds it back.");
        assertThat(page.locator("#review-when")).hasText("When you send it: not scheduled");
        assertThat(page.locator(".facts")).containsText("A and 1 more to 40 % of the audience");

        // 6. The test send from the page: the checklist turns done in place
        markThePage(page);
        assertThat(page.locator("#test-to")).hasValue(owner.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test")).click();
        assertThat(testItem.locator(".badge")).hasText("Done");
        assertThat(page.locator("#test-send-outcome")).hasText("A test went to " + owner.email() + ".");
        assertThat(page.locator("#email-readiness > p.small")).hasText("Everything it needs is in place.");
        assertThat(page.locator("#email-announce")).hasText("A test went to " + owner.email() + ".");
        assertSamePage(page);
        assertThat(messagesTo(owner.email())).extracting(EmailJourneyBrowserTests::subject)
                .containsExactly("[Test] " + SUBJECT_A);
        passesOnAPhone(page, "the review step after a test");

        // 7. Send: the test group's progress rises on the open page without a reload
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send now")).click();
        page.waitForURL(ui.url(path));
        assertThat(page.locator(".toast").first()).containsText("Sending has started");
        markThePage(page);
        watchTheSentTile(page);
        Locator progress = page.locator("#email-progress");
        assertThat(tile(progress, "Sent")).hasText("4", SENDING);
        assertThat(tile(progress, "Recipients")).hasText("10");
        assertThat(tile(progress, "For the winner")).hasText("6");
        Locator abCard = progress.locator(".card").filter(new Locator.FilterOptions().setHas(
                page.locator("#ab-results-title")));
        assertThat(abCard.locator(".card-header .badge")).hasText("Testing");
        // at least one redraw in place: the send may have been quicker than the page's first look
        page.waitForFunction("() => window.__sentSeen.length > 0 && window.__sentSeen[window.__sentSeen.length - 1] === '4'");
        assertSamePage(page);
        List<String> seen = sentTileValues(page);
        assertThat(seen).as("the Sent tile, each time the progress was redrawn").isNotEmpty().endsWith("4");
        assertThat(seen.stream().map(Integer::valueOf).toList()).isSorted();
        List<MimeMessage> testGroup = messagesTo("@journey.example");
        assertThat(testGroup).hasSize(4);
        assertThat(testGroup).extracting(EmailJourneyBrowserTests::subject)
                .containsExactlyInAnyOrder(SUBJECT_A, SUBJECT_A, SUBJECT_B, SUBJECT_B);
        Set<String> tested = testGroup.stream().map(EmailJourneyBrowserTests::to).collect(Collectors.toSet());

        // 8. B picked by hand: the rest get B, each person once, and the page says so
        abCard.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send B to the rest")).click();
        page.waitForURL(ui.url(path));
        assertThat(page.locator(".toast").first()).containsText("Variant B goes to the rest.");
        // within a minute even when the pick met the send's step still running (its wake is then lost; the step looks again)
        assertThat(progress.locator(".card").first().locator(".card-header .badge")).hasText("Sent", AFTER_A_PICK);
        assertThat(tile(progress, "Sent")).hasText("10");
        assertThat(abCard.locator(".card-header .badge")).hasText("Variant B to the rest");
        assertThat(abCard).containsText("picked variant B for the rest.");
        List<MimeMessage> all = messagesTo("@journey.example");
        assertThat(all).extracting(EmailJourneyBrowserTests::to).doesNotHaveDuplicates().hasSize(10);
        assertThat(all).filteredOn(m -> !tested.contains(to(m))).hasSize(6)
                .extracting(EmailJourneyBrowserTests::subject).containsOnly(SUBJECT_B);
        assertThat((String) Json.read(api.as(owner).get("/api/v1" + path + "/ab-test"), "$.outcome")).isEqualTo("PICKED");
        passesOnAPhone(page, "a sent email with its A/B test picked");
    }

    @Test
    void theSegmentEditorCountsAgainAsARuleChanges(WebUi ui) {
        Member owner = workspaces.withoutApprovals("Segment journey");
        Map<String, String> spends = Map.of("low", "120", "under", "480", "edge", "500", "high", "900", "words", "lots");
        spends.forEach((who, spend) -> assertThat(api.as(owner).post("/api/v1/email/contacts", Map.of("email",
                who + "@segment.example", "attributes", Map.of("spend", spend), "consent", Map.of("source", "MANUAL",
                        "evidence", "Asked at the counter")))).hasStatus(201));
        String gone = contact(owner, "gone@segment.example", "Gone");
        assertThat(api.as(owner).patch("/api/v1/email/contacts/" + gone, Map.of("attributes", Map.of("spend", "1000"))))
                .hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/email/contacts/" + gone + "/unsubscribe", Map.of("reason", "Asked")))
                .hasStatusOk();
        Page page = signedIn(ui, owner);
        page.navigate(ui.url("/email/segments/new"));
        PageChecks.settle(page);
        markThePage(page);
        Locator count = page.locator("#segment-live .segment-count strong");
        Locator shown = page.locator("#segment-live ul");

        page.locator("#r-key-0").pressSequentially("spend");
        page.locator("#r-operator-0").selectOption(new SelectOption().setLabel("is at least"));
        PageChecks.settle(page);
        page.locator("#r-value-0").pressSequentially("500");
        assertThat(count).hasText("2");
        assertThat(shown).containsText("edge@segment.example");
        assertThat(shown).containsText("high@segment.example");

        page.locator("#r-operator-0").selectOption(new SelectOption().setLabel("is at most"));
        assertThat(count).hasText("3"); // 120, 480 and 500; "lots" is not a number
        assertThat(shown).not().containsText("high@segment.example");

        page.locator("#r-value-0").fill("");
        page.locator("#r-value-0").pressSequentially("1000");
        assertThat(count).hasText("4"); // not the unsubscribed 1000
        assertThat(shown).not().containsText("gone@segment.example");

        page.locator("#r-operator-0").selectOption(new SelectOption().setLabel("does not equal"));
        assertThat(count).hasText("5"); // as text now: "lots" too
        assertSamePage(page);
        passesOnAPhone(page, "the segment editor with a live count");
    }

    @Test
    void anEmailScheduledInEachRecipientsZoneSaysWhenInTheSameWordsEverywhere(WebUi ui) {
        Member owner = workspaces.withoutApprovals("Schedule journey");
        String campaign = launched(owner);
        List<String> people = new ArrayList<>();
        for (String zone : List.of("America/New_York", "Europe/Lisbon", "Asia/Tokyo")) {
            String id = contact(owner, zone.replace('/', '.').toLowerCase(Locale.ROOT) + "@zones.example", "Zoned");
            assertThat(api.as(owner).patch("/api/v1/email/contacts/" + id, Map.of("timeZone", zone))).hasStatusOk();
            people.add(id);
        }
        String email = email(owner, campaign, list(owner, "Zones", people));
        String path = "/email/campaigns/" + email;
        // next week's Thursday at 09:00: past every zone's today, so nothing can fall due while the test runs
        LocalDateTime at = LocalDate.now().plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY))
                .atTime(LocalTime.of(9, 0));
        String when = DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy", Locale.ENGLISH).format(at)
                + " in each recipient's own time zone";

        Page page = signedIn(ui, owner);
        page.navigate(ui.url(path + "?step=schedule"));
        page.locator("#schedule-at").fill(at.toString());
        page.getByLabel("At that time in each recipient's own time zone").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule").setExact(true)).click();
        page.waitForURL(ui.url(path));
        assertThat(page.locator(".toast").first()).containsText("Scheduled for " + when + ".");
        assertThat(page.locator("#review-when")).hasText(when);
        assertThat(page.locator("#progress-when > span").first()).hasText("Goes out at " + when + ".");
        assertThat(page.locator("#progress-when")).containsText("when the first time zone reaches that time");
        assertThat(page.locator("#email-progress .card-header .badge").first()).hasText("Scheduled");
        assertThat((String) Json.read(get(owner, email), "$.status")).isEqualTo("SCHEDULED");
        assertThat((String) Json.read(get(owner, email), "$.localTime")).startsWith(at.toString());
        passesOnAPhone(page, "a scheduled email");

        page.navigate(ui.url(path + "?step=schedule"));
        assertThat(page.locator(".card").filter(new Locator.FilterOptions().setHasText("When it goes")))
                .containsText("Scheduled for " + when + ".");
    }

    /** Waits for the wizard's step, whose address is the email's page with the step in its query. */
    private static void onStep(Page page, String step) {
        page.waitForURL(java.util.regex.Pattern.compile(".*/email/campaigns/[0-9a-f-]{36}\\?step=" + step + "(#.*)?$"));
    }

    private static Page signedIn(WebUi ui, Member member) {
        BrowserContext context = ui.newContext();
        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, member);
        return page;
    }

    /** A value the page keeps only until it is loaded again: still there later means nothing reloaded it. */
    private static void markThePage(Page page) {
        page.evaluate("() => { window.__journeyMark = 'not reloaded'; }");
    }

    private static void assertSamePage(Page page) {
        assertThat(page.evaluate("() => window.__journeyMark")).as("the page was not reloaded").isEqualTo("not reloaded");
    }

    /** Records the Sent tile's value each time htmx swaps the progress in, from now on. */
    private static void watchTheSentTile(Page page) {
        page.evaluate("""
                () => {
                  window.__sentSeen = [];
                  document.body.addEventListener('htmx:afterSettle', () => {
                    const dt = [...document.querySelectorAll('#email-progress .stat-tiles dt')]
                        .find(d => d.textContent.trim() === 'Sent');
                    if (dt) { window.__sentSeen.push(dt.nextElementSibling.textContent.trim()); }
                  });
                }""");
    }

    @SuppressWarnings("unchecked")
    private static List<String> sentTileValues(Page page) {
        return (List<String>) page.evaluate("() => window.__sentSeen");
    }

    private static Locator tile(Locator progress, String name) {
        return progress.locator("xpath=.//dl[contains(@class,'stat-tiles')]/div/dt[normalize-space()='" + name
                + "']/following-sibling::dd[1]");
    }

    private static List<MimeMessage> messagesTo(String part) {
        return SMTP.messages().stream().filter(m -> to(m).contains(part)).toList();
    }

    /** No serious or critical axe finding and no sideways scrolling at 390 px, then back to the desktop size. */
    private static void passesOnAPhone(Page page, String where) {
        page.setViewportSize(390, 844);
        // app.js makes a table's frame that now scrolls sideways focusable 150 ms after a resize; a real phone's page
        // loads at this width, so wait for that rather than report what no phone shows
        page.waitForTimeout(400);
        PageChecks.settle(page);
        assertThat(PageChecks.axeViolations(page)).as("axe on %s", where).isEmpty();
        assertThat(PageChecks.overflow(page)).as("sideways scrolling on %s", where).isNull();
        page.setViewportSize(1280, 800);
    }
}
