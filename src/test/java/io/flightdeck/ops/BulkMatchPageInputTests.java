package io.flightdeck.ops;

import java.time.Duration;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code /bulk/matching} form posted with what a hand-made request or an old page may send: an unknown type or
 * action, a missing or malformed field, words too long or in the search engine's syntax, another workspace's member.
 * Each answers a page that says what is wrong (the form again with its error, or the error page with a 4xx status),
 * never a server error, and starts nothing.
 */
@FlightdeckTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one workspace for the refusals: none of them changes anything
class BulkMatchPageInputTests {

    private static final String MATCHING = "/bulk/matching";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;

    private Member owner;
    private MockHttpSession session;

    @BeforeAll
    void signIn() {
        owner = twoPelicanTasks("Bulk match input");
        session = web.signIn(owner);
    }

    private Member twoPelicanTasks(String workspace) {
        Member member = workspaces.workspace(workspace);
        String campaign = campaigns.create(member, "Pelican launch");
        for (String title : new String[] {"Pelican brief", "Pelican photos"}) {
            assertThat(api.as(member).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title,
                    "startDate", "2031-03-02", "dueDate", "2031-03-04"))).hasStatus(201);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> Json.<Integer>read(
                api.as(member).get("/api/v1/search?q=pelican&type=task"), "$.total") == 2);
        return member;
    }

    /** The form again, status 200, with the error said on it. */
    private void refusedOnTheForm(MvcTestResult result, String said) {
        assertThat(result).hasStatusOk();
        assertThat(Json.body(result)).contains("Nothing was changed").contains(said);
        nothingStarted();
    }

    /** The error page with this 4xx status and its words. */
    private void refusedOnTheErrorPage(MvcTestResult result, int status, String said) {
        assertThat(result).hasStatus(status);
        assertThat(Json.body(result)).contains(said);
        nothingStarted();
    }

    private void nothingStarted() {
        assertThat(Json.<Integer>read(api.as(owner).get("/api/v1/bulk"), "$.total")).as("nothing started").isZero();
    }

    @Test
    void anUnknownTypeIsNotFound() {
        refusedOnTheErrorPage(web.post(session, MATCHING, "searchType", "planet", "action", "status", "q", "pelican",
                "params.status", "done"), 404, "A bulk action for these items");
    }

    @Test
    void anUnknownActionNamesTheOnesThereAre() {
        refusedOnTheForm(web.post(session, MATCHING, "searchType", "task", "action", "explode", "q", "pelican"),
                "action Tasks support [status, assign, reschedule, delete]");
    }

    @Test
    void aMissingTypeOrActionIsBadInput() {
        assertThat(web.post(session, MATCHING, "action", "status", "q", "pelican")).hasStatus(400);
        assertThat(web.post(session, MATCHING, "searchType", "task", "q", "pelican")).hasStatus(400);
        nothingStarted();
    }

    @Test
    void aMissingParameterOfTheActionIsSaidOnTheForm() {
        refusedOnTheForm(web.post(session, MATCHING, "searchType", "task", "action", "reschedule", "q", "pelican"),
                "shiftDays must be a number of days other than 0");
    }

    @Test
    void malformedFieldsAreBadInput() {
        refusedOnTheErrorPage(web.post(session, MATCHING, "searchType", "task", "action", "reschedule", "q", "pelican",
                "params.shiftDays", "three"), 400, "params.shiftDays is not valid");
        refusedOnTheErrorPage(web.post(session, MATCHING, "searchType", "task", "action", "assign", "q", "pelican",
                "params.assigneeId", "not-an-id"), 400, "params.assigneeId is not valid");
        refusedOnTheErrorPage(web.post(session, MATCHING, "searchType", "task", "action", "delete", "q", "pelican",
                "from", "yesterday"), 400, "from is not valid");
    }

    @Test
    void wordsTooLongAreSaidOnTheForm() {
        refusedOnTheForm(web.post(session, MATCHING, "searchType", "task", "action", "delete",
                "q", "pelican ".repeat(40)), "q is at most 200 characters");
    }

    @Test
    void theSearchEnginesSyntaxIsNoServerError() {
        // a workspace of its own: a search that finds the tasks may start (a delete, which has an undo)
        Member member = twoPelicanTasks("Bulk match odd words");
        MockHttpSession own = web.signIn(member);
        for (String odd : new String[] {"pelican AND (", "\"pelican", "pel*an~2^", "[pelican TO", "\\", "||&&!",
                "owner:\"x\"", "pelican\u0000", "\uD83D\uDC26\u00a0pelican"}) {
            MvcTestResult result = web.post(own, MATCHING, "searchType", "task", "action", "delete", "q", odd);
            assertThat(result.getResponse().getStatus()).as(odd + ": " + Json.body(result)).isNotEqualTo(500);
            assertThat(result.getResponse().getStatus()).as(odd).isIn(200, 302, 400);
            if (result.getResponse().getStatus() == 302) {
                assertThat(result.getResponse().getRedirectedUrl()).startsWith("/bulk/");
            }
        }
    }

    @Test
    void anotherWorkspacesMemberIsRefusedBeforeAnythingStarts() {
        Member stranger = workspaces.workspace("Bulk match input stranger");
        refusedOnTheForm(web.post(session, MATCHING, "searchType", "task", "action", "assign", "q", "pelican",
                "params.assigneeId", stranger.userId().toString()), "assigneeId must be a member of this workspace");
    }

    @Test
    void anotherWorkspacesOwnerFilterFindsNothing() {
        Member stranger = workspaces.workspace("Bulk match input stranger owner");
        refusedOnTheForm(web.post(session, MATCHING, "searchType", "task", "action", "delete", "q", "pelican",
                "owner", stranger.userId().toString()), "match finds nothing");
    }
}
