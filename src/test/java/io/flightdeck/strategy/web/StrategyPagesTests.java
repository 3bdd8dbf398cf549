package io.flightdeck.strategy.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.strategy.StrategyRequests;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The strategy pages through MockMvc: editor, saving, inline errors, stale saves, history, diff, panel and roles. */
@FlightdeckTest
class StrategyPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private StrategyRequests api;

    @BeforeEach
    void setUp() {
        api = new StrategyRequests(mvc);
    }

    @Test
    void aNewCampaignShowsTheEmptyEditorAndSavingCreatesVersionOne() {
        Member owner = workspaces.workspace("Strategy editor");
        MockHttpSession session = signIn(owner.email());
        String campaign = api.campaign(owner, "Autumn push", true);
        String page = "/campaigns/" + campaign + "/strategy";

        assertThat(mvc.get().uri(page).session(session).exchange()).hasStatusOk().bodyText().contains("<html")
                .contains("Autumn push").contains("No strategy yet").contains("Save as version 1")
                .contains("name=\"basedOnVersion\" value=\"0\"").contains("No versions yet").contains("0% complete")
                .contains("Ads configuration").doesNotContain("Compare versions")
                // Hints in plain words and live counts, not "up to 20 of 200 characters".
                .doesNotContain("up to 20 of 200").contains("0 / 4000 characters")
                .contains("at most 20 goals, each a short sentence of up to 200 characters")
                .contains("No split yet").contains("Add platform");

        MvcTestResult saved = save(page, session);

        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl(page);
        Flash flash = (Flash) saved.getMvcResult().getFlashMap().get(Flash.KEY);
        assertThat(flash.message()).isEqualTo("Strategy saved as version 1");
        assertThat(mvc.get().uri(page).session(session).flashAttr(Flash.KEY, flash).exchange()).hasStatusOk().bodyText()
                .contains("Strategy saved as version 1").contains("Version 1").contains("Save as version 2")
                .contains("name=\"basedOnVersion\" value=\"1\"")
                .contains("2,000 trial sign-ups\n300 sales-qualified leads")
                .contains("name=\"budgetRows[0].percent\" value=\"40\"").contains("name=\"budgetRows[1].percent\" value=\"60\"")
                .contains("Total 100 % — all of the budget is allocated")
                .contains(">Complete<").contains("Current").contains("Owner of Strategy editor")
                .contains("dialog-invalidate-1");

        MvcTestResult json = api.fetch(owner, StrategyRequests.base(campaign) + "/current");
        assertThat((List<String>) Json.read(json, "$.platforms")).containsExactly("INSTAGRAM", "FACEBOOK");
        assertThat((String) Json.read(json, "$.adsConfig.objective")).isEqualTo("LEADS");
        assertThat((Integer) Json.read(json, "$.adsConfig.budgetSplit.INSTAGRAM")).isEqualTo(60);
    }

    @Test
    void savingAgainSupersedesAndTheDiffShowsWhatChanged() {
        Member owner = workspaces.workspace("Strategy diff page");
        MockHttpSession session = signIn(owner.email());
        String campaign = api.campaign(owner, "Diffed", false);
        String page = "/campaigns/" + campaign + "/strategy";
        assertThat(save(page, session)).hasStatus3xxRedirection();
        assertThat(save(page, session, "basedOnVersion", "1", "goals", "2,000 trial sign-ups\n500 newsletter subscribers",
                "cadence", "Daily on Instagram")).hasStatus3xxRedirection();

        assertThat(mvc.get().uri(page).session(session).exchange()).bodyText().contains("Save as version 3")
                .contains("Superseded").contains("Compare versions")
                .contains("/campaigns/" + campaign + "/strategy/diff?from=1&amp;to=2");

        MvcTestResult diff = mvc.get().uri(page + "/diff").session(session).exchange();
        assertThat(diff).hasStatusOk().bodyText().contains("Compare versions").contains("class=\"changed\"")
                .contains("class=\"added\"").contains("500 newsletter subscribers")
                .contains("class=\"removed\"").contains("300 sales-qualified leads")
                .contains("Daily on Instagram").contains("3 posts a week on Instagram")
                .contains("Instagram 60%").contains("Leads");
        assertThat(mvc.get().uri(page + "/diff?from=2&to=2").session(session).exchange()).bodyText()
                .contains("These versions say the same thing");

        MvcTestResult first = mvc.get().uri(page + "/versions/1").session(session).exchange();
        assertThat(first).hasStatusOk().bodyText().contains("Strategy version 1").contains("Superseded by version 2")
                .contains("300 sales-qualified leads").doesNotContain("dialog-invalidate-1").doesNotContain("<textarea");
        assertThat(mvc.get().uri(page + "/versions/2").session(session).exchange()).bodyText()
                .contains("dialog-invalidate-2").contains("Changes from version");
        assertThat(mvc.get().uri(page + "/versions/7").accept(MediaType.TEXT_HTML).session(session).exchange()).hasStatus(404);
    }

    @Test
    void everyServerRefusalShowsAtOnceWithTheTypedText() {
        Member owner = workspaces.workspace("Strategy all errors");
        MockHttpSession session = signIn(owner.email());
        String campaign = api.campaign(owner, "All errors", false);
        String page = "/campaigns/" + campaign + "/strategy";
        String tooMany = String.join("\n", IntStream.rangeClosed(1, 21).mapToObj(i -> "Goal " + i).toList());

        MvcTestResult refused = save(page, session, "goals", tooMany, "contentPillars", "p".repeat(201),
                "budgetRows[1].percent", "30", "brandTone", "Plain and warm");
        assertThat(refused).hasStatusOk().bodyText().contains("Not saved: 3 fields need a change")
                .contains("has 21 goals; at most 20").contains("each of the content pillars is at most 200 characters")
                .contains("must add up to 100 percent; it adds up to 90")
                .contains("aria-describedby=\"goals-hint goals-error\"").contains("id=\"budgetRows-error\"")
                .contains("Goal 21").contains("Plain and warm").contains("name=\"budgetRows[1].percent\" value=\"30\"");
        // a row the form cannot read shows with the service's problems, and still nothing is written
        MvcTestResult unreadable = save(page, session, "goals", tooMany, "budgetRows[1].percent", "lots");
        assertThat(unreadable).hasStatusOk().bodyText().contains("Not saved: 2 fields need a change")
                .contains("has 21 goals; at most 20").contains("Row 2 (Facebook) needs a whole percent");
        assertThat(api.versions(owner, campaign)).isEmpty();
    }

    @Test
    void badInputIsShownNextToTheFieldAndNothingIsSaved() {
        Member owner = workspaces.workspace("Strategy errors");
        MockHttpSession session = signIn(owner.email());
        String campaign = api.campaign(owner, "Errors", false);
        String page = "/campaigns/" + campaign + "/strategy";

        MvcTestResult split = save(page, session, "budgetRows[1].percent", "30");
        assertThat(split).hasStatusOk().bodyText()
                .contains("must add up to 100 percent; it adds up to 90 (10 % unallocated)")
                .contains("Total 90 % — 10 % unallocated").contains("aria-invalid=\"true\"")
                .contains("name=\"budgetRows[1].percent\" value=\"30\"").contains("Operations managers");

        assertThat(save(page, session, "budgetRows[0].platform", "MYSPACE")).hasStatusOk().bodyText()
                .contains("Row 1 needs a platform");
        assertThat(save(page, session, "budgetRows[1].percent", "lots")).bodyText()
                .contains("Row 2 (Facebook) needs a whole percent from 0 to 100, not &quot;lots&quot;");
        assertThat(save(page, session, "budgetRows[1].percent", "")).bodyText()
                .contains("Row 2 (Facebook) needs a percent");
        assertThat(save(page, session, "budgetRows[1].platform", "INSTAGRAM")).bodyText()
                .contains("Instagram has more than one row");
        assertThat(save(page, session, "budgetRows[1].platform", "YOUTUBE")).bodyText()
                .contains("gives a share to YouTube, which is not one of the strategy&#39;s platforms");
        assertThat(save(page, session, "targetAudience", "x".repeat(4001))).hasStatusOk().bodyText()
                .contains("is at most 4000 characters");
        String tooMany = String.join("\n", IntStream.rangeClosed(1, 21).mapToObj(i -> "Goal " + i).toList());
        assertThat(save(page, session, "goals", tooMany)).bodyText().contains("has 21 goals; at most 20");
        assertThat(save(page, session, "contentPillars", "p".repeat(201))).bodyText()
                .contains("each of the content pillars is at most 200 characters");

        assertThat(api.versions(owner, campaign)).isEmpty();
        // Blank rows and gaps in the numbering are ignored; a percent sign is fine.
        assertThat(save(page, session, "budgetRows[0].platform", "", "budgetRows[0].percent", "",
                "budgetRows[1].percent", "40 %", "budgetRows[4].platform", "INSTAGRAM", "budgetRows[4].percent", "60"))
                .hasStatus3xxRedirection();
        assertThat(api.versions(owner, campaign)).containsExactly(1);
        MvcTestResult saved = api.fetch(owner, StrategyRequests.base(campaign) + "/current");
        assertThat((Map<String, Integer>) Json.read(saved, "$.adsConfig.budgetSplit"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("INSTAGRAM", 60, "FACEBOOK", 40));
    }

    @Test
    void theEditorStartsFromTheCampaignsChannelsUntilPlatformsAreChosen() throws Exception {
        Member owner = workspaces.workspace("Strategy platforms");
        MockHttpSession session = signIn(owner.email());
        String campaign = api.campaignOn(owner, "Channels first", "LINKEDIN", "EMAIL");
        String page = "/campaigns/" + campaign + "/strategy";

        String editor = mvc.get().uri(page).session(session).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(checkedPlatforms(editor)).containsExactly("EMAIL", "LINKEDIN");
        // The budget rows offer the ticked platforms only; the rest stay hidden until ticked.
        assertThat(editor).containsPattern("<option value=\"EMAIL\">Email</option>")
                .containsPattern("<option value=\"INSTAGRAM\" (disabled=\"disabled\" hidden=\"hidden\"|hidden=\"hidden\" disabled=\"disabled\")>Instagram</option>")
                .contains("No split yet");

        // A version saved with no platforms still starts from the channels; one with platforms keeps its own.
        assertThat(api.save(owner, campaign, "{\"goals\":[\"Leads\"],\"basedOnVersion\":0}")).hasStatus(201);
        editor = mvc.get().uri(page).session(session).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(checkedPlatforms(editor)).containsExactly("EMAIL", "LINKEDIN");
        assertThat(api.save(owner, campaign, "{\"platforms\":[\"BLOG\"],\"basedOnVersion\":1}")).hasStatus(201);
        editor = mvc.get().uri(page).session(session).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(checkedPlatforms(editor)).containsExactly("BLOG");
    }

    private static List<String> checkedPlatforms(String html) {
        Matcher m = Pattern.compile("<input type=\"checkbox\" value=\"([A-Z_]+)\"[^>]*name=\"platforms\" checked").matcher(html);
        List<String> checked = new java.util.ArrayList<>();
        while (m.find()) {
            checked.add(m.group(1));
        }
        return checked;
    }

    @Test
    void aStaleFormKeepsTheTextAndSaysSomeoneElseSaved() {
        Member owner = workspaces.workspace("Strategy stale");
        MockHttpSession session = signIn(owner.email());
        String campaign = api.campaign(owner, "Stale", false);
        String page = "/campaigns/" + campaign + "/strategy";
        api.saveVersion(owner, campaign, "{\"goals\":[\"first\"]}");
        api.saveVersion(owner, campaign, "{\"goals\":[\"someone else's\"]}");

        MvcTestResult stale = save(page, session, "basedOnVersion", "1", "goals", "my careful edit");

        assertThat(stale).hasStatusOk().bodyText().contains("Someone else saved version 2 while you were editing")
                .contains("my careful edit").contains("name=\"basedOnVersion\" value=\"2\"");
        assertThat(api.versions(owner, campaign)).containsExactly(2, 1);

        assertThat(save(page, session, "basedOnVersion", "2", "goals", "my careful edit"))
                .hasStatus3xxRedirection();
        assertThat(api.versions(owner, campaign)).containsExactly(3, 2, 1);
    }

    @Test
    void invalidatingFromThePageNeedsAReason() {
        Member owner = workspaces.workspace("Strategy invalidate page");
        MockHttpSession session = signIn(owner.email());
        String campaign = api.campaign(owner, "Withdraw", false);
        String page = "/campaigns/" + campaign + "/strategy";
        api.saveVersion(owner, campaign, StrategyRequests.FULL);

        MvcTestResult blank = mvc.post().uri(page + "/versions/1/invalidate").param("reason", "  ").session(session)
                .with(csrf()).exchange();
        assertThat(blank).hasStatus3xxRedirection().hasRedirectedUrl(page);
        Flash refused = (Flash) blank.getMvcResult().getFlashMap().get(Flash.KEY);
        assertThat(refused.kind()).isEqualTo("error");
        assertThat(refused.message()).contains("must say why");

        MvcTestResult done = mvc.post().uri(page + "/versions/1/invalidate").param("reason", "Audience changed")
                .session(session).with(csrf()).exchange();
        assertThat(((Flash) done.getMvcResult().getFlashMap().get(Flash.KEY)).message()).isEqualTo("Version 1 invalidated");
        assertThat(mvc.get().uri(page).session(session).exchange()).bodyText()
                .contains("Version 1 was invalidated: Audience changed").contains("Invalidated")
                .doesNotContain("dialog-invalidate-1").contains("Save as version 2");

        MvcTestResult again = mvc.post().uri(page + "/versions/1/invalidate").param("reason", "Twice")
                .session(session).with(csrf()).exchange();
        assertThat(((Flash) again.getMvcResult().getFlashMap().get(Flash.KEY)).message()).contains("already invalidated");
    }

    @Test
    void theCampaignPageCardSummarisesTheCurrentVersion() {
        Member owner = workspaces.workspace("Strategy panel");
        MockHttpSession session = signIn(owner.email());
        String campaign = api.campaign(owner, "Panelled", true);
        String panel = "/campaigns/" + campaign + "/strategy/panel";

        assertThat(mvc.get().uri("/campaigns/" + campaign + "/tabs/strategy").session(session).exchange()).hasStatusOk().bodyText()
                .contains("hx-get=\"" + panel + "\"");
        assertThat(mvc.get().uri(panel).header("HX-Request", "true").session(session).exchange()).hasStatusOk().bodyText()
                .contains("No strategy yet").contains("Write the strategy").doesNotContain("<html");

        api.saveVersion(owner, campaign, "{\"platforms\":[\"LINKEDIN\"],\"goals\":[\"300 demos booked\"]}");
        assertThat(mvc.get().uri(panel).header("HX-Request", "true").session(session).exchange()).hasStatusOk().bodyText()
                .contains("Version 1 · 29% complete").contains("LinkedIn").contains("300 demos booked")
                .contains("Owner of Strategy panel").contains("Edit strategy").contains("/strategy#history")
                .contains("Target audience, Content pillars, Brand tone, Cadence, Ads configuration");

        api.saveVersion(owner, campaign, StrategyRequests.FULL);
        assertThat(mvc.get().uri(panel).session(session).exchange()).bodyText().contains("Version 2 · complete")
                .doesNotContain("Missing");
    }

    @Test
    void viewersReadWithoutEditControlsAndCannotPost() {
        Member owner = workspaces.workspace("Strategy viewers");
        String campaign = api.campaign(owner, "Look only", false);
        String page = "/campaigns/" + campaign + "/strategy";
        for (Role role : new Role[] {Role.VIEWER, Role.APPROVER}) {
            MockHttpSession reader = signIn(workspaces.addMember(owner, role).email());
            if (role == Role.VIEWER) {
                assertThat(mvc.get().uri(page).session(reader).exchange()).hasStatusOk().bodyText()
                        .contains("No strategy yet").doesNotContain("<form class=\"card form\"");
                api.saveVersion(owner, campaign, StrategyRequests.FULL);
            }
            assertThat(mvc.get().uri(page).session(reader).exchange()).as(role.name()).hasStatusOk().bodyText()
                    .contains("Version 1").contains("Operations managers").contains("Instagram 60%")
                    .doesNotContain("Save as version").doesNotContain("<textarea").doesNotContain("dialog-invalidate");
            assertThat(mvc.get().uri(page + "/versions/1").session(reader).exchange()).hasStatusOk().bodyText()
                    .doesNotContain("dialog-invalidate");
            assertThat(mvc.get().uri(page + "/panel").session(reader).exchange()).hasStatusOk().bodyText()
                    .contains("Open strategy").doesNotContain("Edit strategy");
            assertThat(save(page, reader)).as(role + " save").hasStatus(403);
            assertThat(mvc.post().uri(page + "/versions/1/invalidate").param("reason", "No").session(reader).with(csrf())
                    .exchange()).as(role + " invalidate").hasStatus(403);
        }
        assertThat(api.versions(owner, campaign)).containsExactly(1);
    }

    @Test
    void anotherWorkspacesStrategyPagesAreNotFound() {
        Member owner = workspaces.workspace("Strategy pages home");
        String campaign = api.campaign(owner, "Hidden plan", false);
        api.saveVersion(owner, campaign, StrategyRequests.FULL);
        MockHttpSession stranger = signIn(workspaces.workspace("Strategy pages stranger").email());
        String page = "/campaigns/" + campaign + "/strategy";
        for (String path : new String[] {page, page + "/versions/1", page + "/diff", page + "/panel"}) {
            assertThat(mvc.get().uri(path).accept(MediaType.TEXT_HTML).session(stranger).exchange()).as(path).hasStatus(404)
                    .bodyText().doesNotContain("Hidden plan").doesNotContain("Operations managers");
        }
        assertThat(save(page, stranger)).hasStatus(404);
        assertThat(api.versions(owner, campaign)).containsExactly(1);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private MockHttpSession signIn(String email) {
        MvcTestResult result = mvc.post().uri("/login").param("email", email).param("password", TestWorkspaces.PASSWORD)
                .with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        return (MockHttpSession) result.getRequest().getSession();
    }

    /** A complete strategy as the editor posts it. */
    private static final Map<String, String> COMPLETE = Map.ofEntries(
            Map.entry("goals", "2,000 trial sign-ups\n300 sales-qualified leads"),
            Map.entry("targetAudience", "Operations managers at mid-sized logistics firms"),
            Map.entry("contentPillars", "Customer stories\nProduct tips"), Map.entry("brandTone", "Confident, warm"),
            Map.entry("constraints", "No competitor names"), Map.entry("cadence", "3 posts a week on Instagram"),
            Map.entry("adObjective", "LEADS"), Map.entry("budgetRows[0].platform", "INSTAGRAM"),
            Map.entry("budgetRows[0].percent", "60"), Map.entry("budgetRows[1].platform", "FACEBOOK"),
            Map.entry("budgetRows[1].percent", "40"), Map.entry("biddingNotes", "Cap CPC at 2 EUR"));

    /** Posts the editor with the complete strategy, some fields replaced: {@code save(page, s, "goals", "x")}. */
    private MvcTestResult save(String page, MockHttpSession session, String... replaced) {
        Map<String, String> fields = new LinkedHashMap<>(COMPLETE);
        for (int i = 0; i < replaced.length; i += 2) {
            fields.put(replaced[i], replaced[i + 1]);
        }
        MockMvcRequestBuilder request = mvc.post().uri(page).session(session).with(csrf())
                .param("platforms", "INSTAGRAM").param("platforms", "FACEBOOK");
        fields.forEach((name, value) -> request.param(name, value));
        return request.exchange();
    }
}
