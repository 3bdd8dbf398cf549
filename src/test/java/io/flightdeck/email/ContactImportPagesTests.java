package io.flightdeck.email;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The import wizard in the browser without one: choose a file (a refused one says why), map its columns (a refused
 * start keeps the choices and names the problems), start it, and the import's page, whose state polls itself while
 * it runs and stops when it ends; the error report downloads through the session.
 */
@FlightdeckTest
class ContactImportPagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MockMvcTester mvc;

    private MvcTestResult upload(MockHttpSession session, String csv) {
        return mvc.post().uri("/email/imports").multipart().file(new MockMultipartFile("file", "fair.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).session(session).with(csrf()).exchange();
    }

    @Test
    void aMemberUploadsMapsStartsAndWatchesAnImport() throws Exception {
        Member owner = workspaces.workspace("Import pages");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/email/imports/new")).contains("Import contacts", "Upload and preview");

        MvcTestResult refused = upload(session, "");
        assertThat(refused).hasStatus(400);
        assertThat(Json.body(refused)).contains("Choose a CSV file");

        MvcTestResult uploaded = upload(session, "Email,Name,City\nana@example.com,Ana,Lisbon\nbad,Bad,Porto\n");
        assertThat(uploaded).hasStatus3xxRedirection();
        String page = uploaded.getResponse().getRedirectedUrl();
        assertThat(web.page(session, page)).contains("The first rows", "ana@example.com", "Column 3: City",
                "Start the import", "Row 3, Email: Not an email address: bad");

        MvcTestResult wrong = web.post(session, page + "/start", "field0", "NAME", "field1", "NAME", "field2",
                "ATTRIBUTE", "key2", "city", "consentEvidence", "");
        assertThat(wrong).hasStatus(400);
        assertThat(Json.body(wrong)).contains("The import did not start", "Choose the column with the email addresses",
                "Describe the consent");

        MvcTestResult started = web.post(session, page + "/start", "field0", "EMAIL", "field1", "NAME", "field2",
                "ATTRIBUTE", "key2", "city", "consentEvidence", "Fair sign-up sheet", "existing", "SKIP");
        assertThat(started).hasStatus3xxRedirection();
        String id = page.substring(page.lastIndexOf('/') + 1);
        new ContactImportRequests(api).await(owner, id);

        String finished = web.page(session, page);
        assertThat(finished).contains("Error report", "Not an email address: bad", "Download errors.csv")
                .doesNotContain("every 1s");
        assertThat(web.fragment(session, page)).contains("id=\"import-state\"").doesNotContain("<html");
        assertThat(web.page(session, page + "/errors.csv")).contains("3,Email,Not an email address: bad");
        assertThat(web.page(session, "/email/contacts")).contains("ana@example.com");
        assertThat(web.page(session, "/email/imports/new")).contains("fair.csv");
    }

    @Test
    void aRunningImportPollsItselfWithItsOwnSync() throws Exception {
        Member owner = workspaces.workspace("Import polling");
        MockHttpSession session = web.signIn(owner);
        String page = upload(session, "email\nana@example.com\n").getResponse().getRedirectedUrl();
        String id = page.substring(page.lastIndexOf('/') + 1);
        // started through the API in a workspace whose job may run at once: the page either polls or has finished
        api.as(owner).post("/api/v1/email/imports/" + id + "/start", java.util.Map.of("mapping",
                List.of(java.util.Map.of("index", 0, "field", "EMAIL")), "consentEvidence", "Fair"));
        String state = web.fragment(session, page);
        if (state.contains("every 1s")) {
            assertThat(state).contains("hx-sync=\"this:replace\"", "hx-disinherit=\"hx-sync\"");
        }
        new ContactImportRequests(api).await(owner, id);
        assertThat(web.fragment(session, page)).doesNotContain("every 1s").contains("Import finished");
    }

    @Test
    void aViewerSeesImportsButCannotStartOne() {
        Member owner = workspaces.workspace("Import pages viewer");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String id = Json.read(api.as(owner).upload("/api/v1/email/imports", "a.csv",
                "email\nana@example.com\n".getBytes(StandardCharsets.UTF_8)), "$.id");
        MockHttpSession session = web.signIn(viewer);
        assertThat(web.page(session, "/email/imports/" + id)).contains("The first rows").doesNotContain(
                "Start the import");
        assertThat(web.post(session, "/email/imports/" + id + "/start", "field0", "EMAIL", "consentEvidence", "x"))
                .hasStatus(403);
        assertThat(mvc.get().uri("/email/imports/new").session(session).exchange()).hasStatus(403);
        Member stranger = workspaces.workspace("Import pages stranger");
        assertThat(mvc.get().uri("/email/imports/" + id).session(web.signIn(stranger)).exchange()).hasStatus(404);
    }
}
