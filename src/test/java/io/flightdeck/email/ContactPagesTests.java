package io.flightdeck.email;

import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contact pages: an empty list, a refused form that keeps what was typed and says why, a contact added with its
 * consent, a duplicate pointing at the contact that has the address, the live search's fragment, unsubscribe and
 * subscribe again on fresh consent, details changed, erasure for admins; a viewer sees no forms.
 */
@FlightdeckTest
class ContactPagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aMemberAddsAContactWithConsentAndManagesIt() throws Exception {
        Member owner = workspaces.workspace("Contact pages");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/email/contacts")).contains("No contacts yet", "Add a contact");

        MvcTestResult refused = web.post(session, "/email/contacts", "email", "gil@example", "name", "Gil",
                "consentSource", "FORM", "consentEvidence", "");
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentAsString()).contains("Not an email address: gil@example",
                "Describe the consent", "value=\"Gil\"");

        MvcTestResult added = web.post(session, "/email/contacts", "email", "Gil@Example.com", "name", "Gil",
                "consentSource", "FORM", "consentEvidence", "Spring fair sign-up sheet");
        assertThat(added).hasStatus3xxRedirection();
        String location = added.getResponse().getRedirectedUrl();
        assertThat(web.page(session, location)).contains("Gil@example.com", "A sign-up form", "Spring fair sign-up sheet",
                "Unsubscribe", "Erase this person");

        MvcTestResult twice = web.post(session, "/email/contacts", "email", "gil@example.com", "consentSource", "FORM",
                "consentEvidence", "Again");
        assertThat(twice).hasStatus(400);
        assertThat(twice.getResponse().getContentAsString()).contains("exists already", location);

        assertThat(web.fragment(session, "/email/contacts?q=gil")).contains("Gil@example.com").doesNotContain("<html");
        assertThat(web.fragment(session, "/email/contacts?q=nobody")).contains("No contact matches");

        assertThat(web.post(session, location, "name", "Gil Souza", "timeZone", "Europe/Lisbon", "attributes",
                "city = Porto\nplan = pro")).hasStatus3xxRedirection();
        assertThat(web.page(session, location)).contains("Gil Souza", "city = Porto");
        MvcTestResult badLine = web.post(session, location, "name", "Gil", "attributes", "no equals sign");
        assertThat(badLine).hasStatus(400);
        assertThat(badLine.getResponse().getContentAsString()).contains("Line 1: write each attribute as name = value");

        assertThat(web.post(session, location + "/unsubscribe")).hasStatus3xxRedirection();
        assertThat(web.page(session, location)).contains("Unsubscribed", "Subscribe again");
        assertThat(web.post(session, location + "/resubscribe", "consentSource", "MANUAL", "consentEvidence",
                "Called to sign up again")).hasStatus3xxRedirection();
        assertThat(web.page(session, location)).contains("Called to sign up again");

        assertThat(web.post(session, location + "/erase")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/email/contacts")).contains("No contacts yet");
    }

    @Test
    void aViewerReadsButSeesNoFormAndCannotPost() {
        Member owner = workspaces.workspace("Contact pages viewer");
        String id = Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email", "hal@example.com",
                "consent", Map.of("source", "MANUAL", "evidence", "Asked in person"))), "$.id");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession session = web.signIn(viewer);

        assertThat(web.page(session, "/email/contacts")).contains("hal@example.com").doesNotContain("Add a contact");
        assertThat(web.page(session, "/email/contacts/" + id)).doesNotContain("Unsubscribe</button>", "Erase");
        assertThat(web.post(session, "/email/contacts/" + id + "/unsubscribe")).hasStatus(403);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + id), "$.status"))
                .isEqualTo("SUBSCRIBED");
    }
}
