package io.flightdeck.email;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.IllegalMoves;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contacts through {@code /api/v1/email/contacts}: one per address whatever its case, each with a consent basis and
 * its provenance; suppression and fresh consent; a data request answered by an export and an erasure; bad input
 * refused with a problem and nothing written; another workspace sees nothing; a viewer reads only.
 */
@FlightdeckTest
class ContactsApiTests {

    private static final Map<String, Object> CONSENT = Map.of("source", "FORM",
            "evidence", "Newsletter form on example.com: Send me the monthly news");

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aContactIsOnePerAddressWithItsConsentAndCanBeFound() {
        Member owner = workspaces.workspace("Contacts basics");
        MvcTestResult made = api.as(owner).post("/api/v1/email/contacts", Map.of("email", "  Ana.Lima@Example.COM ",
                "name", "Ana Lima", "attributes", Map.of("city", "Lisbon", "plan", "pro"), "timeZone", "Europe/Lisbon",
                "consent", CONSENT));

        assertThat(made).hasStatus(201);
        assertThat(made.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        String id = Json.read(made, "$.id");
        assertThat((String) Json.read(made, "$.email")).isEqualTo("Ana.Lima@example.com");
        assertThat((String) Json.read(made, "$.status")).isEqualTo("SUBSCRIBED");
        assertThat((String) Json.read(made, "$.consent.source")).isEqualTo("FORM");
        assertThat((String) Json.read(made, "$.consent.evidence")).startsWith("Newsletter form");
        assertThat((String) Json.read(made, "$.consent.at")).isNotBlank();
        assertThat((Map<String, String>) Json.read(made, "$.attributes")).containsOnly(Map.entry("city", "Lisbon"),
                Map.entry("plan", "pro"));

        MvcTestResult twice = api.as(owner).post("/api/v1/email/contacts", Map.of("email", "ana.lima@example.com",
                "consent", CONSENT));
        assertThat(twice).hasStatus(409).hasContentType("application/problem+json");
        assertThat((String) Json.read(twice, "$.contactId")).isEqualTo(id);

        api.as(owner).post("/api/v1/email/contacts", Map.of("email", "bruno@example.com", "name", "Bruno 100%_Real",
                "consent", Map.of("source", "MANUAL", "evidence", "Asked at the fair")));
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/contacts?q=LIMA"), "$.items[*].id"))
                .containsExactly(id);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/contacts?q=_"), "$.items[*].email"))
                .as("_ is searched for, not a wildcard").containsExactly("bruno@example.com");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/contacts?size=1"), "$.total")).isEqualTo(2);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/contacts?status=UNSUBSCRIBED"),
                "$.items")).isEmpty();
    }

    @Test
    void unsubscribingSuppressesAtOnceAndOnlyFreshConsentBringsThemBack() {
        Member owner = workspaces.workspace("Contacts suppression");
        String id = Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email", "cara@example.com",
                "consent", CONSENT)), "$.id");

        MvcTestResult unsubscribed = api.as(owner).post("/api/v1/email/contacts/" + id + "/unsubscribe",
                Map.of("reason", "Asked by phone"));
        assertThat((String) Json.read(unsubscribed, "$.status")).isEqualTo("UNSUBSCRIBED");
        assertThat((String) Json.read(unsubscribed, "$.statusReason")).contains("Asked by phone");
        assertThat(api.as(owner).post("/api/v1/email/contacts/" + id + "/resubscribe", Map.of("source", "FORM")))
                .as("no evidence, no consent").hasStatus(400);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + id), "$.status"))
                .isEqualTo("UNSUBSCRIBED");

        MvcTestResult back = api.as(owner).post("/api/v1/email/contacts/" + id + "/resubscribe",
                Map.of("source", "MANUAL", "evidence", "Signed up again at the spring fair"));
        assertThat((String) Json.read(back, "$.status")).isEqualTo("SUBSCRIBED");
        assertThat((String) Json.read(back, "$.consent.evidence")).isEqualTo("Signed up again at the spring fair");
        IllegalMoves.assertRefused(api.as(owner).post("/api/v1/email/contacts/" + id + "/resubscribe", CONSENT),
                "SUBSCRIBED", "resubscribe", List.of());
        IllegalMoves.assertRefused(api.as(owner).post("/api/v1/email/contacts/" + id + "/opt-in/resend"),
                "SUBSCRIBED", "resend", List.of());
    }

    @Test
    void changesTakeTheVersionReadAndADataRequestIsAnsweredByExportAndErasure() {
        Member owner = workspaces.workspace("Contacts requests");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String id = Json.read(api.as(contributor).post("/api/v1/email/contacts", Map.of("email", "dora@example.com",
                "consent", CONSENT)), "$.id");

        MvcTestResult changed = api.as(contributor).ifMatch("\"0\"").patch("/api/v1/email/contacts/" + id,
                Map.of("name", "Dora", "attributes", Map.of("plan", "free")));
        assertThat(changed).hasStatusOk();
        assertThat(changed.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(api.as(contributor).ifMatch("\"0\"").patch("/api/v1/email/contacts/" + id, Map.of("name", "Old")))
                .hasStatus(412);

        assertThat(api.as(contributor).get("/api/v1/email/contacts/" + id + "/export")).hasStatus(403);
        MvcTestResult export = api.as(owner).get("/api/v1/email/contacts/" + id + "/export");
        assertThat((String) Json.read(export, "$.contact.email")).isEqualTo("dora@example.com");
        assertThat((String) Json.read(export, "$.contact.consent.evidence")).startsWith("Newsletter form");
        assertThat(api.as(contributor).delete("/api/v1/email/contacts/" + id)).hasStatus(403);
        assertThat(api.as(owner).delete("/api/v1/email/contacts/" + id)).hasStatus(204);
        assertThat(api.as(owner).get("/api/v1/email/contacts/" + id)).hasStatus(404);
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        Member owner = workspaces.workspace("Contacts bad input");
        for (String body : new String[] {
                "{\"email\":\"not an address\",\"consent\":{\"source\":\"FORM\",\"evidence\":\"x\"}}",
                "{\"email\":\"a@example.com\"}",
                "{\"email\":\"a@example.com\",\"consent\":{\"source\":\"FORM\",\"evidence\":\"  \"}}",
                "{\"email\":\"a@example.com\",\"consent\":{\"source\":\"DOUBLE_OPT_IN\",\"evidence\":\"x\"}}",
                "{\"email\":\"a@example.com\",\"consent\":{\"source\":\"SMOKE\",\"evidence\":\"x\"}}",
                "{\"email\":\"a@example.com\",\"consent\":{\"source\":\"FORM\",\"evidence\":\"x\",\"at\":\"2999-01-01T00:00:00Z\"}}",
                "{\"email\":\"a@example.com\",\"attributes\":{\"Bad Key\":\"x\"},\"consent\":{\"source\":\"FORM\",\"evidence\":\"x\"}}",
                "{\"email\":\"a@example.com\",\"attributes\":{\"city\":\"" + "x".repeat(501)
                        + "\"},\"consent\":{\"source\":\"FORM\",\"evidence\":\"x\"}}",
                "{\"email\":\"a@example.com\",\"timeZone\":\"Mars/Olympus\",\"consent\":{\"source\":\"FORM\",\"evidence\":\"x\"}}",
                "{\"email\":\"" + "a".repeat(400) + "@example.com\",\"consent\":{\"source\":\"FORM\",\"evidence\":\"x\"}}",
                "{\"email\":[null],\"consent\":{\"source\":\"FORM\",\"evidence\":\"x\"}}",
                "[]", "not json"}) {
            MvcTestResult refused = api.as(owner).raw(HttpMethod.POST, "/api/v1/email/contacts", "application/json",
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(refused).as(body.length() > 60 ? body.substring(0, 60) : body).hasStatus(400)
                    .hasContentType("application/problem+json");
        }
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/contacts"), "$.total")).isZero();
        assertThat(api.as(owner).get("/api/v1/email/contacts?q=" + "x".repeat(400))).hasStatus(400);
        assertThat(api.as(owner).get("/api/v1/email/contacts?status=LOST")).hasStatus(400);
    }

    @Test
    void anotherWorkspaceSeesNothingAndAViewerOnlyReads() {
        Member owner = workspaces.workspace("Contacts ours");
        String id = Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email", "eve@example.com",
                "consent", CONSENT)), "$.id");
        Member stranger = workspaces.workspace("Contacts theirs");
        assertThat(api.as(stranger).get("/api/v1/email/contacts/" + id)).hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/email/contacts/" + id + "/unsubscribe")).hasStatus(404);
        assertThat(api.as(stranger).delete("/api/v1/email/contacts/" + id)).hasStatus(404);
        assertThat((Integer) Json.read(api.as(stranger).get("/api/v1/email/contacts"), "$.total")).isZero();
        assertThat(api.as(stranger).post("/api/v1/email/contacts", Map.of("email", "eve@example.com",
                "consent", CONSENT))).as("the same address is another workspace's own contact").hasStatus(201);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).get("/api/v1/email/contacts/" + id)).hasStatusOk();
        assertThat(api.as(viewer).post("/api/v1/email/contacts", Map.of("email", "fay@example.com",
                "consent", CONSENT))).hasStatus(403);
        assertThat(api.as(viewer).post("/api/v1/email/contacts/" + id + "/unsubscribe")).hasStatus(403);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + id), "$.status"))
                .isEqualTo("SUBSCRIBED");
    }
}
