package io.flightdeck.email;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email templates through the API: the built-ins listed first and copied, a template made with hostile HTML stored
 * sanitised (the answer says what went), If-Match on changes, names unique in any case, another workspace's template not
 * found, viewers only read and preview, managers remove; a preview with a contact's data; a test send in the ledger;
 * bad input answered with a problem and nothing written.
 */
@FlightdeckTest
class EmailTemplatesApiTests {

    private static final Map<String, Object> CONSENT = Map.of("source", "MANUAL", "evidence", "Asked at the fair");

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void builtInsComeFirstAndATemplateIsMadeSanitisedChangedWithIfMatchAndRemoved() {
        Member owner = workspaces.workspace("Templates basics");
        MvcTestResult list = api.as(owner).get("/api/v1/email/templates/list");
        assertThat(Json.<List<String>>read(list, "$.items[*].id")).containsExactly("builtin-welcome",
                "builtin-newsletter", "builtin-promotional", "builtin-transactional");
        assertThat((Integer) Json.read(list, "$.total")).isEqualTo(4);

        MvcTestResult made = api.as(owner).post("/api/v1/email/templates", Map.of("name", "Spring welcome",
                "subject", "Hi {{first_name | \"there\"}}", "html",
                "<p onclick=\"x()\">Hello</p><script>alert(1)</script><a href=\"{{unsubscribe_url}}\">Leave</a>"));
        assertThat(made).hasStatus(201);
        String id = Json.read(made, "$.id");
        assertThat(made.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        assertThat(Json.<List<String>>read(made, "$.removed")).containsExactly("an onclick", "a script");
        String stored = Json.read(api.as(owner).get("/api/v1/email/templates/" + id), "$.html");
        assertThat(stored).doesNotContain("script", "onclick").contains("<p>Hello</p>", "href=\"{{unsubscribe_url}}\"");

        assertThat(api.as(owner).post("/api/v1/email/templates", Map.of("name", " SPRING welcome ", "subject", "x",
                "html", "<p>x</p>"))).hasStatus(409);
        MvcTestResult copy = api.as(owner).post("/api/v1/email/templates", Map.of("copyFrom", "builtin-newsletter"));
        assertThat(copy).hasStatus(201);
        assertThat((String) Json.read(copy, "$.name")).isEqualTo("Copy of Newsletter");
        assertThat((String) Json.read(copy, "$.kind")).isEqualTo("NEWSLETTER");
        assertThat((String) Json.read(copy, "$.html")).contains("{{first_name | \"there\"}}");

        assertThat(api.as(owner).ifMatch("\"0\"").patch("/api/v1/email/templates/" + id,
                Map.of("subject", "Hello {{first_name}}"))).hasStatusOk();
        assertThat(api.as(owner).ifMatch("\"0\"").patch("/api/v1/email/templates/" + id,
                Map.of("subject", "Stale"))).hasStatus(412);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/templates/" + id), "$.subject"))
                .isEqualTo("Hello {{first_name}}");
        assertThat(api.as(owner).patch("/api/v1/email/templates/builtin-welcome", Map.of("subject", "x")))
                .hasStatus(409);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/templates"), "$.items[*].name"))
                .containsExactly("Welcome", "Newsletter", "Promotional", "Transactional", "Copy of Newsletter",
                        "Spring welcome");
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/templates?page=1&size=4"),
                "$.items[*].name")).containsExactly("Copy of Newsletter", "Spring welcome");

        assertThat(api.as(owner).delete("/api/v1/email/templates/" + id)).hasStatus(204);
        assertThat(api.as(owner).get("/api/v1/email/templates/" + id)).hasStatus(404);
        assertThat(api.as(owner).delete("/api/v1/email/templates/builtin-welcome")).hasStatus(409);
    }

    @Test
    void aPreviewUsesTheChosenContactsDataAndATestSendIsInTheLedger() {
        Member owner = workspaces.workspace("Templates preview");
        String ana = Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email", "ana@example.com",
                "name", "Ana Lima", "attributes", Map.of("city", "Porto & Braga"), "consent", CONSENT)), "$.id");
        api.as(owner).ifMatch("\"0\"").put("/api/v1/email/settings", Map.of("postalAddress", "Acme, 1 Main St"));
        String id = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("name", "City news",
                "subject", "News for {{first_name | \"you\"}}", "html", "<p>Hello {{name}} in {{city}}</p>")), "$.id");

        MvcTestResult preview = api.as(owner).post("/api/v1/email/templates/" + id + "/preview",
                Map.of("contactId", ana));
        assertThat(preview).hasStatusOk();
        assertThat((String) Json.read(preview, "$.subject")).isEqualTo("News for Ana");
        assertThat((String) Json.read(preview, "$.html")).contains("Hello Ana Lima in Porto &amp; Braga",
                "Acme, 1 Main St", "Unsubscribe");
        assertThat((String) Json.read(preview, "$.text")).contains("Hello Ana Lima in Porto & Braga");
        assertThat((String) Json.read(api.as(owner).post("/api/v1/email/templates/builtin-welcome/preview"),
                "$.subject")).isEqualTo("Welcome, Alex!");

        MvcTestResult sent = api.as(owner).post("/api/v1/email/templates/" + id + "/test-send",
                Map.of("to", "ana@example.com", "contactId", ana));
        assertThat(sent).hasStatus(201);
        assertThat((String) Json.read(sent, "$.state")).isEqualTo("SENT");
        assertThat(api.as(owner).post("/api/v1/email/templates/" + id + "/test-send",
                Map.of("to", owner.email()))).hasStatus(201);
        MvcTestResult stranger = api.as(owner).post("/api/v1/email/templates/" + id + "/test-send",
                Map.of("to", "someone@else.example"));
        assertThat(stranger).hasStatus(400).hasContentType("application/problem+json");
    }

    @Test
    void anotherWorkspaceRolesAndHostileInput() throws Exception {
        Member owner = workspaces.workspace("Templates ours");
        String id = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("name", "Ours", "subject", "x",
                "html", "<p>x</p>")), "$.id");
        Member stranger = workspaces.workspace("Templates theirs");
        assertThat(api.as(stranger).get("/api/v1/email/templates/" + id)).hasStatus(404);
        assertThat(api.as(stranger).patch("/api/v1/email/templates/" + id, Map.of("subject", "y"))).hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/email/templates/" + id + "/preview")).hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/email/templates", Map.of("copyFrom", id))).hasStatus(400);
        String theirContact = Json.read(api.as(stranger).post("/api/v1/email/contacts", Map.of("email",
                "bo@example.com", "consent", CONSENT)), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/templates/" + id + "/preview", Map.of("contactId",
                theirContact))).hasStatus(404);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(api.as(viewer).get("/api/v1/email/templates/" + id)).hasStatusOk();
        assertThat(api.as(viewer).post("/api/v1/email/templates/" + id + "/preview")).hasStatusOk();
        assertThat(api.as(viewer).post("/api/v1/email/templates", Map.of("name", "Mine"))).hasStatus(403);
        assertThat(api.as(viewer).patch("/api/v1/email/templates/" + id, Map.of("name", "Mine"))).hasStatus(403);
        assertThat(api.as(viewer).post("/api/v1/email/templates/" + id + "/test-send", Map.of("to",
                viewer.email()))).hasStatus(403);
        assertThat(api.as(contributor).delete("/api/v1/email/templates/" + id)).hasStatus(403);

        Map<String, Object> badTag = new HashMap<>(Map.of("name", "Bad", "subject", "x", "html",
                "<p>a</p>\n<p>{{First Name}}</p>"));
        MvcTestResult refused = api.as(owner).post("/api/v1/email/templates", badTag);
        assertThat(refused).hasStatus(400).hasContentType("application/problem+json");
        assertThat(refused.getResponse().getContentAsString()).contains("html", "line 2, column 4");
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("name", "x".repeat(121)),
                Map.of("name", "Big", "subject", "x", "html", "x".repeat(200_001)), Map.of("name", "No subject"),
                Map.of("name", "Kind", "kind", "NOPE"), Map.of("copyFrom", "builtin-nothing"))) {
            assertThat(api.as(owner).post("/api/v1/email/templates", body)).hasStatus(400)
                    .hasContentType("application/problem+json");
        }
        assertThat(api.as(owner).ifMatch("\"zz\"").patch("/api/v1/email/templates/" + id, Map.of("name", "y")))
                .hasStatus(400);
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/templates"), "$.total")).isEqualTo(5);
    }
}
