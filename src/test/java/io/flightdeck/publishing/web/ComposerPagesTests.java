package io.flightdeck.publishing.web;

import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composer: it starts from a creative (each network's copy as it will be posted, the best time with its reason),
 * a person's words for one network become the creative's copy there, a refused post keeps what was typed, and a
 * viewer cannot open it.
 */
@FlightdeckTest
class ComposerPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    private Member owner;
    private String campaign;
    private String creative;
    private String x;
    private String linkedIn;

    @BeforeEach
    void setUp() {
        owner = workspaces.withoutApprovals("Composer");
        campaign = new ApprovalRequests(mvc).campaign(owner, "Spring roast");
        creative = Json.read(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Spring teaser","channels":["TWITTER","LINKEDIN"],"mode":"MANUAL",
                 "texts":{"CAPTION":"Our spring roast is here.","HASHTAGS":"#coffee #spring"}}""".formatted(campaign)),
                "$.id");
        x = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}"), "$.id");
        linkedIn = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on LinkedIn\",\"channel\":\"LINKEDIN\",\"timeZone\":\"Europe/Berlin\"}"), "$.id");
    }

    @Test
    void aCreativeIsScheduledWithEachNetworksCopyAndAnEditForOneNetworkIsTheCreativesCopyThere() {
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MockHttpSession session = web.signIn(contributor);
        assertThat(web.fragment(session, "/campaigns/" + campaign + "/content/panel"))
                .contains("/campaigns/" + campaign + "/compose?creative=" + creative);
        String page = web.page(session, "/campaigns/" + campaign + "/compose?creative=" + creative);
        assertThat(page).contains("Schedule “Spring teaser”").contains("Copy on X (Twitter)").contains("Copy on LinkedIn")
                .contains("Our spring roast is here.\n\n#coffee #spring").contains("X (Twitter) does best from")
                .contains("characters as X (Twitter) counts them");
        // the creative's networks come ticked (seen: none was); an account on another network does not
        String instagram = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on Instagram\",\"channel\":\"INSTAGRAM\",\"timeZone\":\"UTC\"}"), "$.id");
        String ticked = web.page(session, "/campaigns/" + campaign + "/compose?creative=" + creative);
        assertThat(ticked).contains("value=\"" + x + "\" checked=\"checked\"")
                .contains("value=\"" + linkedIn + "\" checked=\"checked\"")
                .contains("value=\"" + instagram + "\"").doesNotContain("value=\"" + instagram + "\" checked");
        // as the person types, the network's post is previewed as it will be sent, counted as the network counts
        MvcTestResult live = web.post(session, "/campaigns/" + campaign + "/compose/preview?channel=TWITTER&creativeId="
                + creative, "text_TWITTER", "Short for X: example.com/spring-roast-is-back-and-better-than-ever");
        assertThat(live).hasStatusOk().bodyText().contains("Short for X").contains("36/280");
        // a browser sends a text area's line breaks as CRLF: each counts once, as it is stored and as X counts it
        // (seen: 229 in the composer against 225 on the approval, four breaks apart)
        assertThat(web.post(session, "/campaigns/" + campaign + "/compose/preview?channel=TWITTER&creativeId="
                + creative, "text_TWITTER", "Spring\r\nroast")).bodyText().contains("12/280");
        int version = Json.read(api.as(owner).get("/api/v1/content/creatives/" + creative), "$.revision");

        MvcTestResult done = web.post(session, "/campaigns/" + campaign + "/compose", "creativeId", creative,
                "creativeVersion", String.valueOf(version), "accountIds", x, "accountIds", linkedIn,
                "text_TWITTER", "Spring roast, back for X.", "text_LINKEDIN", "Our spring roast is here.\r\n\r\n#coffee #spring",
                "when", "queue");
        assertThat(done).hasStatus3xxRedirection();
        MvcTestResult queue = api.as(owner).get("/api/v1/social/queue/" + campaign);
        assertThat(Json.<List<String>>read(queue, "$.items[0].channels[?(@.channel=='TWITTER')].text"))
                .containsExactly("Spring roast, back for X.");
        assertThat(Json.<List<String>>read(queue, "$.items[0].channels[?(@.channel=='LINKEDIN')].text"))
                .containsExactly("Our spring roast is here.\n\n#coffee #spring");
        assertThat(Json.<String>read(queue, "$.items[0].creativeId")).isEqualTo(creative);
        Map<String, String> own = Json.read(api.as(owner).get("/api/v1/content/creatives/" + creative), "$.channelTexts");
        // the creative's own copy on LinkedIn, as the browser sent it, is no edit for that network
        assertThat(own).containsExactly(Map.entry("TWITTER", "Spring roast, back for X."));
    }

    @Test
    void aRefusedPostKeepsWhatWasTypedAndNamesEveryProblem() {
        MockHttpSession session = web.signIn(owner);
        String tooLong = "A".repeat(300);
        MvcTestResult refused = web.post(session, "/campaigns/" + campaign + "/compose", "creativeId", creative,
                "accountIds", x, "text_TWITTER", tooLong, "firstComment", "See example.com", "when", "at", "at", "");
        assertThat(refused).hasStatusOk().bodyText().contains("Choose the date and time").contains("See example.com");
        refused = web.post(session, "/campaigns/" + campaign + "/compose", "creativeId", creative,
                "accountIds", x, "text_TWITTER", tooLong, "when", "best");
        assertThat(refused).hasStatusOk().bodyText().contains("X (Twitter) takes at most 280 characters; this has 300.")
                .contains(tooLong);
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/social/queue/" + campaign), "$.total")).isZero();
    }

    @Test
    void anotherWorkspaceFindsNothingAndForeignOrBrokenIdsWriteNothing() throws Exception {
        MockHttpSession stranger = web.signIn(workspaces.withoutApprovals("Composer stranger"));
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/compose").accept(MediaType.TEXT_HTML).session(stranger)
                .exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/compose?creative=" + creative).accept(MediaType.TEXT_HTML)
                .session(stranger).exchange()).hasStatus(404);
        assertThat(web.post(stranger, "/campaigns/" + campaign + "/compose", "creativeId", creative, "accountIds", x,
                "text_TWITTER", "Not theirs", "when", "queue")).hasStatus(404);
        assertThat(web.post(stranger, "/campaigns/" + campaign + "/compose/preview?channel=TWITTER", "text_TWITTER", "Hi"))
                .hasStatus(404);

        // the owner, with another workspace's account, a creative of no campaign, or ids that are not ids
        MockHttpSession session = web.signIn(owner);
        Member other = workspaces.withoutApprovals("Composer other");
        String theirAccount = Json.read(api.as(other).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Theirs\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}"), "$.id");
        MvcTestResult foreign = web.post(session, "/campaigns/" + campaign + "/compose", "accountIds", theirAccount,
                "text_TWITTER", "Hello", "when", "queue");
        assertThat(foreign.getResponse().getStatus()).isIn(200, 404);
        assertThat(foreign.getResponse().getContentAsString()).doesNotContain("Theirs");
        for (String[] bad : new String[][] {{"accountIds", "not-an-id"}, {"creativeId", "nope"},
                {"creativeVersion", "x"}, {"channel", "FAX"}}) {
            MvcTestResult refused = web.post(session, "/campaigns/" + campaign + "/compose", bad[0], bad[1], "accountIds", x,
                    "text_TWITTER", "Hello", "when", "queue");
            assertThat(refused.getResponse().getStatus()).as(bad[0]).isIn(200, 400, 404);
        }
        MvcTestResult badChannel = web.post(session, "/campaigns/" + campaign + "/compose/preview?channel=FAX",
                "text_FAX", "Hi");
        assertThat(badChannel.getResponse().getStatus()).isIn(400, 404);
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/social/queue/" + campaign), "$.total")).isZero();
    }

    @Test
    void aViewerCannotOpenTheComposer() {
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/compose").session(web.signIn(viewer)).exchange())
                .hasStatus(403);
    }
}
