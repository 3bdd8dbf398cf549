package io.flightdeck.email;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Segments through {@code /api/v1/email/segments}: the five built-ins first with their live counts and read-only; a
 * segment of one's own made, counted, listed with its members, changed under If-Match and removed; rules refused with a
 * problem per condition (never a 500); the live count without saving; another workspace's segment and list not found;
 * viewers read and count only.
 */
@FlightdeckTest
class SegmentsApiTests {

    private static final String ALL = UUID.nameUUIDFromBytes("flightdeck-segment:all".getBytes()).toString();
    private static final Map<String, Object> CONSENT = Map.of("source", "MANUAL", "evidence", "Asked at the fair");

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void builtInsComeFirstWithTheirCountsAndOwnSegmentsFollow() {
        Member owner = workspaces.workspace("Segments API");
        contact(owner, "ana@example.com", Map.of("plan", "pro", "lifetime_value", "800"));
        contact(owner, "bo@example.com", Map.of("plan", "basic"));
        String cy = contact(owner, "cy@example.com", Map.of("plan", "PRO"));
        api.as(owner).post("/api/v1/email/contacts/" + cy + "/unsubscribe", Map.of());

        MvcTestResult list = api.as(owner).get("/api/v1/email/segments");
        assertThat(list).hasStatusOk();
        assertThat(Json.<List<String>>read(list, "$.items[*].name")).containsExactly("All", "Active", "High value",
                "New", "Inactive");
        assertThat(Json.<List<Integer>>read(list, "$.items[*].contacts")).containsExactly(2, 0, 1, 2, 0);
        assertThat(Json.<List<Boolean>>read(list, "$.items[*].builtIn")).containsOnly(true);
        assertThat((String) Json.read(list, "$.items[0].id")).isEqualTo(ALL);
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/segments/list"), "$.total")).isEqualTo(5);

        MvcTestResult made = api.as(owner).post("/api/v1/email/segments", Map.of("name", "Pro plan",
                "description", "On the pro plan", "rules", Map.of("match", "ALL", "conditions", List.of(
                        Map.of("field", "attribute", "key", "plan", "operator", "equals", "value", "pro")))));
        assertThat(made).hasStatus(201);
        assertThat(made.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        assertThat((Integer) Json.read(made, "$.contacts")).as("cy is unsubscribed").isEqualTo(1);
        String pro = Json.read(made, "$.id");
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/segments?size=3&page=1"),
                "$.items[*].name")).containsExactly("New", "Inactive", "Pro plan");
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/segments/" + pro + "/contacts"),
                "$.items[*].email")).containsExactly("ana@example.com");
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/segments/" + ALL + "/contacts?size=1"),
                "$.items[*].email")).containsExactly("ana@example.com");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/segments/" + ALL + "/contacts?size=1"),
                "$.total")).isEqualTo(2);

        assertThat(api.as(owner).post("/api/v1/email/segments", Map.of("name", " PRO plan ", "rules", Map.of())))
                .hasStatus(409);
        assertThat(api.as(owner).post("/api/v1/email/segments", Map.of("name", "active", "rules", Map.of())))
                .as("a built-in's name").hasStatus(409);

        MvcTestResult stale = api.as(owner).ifMatch("\"7\"").patch("/api/v1/email/segments/" + pro,
                Map.of("name", "Pro"));
        assertThat(stale).hasStatus(412);
        MvcTestResult renamed = api.as(owner).ifMatch("\"0\"").patch("/api/v1/email/segments/" + pro,
                Map.of("name", "Pro customers"));
        assertThat(renamed).hasStatusOk();
        assertThat((String) Json.read(renamed, "$.description")).isEqualTo("On the pro plan");
        assertThat(renamed.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        MvcTestResult replaced = api.as(owner).ifMatch("\"1\"").put("/api/v1/email/segments/" + pro, Map.of("name",
                "Everyone with a plan", "rules", Map.of("conditions", List.of(Map.of("field", "attribute", "key",
                        "plan", "operator", "exists")))));
        assertThat(replaced).hasStatusOk();
        assertThat((Integer) Json.read(replaced, "$.contacts")).isEqualTo(2);
        assertThat((String) Json.read(replaced, "$.rules.match")).isEqualTo("ALL");

        assertThat(api.as(owner).patch("/api/v1/email/segments/" + ALL, Map.of("name", "Everyone"))).hasStatus(409)
                .hasContentType("application/problem+json");
        assertThat(api.as(owner).delete("/api/v1/email/segments/" + ALL)).hasStatus(409);
        assertThat(api.as(owner).delete("/api/v1/email/segments/" + pro)).hasStatus(204);
        assertThat(api.as(owner).get("/api/v1/email/segments/" + pro)).hasStatus(404);
    }

    @Test
    void theLiveCountCountsRulesWithoutSavingThem() {
        Member owner = workspaces.workspace("Segments count");
        contact(owner, "ana@shop.example", Map.of("lifetime_value", "1,200"));
        contact(owner, "bo@example.com", Map.of("lifetime_value", "90"));
        String vip = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "VIP")), "$.id");
        MvcTestResult count = api.as(owner).post("/api/v1/email/segments/count", Map.of("match", "ANY", "conditions",
                List.of(Map.of("field", "email_domain", "operator", "is", "value", "example.com"),
                        Map.of("field", "attribute", "key", "lifetime_value", "operator", "greater_than",
                                "value", 1000))));
        assertThat(count).hasStatusOk();
        assertThat((Integer) Json.read(count, "$.contacts")).isEqualTo(2);
        assertThat((Integer) Json.read(api.as(owner).post("/api/v1/email/segments/count", Map.of("conditions",
                List.of(Map.of("field", "list", "operator", "not_in", "value", vip)))), "$.contacts")).isEqualTo(2);
        assertThat((Integer) Json.read(api.as(owner).post("/api/v1/email/segments/count", Map.of()), "$.contacts"))
                .as("no conditions: everyone").isEqualTo(2);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/segments"), "$.items[*].name"))
                .as("nothing saved").hasSize(5);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post("/api/v1/email/segments/count", Map.of())).hasStatusOk();
    }

    @Test
    void badRulesAreProblemsNamingTheCondition() throws Exception {
        Member owner = workspaces.workspace("Segments problems");
        Member stranger = workspaces.workspace("Segments stranger");
        String theirs = Json.read(api.as(stranger).post("/api/v1/email/lists", Map.of("name", "Theirs")), "$.id");

        MvcTestResult bad = api.as(owner).post("/api/v1/email/segments/count", Map.of("conditions", List.of(
                Map.of("field", "shoe_size", "operator", "is", "value", "42"),
                Map.of("field", "status", "operator", "contains", "value", "SUB"),
                Map.of("field", "attribute", "key", "lifetime_value", "operator", "greater_than", "value", "lots"),
                Map.of("field", "list", "operator", "in", "value", theirs),
                Map.of("field", "opened", "operator", "within_days", "value", "0"),
                Map.of("field", "attribute", "key", "Bad Key!", "operator", "exists"),
                Map.of("field", "attribute", "key", "renewal", "operator", "before", "value", "next spring"))));
        assertThat(bad).hasStatus(400).hasContentType("application/problem+json");
        String body = bad.getResponse().getContentAsString();
        assertThat(body).contains("rules.conditions[0].field", "Unknown field", "rules.conditions[1].operator",
                "rules.conditions[2].value", "Not a number", "rules.conditions[3].value", "Not a list of this workspace",
                "rules.conditions[4].value", "rules.conditions[5].key", "rules.conditions[6].value", "Not a date");

        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(Map.of("field", "name", "operator", "contains", "value", "a"));
        }
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        Map<String, Object> nullField = new HashMap<>();
        nullField.put("field", null);
        for (Object rules : List.of(Map.of("conditions", many), Map.of("conditions", withNull),
                Map.of("conditions", List.of(nullField)), Map.of("match", "SOME"), Map.of("conditions", "all"),
                Map.of("conditions", List.of(Map.of("field", "name", "operator", "contains", "value",
                        "x".repeat(501)))))) {
            assertThat(api.as(owner).post("/api/v1/email/segments/count", rules)).as(rules.toString().substring(0,
                    Math.min(80, rules.toString().length()))).hasStatus(400).hasContentType("application/problem+json");
        }
        assertThat(api.as(owner).post("/api/v1/email/segments", Map.of("name", "No rules"))).hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/email/segments", Map.of("name", "", "rules", Map.of()))).hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/email/segments", Map.of("name", "Theirs", "rules", Map.of("conditions",
                List.of(Map.of("field", "list", "operator", "in", "value", theirs)))))).hasStatus(400);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/segments"), "$.items[*].name"))
                .as("nothing half-written").hasSize(5);
    }

    @Test
    void anotherWorkspaceFindsNothingAndViewersOnlyRead() {
        Member owner = workspaces.workspace("Segments ours");
        String ours = Json.read(api.as(owner).post("/api/v1/email/segments", Map.of("name", "Ours",
                "rules", Map.of())), "$.id");
        Member stranger = workspaces.workspace("Segments theirs");
        assertThat(api.as(stranger).get("/api/v1/email/segments/" + ours)).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/email/segments/" + ours + "/contacts")).hasStatus(404);
        assertThat(api.as(stranger).patch("/api/v1/email/segments/" + ours, Map.of("name", "Mine"))).hasStatus(404);
        assertThat(api.as(stranger).delete("/api/v1/email/segments/" + ours)).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/email/segments/" + ALL)).as("built-ins are everyone's").hasStatusOk();

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(api.as(viewer).get("/api/v1/email/segments/" + ours)).hasStatusOk();
        assertThat(api.as(viewer).post("/api/v1/email/segments", Map.of("name", "Mine", "rules", Map.of())))
                .hasStatus(403);
        assertThat(api.as(viewer).patch("/api/v1/email/segments/" + ours, Map.of("name", "Mine"))).hasStatus(403);
        assertThat(api.as(contributor).patch("/api/v1/email/segments/" + ours, Map.of("name", "Renamed")))
                .hasStatusOk();
        assertThat(api.as(contributor).delete("/api/v1/email/segments/" + ours)).hasStatus(403);
        assertThat(api.as(viewer).delete("/api/v1/email/segments/" + ours)).hasStatus(403);
    }

    private String contact(Member owner, String email, Map<String, String> attributes) {
        return Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email", email, "attributes", attributes,
                "consent", CONSENT)), "$.id");
    }
}
