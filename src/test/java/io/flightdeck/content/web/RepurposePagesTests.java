package io.flightdeck.content.web;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.content.generation.LongTextRepurposerTestSupport;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The repurpose pages: paste, choose formats, review the pieces, approve one and save it as a creative. */
@FlightdeckTest
class RepurposePagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    @Test
    void aContributorRepurposesAPostAndSavesAPieceAsACreative() {
        Member owner = workspaces.workspace("Repurpose pages");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Spring coffees");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/repurposed")).contains("Nothing repurposed yet");
        assertThat(web.page(session, "/repurpose")).contains("Paste the text").contains("Spring coffees");

        assertThat(web.post(session, "/repurpose", "text", "Too short.", "formats", "X_THREAD")).hasStatusOk().bodyText()
                .contains("too short to repurpose");
        assertThat(web.post(session, "/repurpose", "text", LongTextRepurposerTestSupport.longPost())).hasStatusOk().bodyText()
                .contains("Choose at least one format");

        MvcTestResult done = web.post(session, "/repurpose", "campaignId", campaign, "text",
                LongTextRepurposerTestSupport.longPost(), "formats", "X_THREAD", "formats", "LINKEDIN_POST",
                "variations", "2");
        assertThat(done).hasStatus3xxRedirection();
        String page = done.getResponse().getRedirectedUrl();
        String id = page.substring("/repurposed/".length());
        String review = web.page(session, page);
        assertThat(review).contains("From farm to cup: how we source our single-origin coffee").contains("X thread")
                .contains("LinkedIn post").contains("Variation 2").contains("each within 280 characters")
                .contains("Approve").contains("Save as creative");

        assertThat(web.post(session, page + "/variations", "format", "X_THREAD")).hasStatus3xxRedirection();
        assertThat(web.page(session, page)).contains("Variation 3");

        String item = review.replaceAll("(?s).*?id=\"item-([0-9a-f-]{36})\".*", "$1");
        assertThat(web.post(session, page + "/items/" + item + "/status", "status", "APPROVED")).hasStatus3xxRedirection();
        MvcTestResult saved = web.post(session, page + "/items/" + item + "/creative");
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/creatives/");
        assertThat(web.page(session, "/repurposed")).contains("From farm to cup");
        assertThat(id).hasSize(36);
    }
}
