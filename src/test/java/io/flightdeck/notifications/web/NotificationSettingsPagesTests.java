package io.flightdeck.notifications.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The settings pages: a member's own grid, "stop these" from an item (with its undo) and from an email's link (which
 * asks first), the test send, and the admins' defaults, delivery backlog and mail outbox.
 */
@FlightdeckTest
class NotificationSettingsPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    @Test
    void aMemberSetsTheirOwnGridStopsACategoryAndUndoesIt() throws Exception {
        Member owner = workspaces.workspace("Settings pages");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MockHttpSession session = web.signIn(ann);

        String page = web.page(session, "/notifications/preferences");
        assertThat(page).contains("My notifications").contains("name=\"pref.TASKS.EMAIL\"")
                .contains("Default (Immediately)").contains("Default (Off)").contains("Send me a test");
        assertThat(web.post(session, "/notifications/preferences", "pref.RENDERING.EMAIL", "IMMEDIATE",
                "pref.TASKS.IN_APP", "")).hasStatus3xxRedirection().hasRedirectedUrl("/notifications/preferences");
        assertThat(cell(ann, "RENDERING", "EMAIL")).isEqualTo("IMMEDIATE");
        assertThat(web.post(session, "/notifications/preferences", "pref.TASKS.EMAIL", "LOUDLY"))
                .as("a mode that does not exist").hasStatus(400);

        String campaign = campaigns.create(owner, "Stop pages");
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", "Stop me")), "$.id");
        api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", ann.userId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !ids(ann).isEmpty());
        String id = ids(ann).get(0);

        String centre = web.page(session, "/notifications");
        assertThat(centre).contains("In the app because of Flightdeck&#39;s default.").contains("Stop these");
        MvcTestResult stopped = web.post(session, "/notifications/" + id + "/stop", "channel", "IN_APP");
        assertThat(stopped).hasStatus3xxRedirection().hasRedirectedUrl("/notifications");
        assertThat(cell(ann, "TASKS", "IN_APP")).isEqualTo("OFF");
        String after = mvc.get().uri("/notifications").session(session)
                .flashAttr("stopped", stopped.getMvcResult().getFlashMap().get("stopped")).exchange().getResponse()
                .getContentAsString();
        assertThat(after).contains("Tasks notifications no longer reach you in the app.").contains("Undo");
        assertThat(web.post(session, "/notifications/preferences/one", "category", "TASKS", "channel", "IN_APP", "mode", ""))
                .hasStatus3xxRedirection();
        assertThat(cell(ann, "TASKS", "IN_APP")).as("undone: back to the default").isNull();

        // the email's link asks first: following it changes nothing
        String confirm = web.page(session, "/notifications/" + id + "/stop?channel=EMAIL");
        assertThat(confirm).contains("Stop these notifications?").contains("Stop Tasks emails");
        assertThat(cell(ann, "TASKS", "EMAIL")).isNull();
        assertThat(web.post(session, "/notifications/" + id + "/stop", "channel", "EMAIL")).hasStatus3xxRedirection();
        assertThat(cell(ann, "TASKS", "EMAIL")).isEqualTo("OFF");
        assertThat(mvc.get().uri("/notifications/" + id + "/stop").session(web.signIn(owner)).exchange())
                .as("another member's item").hasStatus(404);
    }

    @Test
    void adminsSeeTheDefaultsTheBacklogAndTheOutbox() {
        Member owner = workspaces.workspace("Admin pages");
        Member ann = workspaces.addMember(owner, Role.MANAGER);
        MockHttpSession admin = web.signIn(owner);
        MockHttpSession manager = web.signIn(ann);
        assertThat(mvc.get().uri("/settings/notifications").session(manager).exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/settings/mail-outbox").session(manager).exchange()).hasStatus(403);
        assertThat(web.page(admin, "/settings/mail-outbox")).contains("No mail yet");

        assertThat(web.post(admin, "/notifications/test")).hasStatus3xxRedirection();
        await().atMost(Duration.ofSeconds(30)).until(() -> web.page(admin, "/settings/mail-outbox").contains("A test notification"));
        String settings = web.page(admin, "/settings/notifications");
        assertThat(settings).contains("Workspace defaults").contains("Nothing failed").contains("open the outbox");
        assertThat(web.post(admin, "/settings/notifications", "pref.TASKS.EMAIL", "OFF")).hasStatus3xxRedirection();
        assertThat(Json.<List<String>>read(api.as(ann).get("/api/v1/notifications/defaults"),
                "$[?(@.category == 'TASKS' && @.channel == 'EMAIL')].own")).containsExactly("OFF");
        assertThat(web.post(manager, "/settings/notifications", "pref.TASKS.EMAIL", "IMMEDIATE")).hasStatus(403);

        String key = Json.read(api.as(owner).get("/api/v1/mail-outbox"), "$.items[0].key");
        String mail = web.page(admin, "/settings/mail-outbox/" + key);
        assertThat(mail).contains("A test notification").contains("sandbox")
                .contains("src=\"/settings/mail-outbox/" + key + "/html\"").contains("Download .eml").contains(owner.email());
        // the mail's HTML in its own answer, styled inline as sent: a policy of its own, which only our pages frame
        var html = mvc.get().uri("/settings/mail-outbox/" + key + "/html").session(admin).exchange();
        assertThat(html).hasStatusOk().bodyText().startsWith("<!DOCTYPE html");
        assertThat(html.getResponse().getHeader("Content-Security-Policy"))
                .contains("style-src 'unsafe-inline'", "frame-ancestors 'self'", "sandbox").doesNotContain("script-src");
        assertThat(html.getResponse().getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    }

    @Test
    void theFollowCardFollowsAndStopsInPlace() throws Exception {
        Member owner = workspaces.workspace("Follow card");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String campaign = campaigns.create(owner, "Followed in place");
        MockHttpSession session = web.signIn(viewer);
        assertThat(web.page(session, "/campaigns/" + campaign)).contains("/campaigns/" + campaign + "/follow/panel");
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/follow/panel"))
                .contains("Follow this campaign to hear of").contains("0 members follow it.").contains(">Follow</button>");

        String followed = mvc.post().uri("/campaigns/" + campaign + "/follow").param("follow", "true")
                .header("HX-Request", "true").session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange().getResponse().getContentAsString();
        assertThat(followed).contains("You follow this campaign.").contains("1 member follows it.").contains("Stop following");
        assertThat(web.post(session, "/campaigns/" + campaign + "/follow", "follow", "false")).hasStatus3xxRedirection()
                .hasRedirectedUrl("/campaigns/" + campaign);
        assertThat(Json.<Boolean>read(api.as(viewer).get("/api/v1/campaigns/" + campaign + "/follow"), "$.following")).isFalse();
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/follow/panel").session(web.signIn(workspaces.workspace("Else")))
                .header("HX-Request", "true").exchange()).hasStatus(404);
    }

    private List<String> ids(Member member) {
        return Json.read(api.as(member).get("/api/v1/notifications"), "$.items[*].id");
    }

    private String cell(Member member, String category, String channel) {
        List<String> own = Json.read(api.as(member).get("/api/v1/notifications/preferences"),
                "$[?(@.category == '" + category + "' && @.channel == '" + channel + "')].own");
        return own.get(0);
    }
}
