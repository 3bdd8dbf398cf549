package io.flightdeck.guidance.web;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.flightdeck.guidance.WeakChannels;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guidance card's next steps: the campaign's recommendation with its evidence linked and its one-click action;
 * dismiss with a reason, the count with undo, and undo bringing it back; a viewer reads without forms. The admins'
 * rules page switches a rule off and on.
 */
@FlightdeckTest
class NextStepsPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    @Test
    void theCardShowsTheNextStepAndItsReactionsWithUndo() {
        Member owner = workspaces.withoutApprovals("Next steps card");
        String campaign = new WeakChannels(api, mvc, jdbc).activeCampaign(owner, "Carded", 50);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MockHttpSession session = web.signIn(contributor);
        String panel = "/campaigns/" + campaign + "/guidance/panel";

        String card = web.fragment(session, panel);

        assertThat(card).contains("Next steps").contains("Rework or cut back Facebook: it earns 17 %")
                .contains("href=\"/analytics/campaigns/" + campaign + "/channels/FACEBOOK\"")
                .contains("0.50 % (50 clicks of 10,000 impressions)").contains("Effort:")
                .contains("value=\"ACCEPTED\"").contains("Why dismiss it").contains("Back on");
        String viewers = web.fragment(web.signIn(workspaces.addMember(owner, Role.VIEWER)), panel);
        assertThat(viewers).contains("Rework or cut back Facebook").doesNotContain("value=\"ACCEPTED\"")
                .doesNotContain("Why dismiss it");

        // a dismissal without a reason is refused and changes nothing
        String reactions = "/campaigns/" + campaign + "/guidance/reactions";
        assertThat(web.post(session, reactions, "ruleId", "underperforming-channel", "targetType", "channel",
                "targetId", "FACEBOOK", "response", "DISMISSED")).hasStatus3xxRedirection()
                .flash().containsKey("flash");
        assertThat(web.fragment(session, panel)).contains("Rework or cut back Facebook");

        assertThat(web.post(session, reactions, "ruleId", "underperforming-channel", "targetType", "channel",
                "targetId", "FACEBOOK", "response", "SNOOZED", "until",
                LocalDate.now(ZoneOffset.UTC).plusDays(5).toString()))
                .hasRedirectedUrl("/campaigns/" + campaign + "#guidance");
        String snoozed = web.fragment(session, panel);
        // seen: "Snoozed: underperforming-channel (FACEBOOK)" beside "nothing to act on"; now what it said, in words,
        // and the card does not claim there is nothing to act on while something is snoozed
        assertThat(snoozed).doesNotContain("<h4>Rework or cut back Facebook").contains("1 snoozed")
                .contains("Snoozed until ").contains(": Rework or cut back Facebook: it earns 17 %")
                .doesNotContain("underperforming-channel (").doesNotContain("No recommendation for this")
                .contains("No other recommendation now. 1 snoozed below").contains(">Undo</button>");
        String reaction = snoozed.replaceAll("(?s).*guidance/reactions/([0-9a-f-]{36})/undo.*", "$1");
        assertThat(web.post(session, reactions + "/" + reaction + "/undo")).hasStatus3xxRedirection();
        assertThat(web.fragment(session, panel)).contains("Rework or cut back Facebook").doesNotContain("1 snoozed");
    }

    @Test
    void adminsSwitchRulesOnTheirPage() {
        Member owner = workspaces.workspace("Rules page");
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        MockHttpSession session = web.signIn(admin);

        String page = web.page(session, "/guidance/rules");

        assertThat(page).contains("Recommendation rules").contains("underperforming-channel")
                .contains("No reactions yet").contains("Switch off underperforming-channel");
        assertThat(web.post(session, "/guidance/rules/underperforming-channel", "enabled", "false"))
                .hasRedirectedUrl("/guidance/rules");
        assertThat(web.page(session, "/guidance/rules")).contains("Switch on underperforming-channel");
        MockHttpSession manager = web.signIn(workspaces.addMember(owner, Role.MANAGER));
        assertThat(mvc.get().uri("/guidance/rules").session(manager)).hasStatus(403);
    }
}
