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
 * The template pages: the list with the built-ins, a template made from one, a save that says what the sanitiser
 * removed, a refused save that keeps what was typed, the preview with a contact's data at either width, a test send's
 * outcome; the settings page for admins; a viewer reads without forms.
 */
@FlightdeckTest
class EmailTemplatePagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aMemberMakesATemplateFromABuiltInEditsPreviewsAndTestsIt() throws Exception {
        Member owner = workspaces.workspace("Template pages");
        api.as(owner).post("/api/v1/email/contacts", Map.of("email", "ana@example.com", "name", "Ana Lima",
                "consent", Map.of("source", "MANUAL", "evidence", "Asked in person")));
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/email/templates")).contains("Welcome", "Newsletter", "Promotional",
                "Transactional", "Built-in", "Make a template");
        assertThat(web.page(session, "/email/templates/builtin-welcome")).contains("A built-in template",
                "Make a copy", "src=\"/email/templates/builtin-welcome/preview/frame\"", "sandbox=\"\"")
                .doesNotContain("Save template", "srcdoc=");
        assertThat(web.page(session, "/email/templates/builtin-welcome/preview/frame")).containsIgnoringCase("<html");

        MvcTestResult made = web.post(session, "/email/templates", "copyFrom", "builtin-promotional", "name",
                "Autumn sale");
        assertThat(made).hasStatus3xxRedirection();
        String location = made.getResponse().getRedirectedUrl();
        assertThat(web.page(session, location)).contains("Autumn sale", "Save template", "Send a test",
                "Copy from a creative", "Images from the asset library", "set FLIGHTDECK_BASE_URL");
        MvcTestResult noImage = web.post(session, location + "/insert-image", "assetId",
                "5e2f1c3a-8d4b-4a6e-9f0c-1b2d3e4f5a6b", "version", "0");
        assertThat(noImage.getMvcResult().getFlashMap().get("flash").toString()).contains("Nothing inserted");

        MvcTestResult saved = web.post(session, location, "name", "Autumn sale", "kind", "PROMOTIONAL", "subject",
                "Hi {{first_name}}", "preheader", "Soon", "html", "<p onclick=\"x()\">Sale</p><script>y()</script>",
                "version", "0");
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(saved.getMvcResult().getFlashMap().get("flash").toString()).contains("2 things were removed: an onclick, a script");

        MvcTestResult stale = web.post(session, location, "name", "Autumn sale", "kind", "PROMOTIONAL", "subject",
                "Old", "preheader", "", "html", "<p>x</p>", "version", "0");
        assertThat(stale).hasStatus(412);
        MvcTestResult bad = web.post(session, location, "name", "Autumn sale", "kind", "PROMOTIONAL", "subject",
                "Hi {{Bad Tag}}", "preheader", "", "html", "<p>x</p>", "version", "1");
        assertThat(bad).hasStatus(400);
        assertThat(bad.getResponse().getContentAsString()).contains("Merge field names", "Hi {{Bad Tag}}");

        String preview = web.fragment(session, location + "/preview?view=mobile&contact=ana@example");
        assertThat(preview).contains("Hi Ana", "width=\"375\"", "Shown with the data of ana@example.com")
                .doesNotContain("<html");
        assertThat(web.fragment(session, location + "/preview")).contains("Hi Alex", "width=\"600\"");

        MvcTestResult test = web.post(session, location + "/test-send", "to", owner.email(), "contact", "ana");
        assertThat(test).hasStatus3xxRedirection();
        assertThat(test.getMvcResult().getFlashMap().get("flash").toString()).contains("Test sent to");
        MvcTestResult refused = web.post(session, location + "/test-send", "to", "nobody@else.example");
        assertThat(refused.getMvcResult().getFlashMap().get("flash").toString()).contains("No test sent", "your own address");

        assertThat(web.post(session, location + "/delete")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/email/templates")).doesNotContain("href=\"" + location + "\"");
    }

    @Test
    void settingsAreForAdminsAndAViewerReadsWithoutForms() throws Exception {
        Member owner = workspaces.workspace("Template settings pages");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/email/settings")).contains("Template settings pages", "No postal address yet",
                "Save settings");
        assertThat(web.post(session, "/email/settings", "fromAddress", "not-an-address", "version", "0"))
                .hasStatus(400);
        assertThat(web.post(session, "/email/settings", "fromName", "Acme News", "postalAddress",
                "Acme\n1 Main St", "version", "0")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/email/settings")).contains("Acme News", "Acme, 1 Main St")
                .doesNotContain("No postal address yet");
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/email/settings"), "$.effective.complete")).isTrue();

        String id = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("name", "Viewer template", "subject",
                "x", "html", "<p>x</p>")), "$.id");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession viewing = web.signIn(viewer);
        assertThat(web.page(viewing, "/email/templates")).contains("Viewer template").doesNotContain("Make a template");
        assertThat(web.page(viewing, "/email/templates/" + id)).contains("read only")
                .doesNotContain("Save template", "Send a test", "Remove template");
        assertThat(web.page(viewing, "/email/settings")).doesNotContain("Save settings");
        // seen: a manager sent to fix the postal address found no form and no name; the page says whom to ask, and
        // Settings lists the area
        MockHttpSession managing = web.signIn(workspaces.addMember(owner, Role.MANAGER));
        assertThat(web.page(managing, "/email/settings")).doesNotContain("Save settings")
                .contains("Admins and owners change these: ask ");
        assertThat(web.page(managing, "/settings")).contains("Sender and postal address",
                "the postal address every campaign mail carries");
        assertThat(web.post(viewing, "/email/settings", "fromName", "Mine")).hasStatus(403);
        assertThat(web.post(viewing, "/email/templates/" + id, "name", "Mine")).hasStatus(403);
    }
}
