package io.flightdeck.campaigns.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The campaign page's tabs, each at its own address with its modules' cards, and the one Launch from a draft. */
@FlightdeckTest
class CampaignTabPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void eachTabHasItsOwnAddressAndItsModulesCards() {
        Member owner = workspaces.withoutApprovals("Campaign tabs");
        MockHttpSession session = signIn(owner.email());
        String id = create(session, "Tabbed");
        String base = "/campaigns/" + id;

        String overview = page(session, base);
        assertThat(tabLabels(overview)).containsExactly("Overview", "Strategy", "Content", "Posts", "Approvals", "Plan",
                "Assets", "Analytics", "Activity");
        assertThat(overview).contains("aria-current=\"page\">Overview<").contains("id=\"readiness\"")
                .contains("Next steps").contains("id=\"campaign-details\"").doesNotContain("/social/panel")
                .contains("<title>Tabbed · Overview · Flightdeck</title>");

        String posts = page(session, base + "/tabs/posts");
        assertThat(posts).contains("aria-current=\"page\">Posts<").doesNotContain("id=\"readiness\"");
        assertThat(posts.indexOf("hx-get=\"" + base + "/social/panel\""))
                .as("social posts first, then the workflow").isPositive()
                .isLessThan(posts.indexOf("hx-get=\"" + base + "/workflow/panel\""));
        assertThat(page(session, base + "/tabs/plan")).contains(base + "/timeline/panel").contains(base + "/tasks/panel")
                .doesNotContain(base + "/assets/panel");
        assertThat(page(session, base + "/tabs/strategy")).contains(base + "/strategy/panel");
        assertThat(page(session, base + "/tabs/content")).contains(base + "/content/panel");
        assertThat(page(session, base + "/tabs/approvals")).contains(base + "/approvals/panel");
        assertThat(page(session, base + "/tabs/assets")).contains(base + "/assets/panel");
        assertThat(page(session, base + "/tabs/analytics")).contains("/analytics/campaigns/" + id + "/panel");
        assertThat(page(session, base + "/tabs/activity")).contains("hx-get=\"" + base + "/activity\"");
        // an old link to a card (/campaigns/{id}#approvals) is sent on to its tab
        assertThat(overview).contains("approvals:approvals").contains("social:posts");

        assertThat(mvc.get().uri(base + "/tabs/nothing").accept(MediaType.TEXT_HTML).session(session).exchange())
                .hasStatus(404);
        MockHttpSession viewer = signIn(workspaces.addMember(owner, Role.VIEWER).email());
        assertThat(page(viewer, base + "/tabs/posts")).contains("Tabbed").doesNotContain("dialog-launch-through");
        MockHttpSession stranger = signIn(workspaces.withoutApprovals("Campaign tabs stranger").email());
        assertThat(mvc.get().uri(base + "/tabs/posts").accept(MediaType.TEXT_HTML).session(stranger).exchange())
                .hasStatus(404).bodyText().doesNotContain("Tabbed");
    }

    @Test
    void oneLaunchSaysWhatItDoesAndWalksFromTheDraft() {
        MockHttpSession session = signIn(workspaces.withoutApprovals("One launch page").email());
        String id = create(session, "Walk it", true);
        String base = "/campaigns/" + id;
        assertThat(page(session, base)).contains("dialog-launch-through")
                .contains("This starts planning, marks the campaign ready and launches it")
                .contains("The campaign starts on Saturday 1 March 2031");

        MvcTestResult unconfirmed = mvc.post().uri(base + "/transitions/launch").param("through", "true")
                .session(session).with(csrf()).exchange();
        assertThat(flash(unconfirmed).message()).contains("Confirm the launch");
        assertThat(page(session, base)).contains("status-draft");

        MvcTestResult launched = mvc.post().uri(base + "/transitions/launch").param("through", "true")
                .param("confirm", "true").session(session).with(csrf()).exchange();
        assertThat(flash(launched).message()).isEqualTo("Campaign is now active");
        assertThat(page(session, base)).contains("status-active").doesNotContain("dialog-launch-through");
        assertThat(page(session, base + "/activity")).contains("started planning").contains("marked the campaign ready")
                .contains("launched the campaign");
    }

    @Test
    void oneLaunchBelowTheThresholdSaysWhatIsMissing() {
        MockHttpSession session = signIn(workspaces.withoutApprovals("One launch thin").email());
        String id = create(session, "Thin", false);
        String base = "/campaigns/" + id;
        // the score is the only obstacle: the manager is offered to force it, with a reason
        assertThat(page(session, base)).contains("Launch below the readiness threshold?").contains("Still missing")
                .contains("Force launch").doesNotContain("This starts planning");
        MvcTestResult refused = mvc.post().uri(base + "/transitions/launch").param("through", "true")
                .param("confirm", "true").session(session).with(csrf()).exchange();
        assertThat(flash(refused).kind()).isEqualTo("error");
        assertThat(page(session, base)).contains("status-draft");
        MvcTestResult forced = mvc.post().uri(base + "/transitions/launch").param("through", "true")
                .param("confirm", "true").param("force", "true").param("reason", "The partner mail is out")
                .session(session).with(csrf()).exchange();
        assertThat(flash(forced).message()).isEqualTo("Campaign is now active");
    }

    private String create(MockHttpSession session, String name) {
        return create(session, name, true);
    }

    private String create(MockHttpSession session, String name, boolean complete) {
        var form = mvc.post().uri("/campaigns").param("name", name).param("type", "OTHER").param("priority", "MEDIUM");
        if (complete) {
            form = form.param("description", "A campaign description that is long enough to count.")
                    .param("channels", "EMAIL").param("startDate", "2031-03-01").param("endDate", "2031-03-31")
                    .param("budgetAmount", "5000").param("budgetCurrency", "EUR");
        }
        MvcTestResult result = form.session(session).with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection();
        String location = result.getResponse().getRedirectedUrl();
        page(session, location); // uses up the "created" flash
        return location.substring("/campaigns/".length());
    }

    private String page(MockHttpSession session, String path) {
        MvcTestResult result = mvc.get().uri(path).session(session).exchange();
        assertThat(result).as(path).hasStatusOk();
        return Json.body(result);
    }

    private static Flash flash(MvcTestResult result) {
        assertThat(result).hasStatus3xxRedirection();
        return (Flash) result.getMvcResult().getFlashMap().get(Flash.KEY);
    }

    private static List<String> tabLabels(String html) {
        String nav = html.substring(html.indexOf("aria-label=\"Campaign sections\""));
        nav = nav.substring(0, nav.indexOf("</nav>"));
        Matcher m = Pattern.compile(">([^<>]+)</a>").matcher(nav);
        List<String> labels = new java.util.ArrayList<>();
        while (m.find()) {
            labels.add(m.group(1).trim());
        }
        return labels;
    }

    private MockHttpSession signIn(String email) {
        MvcTestResult result = mvc.post().uri("/login").param("email", email).param("password", TestWorkspaces.PASSWORD)
                .with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection();
        return (MockHttpSession) result.getRequest().getSession();
    }
}
