package io.flightdeck.email;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contacts as CSV: every contact of the workspace (or those a search or status choose) with their consent and
 * attributes as columns, cells that could start a formula written as text; managers only; another workspace's
 * contacts never in it.
 */
@FlightdeckTest
class ContactExportTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    private String add(Member as, String email, String name, Map<String, String> attributes) {
        MvcTestResult made = api.as(as).post("/api/v1/email/contacts", Map.of("email", email, "name", name,
                "attributes", attributes, "timeZone", "Europe/Lisbon",
                "consent", Map.of("source", "MANUAL", "evidence", "Asked at the fair")));
        assertThat(made).as(Json.body(made)).hasStatus(201);
        return Json.read(made, "$.id");
    }

    private static String csv(MvcTestResult result) throws Exception {
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyContactWithConsentAndAttributesAndFormulasDefused() throws Exception {
        Member owner = workspaces.workspace("Export");
        Member stranger = workspaces.workspace("Export elsewhere");
        add(stranger, "theirs@example.com", "Theirs", Map.of());
        add(owner, "ana@example.com", "=HYPERLINK(\"http://evil\")", Map.of("city", "Lisbon", "name", "@SUM(1)"));
        String bo = add(owner, "-bo@example.com", "+Bo", Map.of("score", "-3"));
        api.as(owner).post("/api/v1/email/contacts/" + bo + "/unsubscribe", Map.of("reason", "Asked"));

        String text = csv(api.as(owner).get("/api/v1/email/contacts.csv"));

        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("email,name,status,consent_source,consent_at,time_zone,city,attribute_name,score");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("'-bo@example.com,'+Bo,UNSUBSCRIBED,MANUAL,").endsWith(",Europe/Lisbon,,,'-3");
        assertThat(lines[2]).startsWith("ana@example.com,\"'=HYPERLINK(\"\"http://evil\"\")\",SUBSCRIBED,MANUAL,")
                .endsWith(",Lisbon,'@SUM(1),");
        assertThat(text).doesNotContain("theirs@example.com");

        String unsubscribed = csv(api.as(owner).get("/api/v1/email/contacts.csv?status=UNSUBSCRIBED"));
        assertThat(unsubscribed).contains("bo@example.com").doesNotContain("ana@example.com");
        assertThat(csv(api.as(owner).get("/api/v1/email/contacts.csv?q=ANA"))).contains("ana@example.com")
                .doesNotContain("bo@example.com");
        assertThat(api.as(owner).get("/api/v1/email/contacts.csv?q=" + "x".repeat(400))).hasStatus(400);
        assertThat(api.as(owner).get("/api/v1/email/contacts.csv?status=LOST")).hasStatus(400);
    }

    @Test
    void managersExportAndTheContactsPageOffersIt() throws Exception {
        Member owner = workspaces.workspace("Export roles");
        add(owner, "ana@example.com", "Ana", Map.of());
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);

        assertThat(csv(api.as(manager).get("/api/v1/email/contacts.csv"))).contains("ana@example.com");
        assertThat(api.as(contributor).get("/api/v1/email/contacts.csv")).hasStatus(403);
        assertThat(api.as(viewer).get("/api/v1/email/contacts.csv")).hasStatus(403);

        var session = web.signIn(manager);
        assertThat(web.page(session, "/email/contacts")).contains("Export CSV", "/email/imports/new");
        assertThat(web.page(session, "/email/contacts.csv")).contains("ana@example.com");
        assertThat(web.page(web.signIn(viewer), "/email/contacts")).doesNotContain("Export CSV", "Import contacts");
    }
}
