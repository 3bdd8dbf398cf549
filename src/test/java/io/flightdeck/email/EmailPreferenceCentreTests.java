package io.flightdeck.email;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.tracking.TrackingLinks;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The preference centre behind every email's footer link, without a session: opening it changes nothing; its forms
 * (with the page's CSRF token) leave and rejoin single lists, unsubscribe from everything and subscribe again after
 * the person's own unsubscribe, never after a bounce or a member's unsubscribe; a forged token, another workspace's
 * contact or a list that is not the person's is a 404 that changes nothing.
 */
@FlightdeckTest
class EmailPreferenceCentreTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    TrackingLinks links;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void openingChangesNothingAndItsFormsLeaveRejoinUnsubscribeAndResubscribe() throws Exception {
        Member owner = workspaces.withoutApprovals("Preferences");
        String ana = contact(owner, "ana.prefs@pref.example");
        String news = list(owner, "News", ana);
        String offers = list(owner, "Offers", ana);
        String path = "/email/preferences/" + links.unsubscribeToken(email(owner, news), UUID.fromString(ana));

        for (int i = 0; i < 2; i++) {
            MvcTestResult page = mvc.get().uri(path).exchange();
            assertThat(page).hasStatusOk();
            assertThat(page.getResponse().getContentAsString()).contains("Your email preferences", "a•••@pref.example",
                    "News", "Offers", "Unsubscribe from everything").doesNotContain("ana.prefs");
        }
        assertThat(status(owner, ana)).isEqualTo("SUBSCRIBED");
        assertThat(listsOf(owner, ana)).containsExactlyInAnyOrder("News", "Offers");

        assertThat(mvc.post().uri(path).param("action", "leave").param("listId", news).exchange())
                .as("a post without the page's CSRF token").hasStatus(403);
        assertThat(listsOf(owner, ana)).containsExactlyInAnyOrder("News", "Offers");

        MvcTestResult left = post(path, "leave", news);
        assertThat(left).hasStatusOk();
        assertThat(left.getResponse().getContentAsString()).contains("You have left the list", "Rejoin");
        assertThat(listsOf(owner, ana)).containsExactly("Offers");
        assertThat(status(owner, ana)).as("leaving one list is not unsubscribing").isEqualTo("SUBSCRIBED");

        assertThat(post(path, "rejoin", news)).hasStatusOk();
        assertThat(listsOf(owner, ana)).containsExactlyInAnyOrder("News", "Offers");

        assertThat(post(path, "unsubscribe", null).getResponse().getContentAsString())
                .contains("You are unsubscribed", "Subscribe again");
        assertThat(status(owner, ana)).isEqualTo("UNSUBSCRIBED");
        assertThat(post(path, "unsubscribe", null)).as("twice changes nothing").hasStatusOk();

        assertThat(post(path, "resubscribe", null).getResponse().getContentAsString()).contains("You are subscribed again");
        MvcTestResult back = api.as(owner).get("/api/v1/email/contacts/" + ana);
        assertThat((String) Json.read(back, "$.status")).isEqualTo("SUBSCRIBED");
        assertThat((String) Json.read(back, "$.consent.evidence")).contains("preference centre");
        assertThat((String) Json.read(back, "$.consent.source")).isEqualTo("FORM");
    }

    @Test
    void aBouncedOrMemberUnsubscribedPersonCannotResubscribeThemselves() throws Exception {
        Member owner = workspaces.withoutApprovals("Preferences bounced");
        String bo = contact(owner, "bo@pref.example");
        String mo = contact(owner, "mo@pref.example");
        String list = list(owner, "Bounces", bo, mo);
        UUID email = email(owner, list);
        jdbc.update("update email_contacts set status = 'BOUNCED', status_reason = 'Hard bounce' where id = ?",
                UUID.fromString(bo));
        assertThat(api.as(owner).post("/api/v1/email/contacts/" + mo + "/unsubscribe", Map.of("reason", "Asked by phone")))
                .hasStatusOk();

        for (String contact : List.of(bo, mo)) {
            String path = "/email/preferences/" + links.unsubscribeToken(email, UUID.fromString(contact));
            assertThat(mvc.get().uri(path).exchange().getResponse().getContentAsString())
                    .contains("cannot be subscribed again from here").doesNotContain(">Subscribe again<");
            assertThat(post(path, "resubscribe", null)).hasStatus(409);
        }
        assertThat(status(owner, bo)).isEqualTo("BOUNCED");
        assertThat(status(owner, mo)).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void aForgedOrForeignTokenAndAListNotTheirsAreNotFound() {
        Member owner = workspaces.withoutApprovals("Preferences tenancy");
        String cy = contact(owner, "cy@pref.example");
        UUID email = email(owner, list(owner, "Mine", cy));
        String otherList = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Not hers")), "$.id");
        Member stranger = workspaces.withoutApprovals("Preferences stranger");
        String theirs = contact(stranger, "cy@pref.example");
        String theirList = list(stranger, "Theirs", theirs);
        String token = links.unsubscribeToken(email, UUID.fromString(cy));

        assertThat(mvc.get().uri("/email/preferences/" + token.substring(0, token.length() - 2) + "xx").exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/email/preferences/not-a-token").exchange()).hasStatus(404);
        String foreign = "/email/preferences/" + links.unsubscribeToken(email, UUID.fromString(theirs));
        assertThat(mvc.get().uri(foreign).exchange()).as("another workspace's contact").hasStatus(404);
        assertThat(post(foreign, "unsubscribe", null)).hasStatus(404);
        assertThat(status(stranger, theirs)).isEqualTo("SUBSCRIBED");

        String path = "/email/preferences/" + token;
        assertThat(post(path, "rejoin", otherList)).as("a list she was never on").hasStatus(404);
        assertThat(post(path, "leave", theirList)).as("another workspace's list").hasStatus(404);
        assertThat(post(path, "leave", "not-a-uuid")).hasStatus(404);
        assertThat(post(path, "explode", null)).hasStatus(400);
        assertThat(listsOf(owner, cy)).containsExactly("Mine");
        assertThat(listsOf(stranger, theirs)).containsExactly("Theirs");
    }

    private MvcTestResult post(String path, String action, String listId) {
        var request = mvc.post().uri(path).with(csrf()).param("action", action);
        return (listId == null ? request : request.param("listId", listId)).exchange();
    }

    private String contact(Member owner, String address) {
        MvcTestResult made = api.as(owner).post("/api/v1/email/contacts", Map.of("email", address,
                "consent", Map.of("source", "FORM", "evidence", "Signed up on the test form")));
        assertThat(made).hasStatus(201);
        return Json.read(made, "$.id");
    }

    private String list(Member owner, String name, String... contacts) {
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", name)), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds",
                List.of(contacts)))).hasStatusOk();
        return list;
    }

    private UUID email(Member owner, String list) {
        String campaign = campaigns.create(owner, "Preferences " + System.nanoTime());
        return UUID.fromString(Json.read(api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "News", "subject", "News", "html", "<p>Hello</p>", "listIds", List.of(list))), "$.id"));
    }

    private String status(Member owner, String contact) {
        return Json.read(api.as(owner).get("/api/v1/email/contacts/" + contact), "$.status");
    }

    private List<String> listsOf(Member owner, String contact) {
        return Json.read(api.as(owner).get("/api/v1/email/contacts/" + contact + "/lists"), "$[*].name");
    }
}
