package io.flightdeck.notifications.web;

import java.time.Duration;
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

/** The bell in the top bar of every page, and the notification centre's views and actions. */
@FlightdeckTest
class NotificationPagesTests {

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
    void theBellCountsWhatIsNewAndTheCentreShowsWhy() throws Exception {
        Member owner = workspaces.workspace("Bell");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String task = assign(owner, ann, "Proofread the newsletter");
        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 1);
        MockHttpSession session = web.signIn(ann);

        String home = web.page(session, "/");
        assertThat(home).contains("id=\"topbar-nav-badge-notifications\"").contains("aria-label=\"Notifications, 1 new\"");
        assertThat(home.split("class=\"btn btn-ghost btn-sm topbar-link\"", -1)).as("only the bell sits in the top bar")
                .hasSize(2);
        String badges = mvc.get().uri("/nav/badges").header("HX-Request", "true").session(session).exchange()
                .getResponse().getContentAsString();
        assertThat(badges).as("the badges' refresh swaps the bell and no element without an id")
                .contains("id=\"topbar-nav-badge-notifications\"").doesNotContain("id=\"null\"")
                .doesNotContain("topbar-nav-badge-tasks");
        String centre = web.page(session, "/notifications");
        assertThat(centre).contains("Task for you: Proofread the newsletter").contains("Why: You were assigned this task in ")
                .contains("hx-post=\"/notifications/seen\"").contains("Mark read");

        assertThat(web.post(session, "/notifications/seen")).hasStatus(204);
        assertThat(unseen(ann)).isZero();
        assertThat(web.page(session, "/")).contains("aria-label=\"Notifications, 0 new\"");
        assertThat(web.page(session, "/notifications")).as("seen is still unread").contains("Proofread the newsletter");

        String id = Json.read(api.as(ann).get("/api/v1/notifications"), "$.items[0].id");
        MvcTestResult opened = mvc.get().uri("/notifications/" + id + "/open").session(session).exchange();
        assertThat(opened).hasStatus3xxRedirection().hasRedirectedUrl("/tasks/" + task);
        assertThat(web.page(session, "/notifications")).as("opened is read").contains("All caught up");
        assertThat(web.page(session, "/notifications?view=all")).contains("Proofread the newsletter");

        assertThat(web.post(session, "/notifications/" + id + "/archive", "view", "all")).hasStatus3xxRedirection()
                .hasRedirectedUrl("/notifications?view=all");
        assertThat(web.page(session, "/notifications?view=all")).contains("No notifications yet");
        assertThat(web.page(session, "/notifications?view=archive")).contains("Proofread the newsletter").contains("Restore");
        assertThat(web.post(session, "/notifications/" + id + "/restore", "view", "archive")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/notifications?view=all")).contains("Proofread the newsletter");

        MockHttpSession ownerSession = web.signIn(owner);
        assertThat(mvc.get().uri("/notifications/" + id + "/open").session(ownerSession).exchange())
                .as("another member's item").hasStatus(404);
    }

    @Test
    void markAllReadEmptiesTheUnreadView() {
        Member owner = workspaces.workspace("Bell, all read");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assign(owner, ann, "Pick a subject line");
        assign(owner, ann, "Check the links");
        await().atMost(Duration.ofSeconds(30)).until(() -> unseen(ann) == 2);
        MockHttpSession session = web.signIn(ann);
        assertThat(web.page(session, "/notifications")).contains("Pick a subject line").contains("Check the links")
                .contains("Mark all read");
        assertThat(web.post(session, "/notifications/read-all", "view", "unread")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/notifications")).contains("All caught up");
        assertThat(unseen(ann)).isZero();
    }

    private String assign(Member owner, Member to, String title) {
        String campaign = campaigns.create(owner, "Bell " + title);
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title)), "$.id");
        assertThat(api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", to.userId())))
                .hasStatusOk();
        return task;
    }

    private long unseen(Member member) {
        return ((Number) Json.read(api.as(member).get("/api/v1/notifications/unseen-count"), "$.unseen")).longValue();
    }
}
