package io.flightdeck.planning;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Timeline templates: the built-in ones, CRUD with one default per type, validation, roles and tenancy. */
@FlightdeckTest
class TimelineTemplatesApiTests {

    static final String BASE = PlanningRequests.TEMPLATES;
    static final List<String> SKILLS = List.of("strategy", "copywriting", "design", "video", "social", "email",
            "analytics", "paid-media", "events", "seo", "project-management");
    static final String SMALL = """
            {"campaignType":"EVENT","name":"Meetup","description":"A small evening meetup","items":[
             {"key":"venue","title":"Book the venue","kind":"TASK","durationDays":3,"estimateHours":6,
              "skills":{"events":3},"milestone":"doors-open"},
             {"key":"invite","title":"Send invitations","kind":"TASK","durationDays":2,"estimateHours":4,
              "skills":{"email":2},"dependsOn":["venue"],"milestone":"doors-open"},
             {"key":"doors-open","title":"Doors open","kind":"MILESTONE","dependsOn":["invite"]}]}""";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private PlanningRequests api;
    private Member owner;
    private Member manager;

    @BeforeEach
    void setUp() {
        api = new PlanningRequests(mvc);
        owner = api.workspace(workspaces, "Templates");
        manager = workspaces.addMember(owner, Role.MANAGER);
    }

    @Test
    void everyWorkspaceStartsWithSixBuiltInTemplatesItCanEdit() {
        MvcTestResult list = api.get(workspaces.addMember(owner, Role.VIEWER), BASE);
        assertThat(list).hasStatusOk();
        assertThat((List<String>) Json.read(list, "$[*].campaignType")).containsExactlyInAnyOrder("PRODUCT_LAUNCH",
                "BRAND_AWARENESS", "LEAD_GENERATION", "EVENT", "SEASONAL_PROMOTION", "CONTENT_SERIES");
        assertThat((List<Boolean>) Json.read(list, "$[*].defaultForType")).containsOnly(true);
        List<Map<String, Object>> templates = Json.read(list, "$");
        for (Map<String, Object> template : templates) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) template.get("items");
            assertThat(items).as("%s", template.get("name")).hasSizeBetween(8, 14);
            List<String> titles = items.stream().map(i -> (String) i.get("title")).toList();
            assertThat(titles).contains("Brief approved", "Wrap-up report");
            assertThat(items.stream().filter(i -> i.get("kind").equals("MILESTONE")).count()).isBetween(3L, 6L);
            for (Map<String, Object> item : items) {
                if (item.get("kind").equals("TASK")) {
                    assertThat((Integer) item.get("durationDays")).isBetween(1, 250);
                    assertThat((Map<String, Integer>) item.get("skills")).isNotEmpty()
                            .allSatisfy((skill, level) -> {
                                assertThat(SKILLS).contains(skill);
                                assertThat(level).isBetween(1, 5);
                            });
                    assertThat((String) item.get("milestone")).as("%s leads to a milestone", item.get("title")).isNotNull();
                } else {
                    assertThat((Integer) item.get("durationDays")).isZero();
                }
            }
            assertThat((Integer) template.get("durationDays")).isBetween(10, 60);
        }
        MvcTestResult events = api.get(owner, BASE + "?type=EVENT");
        assertThat((List<String>) Json.read(events, "$[*].name")).containsExactly("Event");
        assertThat((List<?>) Json.read(api.get(owner, BASE + "?type=OTHER"), "$")).isEmpty();
        // read again: still six, not seeded twice
        assertThat((List<?>) Json.read(api.get(owner, BASE), "$")).hasSize(6);
    }

    @Test
    void managersCreateUpdateAndChooseTheDefault() {
        String builtin = Json.read(api.get(owner, BASE + "?type=EVENT"), "$[0].id");
        MvcTestResult created = api.post(manager, BASE, SMALL);
        assertThat(created).hasStatus(201).hasHeader(HttpHeaders.ETAG, "\"0\"");
        String id = Json.read(created, "$.id");
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(BASE + "/" + id);
        assertThat((Boolean) Json.read(created, "$.defaultForType")).isFalse();
        assertThat((Integer) Json.read(created, "$.durationDays")).isEqualTo(5);
        assertThat((Integer) Json.read(created, "$.tasks")).isEqualTo(2);

        assertThat(api.post(manager, BASE + "/" + id + "/make-default", null)).hasStatusOk();
        assertThat(defaults("EVENT")).containsExactly(id);

        String renamed = SMALL.replace("\"Meetup\"", "\"Evening meetup\"");
        // making it the default changed it: the first ETag is stale
        assertThat(api.put(manager, BASE + "/" + id, renamed, "\"0\"")).hasStatus(412);
        assertThat(api.get(manager, BASE + "/" + id)).hasHeader(HttpHeaders.ETAG, "\"1\"");
        MvcTestResult updated = api.put(manager, BASE + "/" + id, renamed, "\"1\"");
        assertThat(updated).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
        assertThat((String) Json.read(updated, "$.name")).isEqualTo("Evening meetup");
        assertThat((Boolean) Json.read(updated, "$.defaultForType")).isTrue();

        // the default moves to another type: the built-in Event template takes over Event again
        MvcTestResult moved = api.put(manager, BASE + "/" + id, renamed.replace("\"EVENT\"", "\"OTHER\""), null);
        assertThat((Boolean) Json.read(moved, "$.defaultForType")).isTrue();
        assertThat(defaults("EVENT")).containsExactly(builtin);
        assertThat(defaults("OTHER")).containsExactly(id);
    }

    @Test
    void deletingTheDefaultHandsItOnAndRestoringBringsItBack() {
        String builtin = Json.read(api.get(owner, BASE + "?type=EVENT"), "$[0].id");
        String id = Json.read(api.post(manager, BASE, SMALL), "$.id");

        assertThat(api.delete(manager, BASE + "/" + builtin)).hasStatus(204);
        assertThat(api.get(manager, BASE + "/" + builtin)).hasStatus(404);
        assertThat(defaults("EVENT")).containsExactly(id);
        assertThat((List<String>) Json.read(api.get(manager, BASE + "?deleted=true"), "$[*].id")).containsExactly(builtin);

        MvcTestResult restored = api.post(manager, BASE + "/" + builtin + "/restore", null);
        assertThat(restored).hasStatusOk();
        assertThat((Boolean) Json.read(restored, "$.defaultForType")).isFalse();
        assertThat(defaults("EVENT")).containsExactly(id);

        // the last template of a type leaves the type without a default; restoring it makes it the default again
        api.delete(manager, BASE + "/" + builtin);
        api.delete(manager, BASE + "/" + id);
        assertThat(defaults("EVENT")).isEmpty();
        assertThat((Boolean) Json.read(api.post(manager, BASE + "/" + id + "/restore", null), "$.defaultForType")).isTrue();
    }

    private List<String> defaults(String type) {
        return Json.read(api.get(owner, BASE + "?type=" + type), "$[?(@.defaultForType == true)].id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no name            | \"name\":\"Meetup\"                 | \"name\":\" \"                     | name",
            "long name          | \"name\":\"Meetup\"                 | \"name\":\"%s\"                    | name",
            "no items           | \"items\":[                         | \"items\":[],\"x\":[               | items",
            "bad key            | \"key\":\"venue\"                   | \"key\":\"Venue!\"                 | items[0].key items[1].dependsOn",
            "duplicate key      | \"key\":\"invite\"                  | \"key\":\"venue\"                  | items[1].key items[2].dependsOn",
            "no title           | \"title\":\"Send invitations\"      | \"title\":\"\"                     | items[1].title",
            "long duration      | \"durationDays\":3                  | \"durationDays\":251               | items[0].durationDays",
            "negative duration  | \"durationDays\":3                  | \"durationDays\":-1                | items[0].durationDays",
            "busy milestone     | \"kind\":\"MILESTONE\"              | \"kind\":\"MILESTONE\",\"durationDays\":2 | items[2].durationDays",
            "big estimate       | \"estimateHours\":6                 | \"estimateHours\":1001             | items[0].estimateHours",
            "skill level six    | \"events\":3                        | \"events\":6                       | items[0].skills",
            "skill level zero   | \"events\":3                        | \"events\":0                       | items[0].skills",
            "unknown dependency | \"dependsOn\":[\"venue\"]           | \"dependsOn\":[\"catering\"]       | items[1].dependsOn",
            "unknown milestone  | 3},\"milestone\":\"doors-open\"   | 3},\"milestone\":\"party\"          | items[0].milestone",
            "task as milestone  | 3},\"milestone\":\"doors-open\"   | 3},\"milestone\":\"invite\"         | items[0].milestone",
            "missing duration   | \"durationDays\":2,                 | \"durationDays\":null,             | items[1].durationDays"})
    void badTemplatesAreRefusedNamingTheField(String what, String find, String replace, String field) {
        String body = SMALL.replace(find, replace.replace("%s", "x".repeat(121)));
        assertThat(body).as("the case changes the body").isNotEqualTo(SMALL);
        MvcTestResult refused = api.post(manager, BASE, body);
        assertThat(refused).as(Json.body(refused)).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // every field at fault, in order: a renamed key also breaks the items depending on it
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly(field.split(" "));
        assertThat((List<?>) Json.read(api.get(owner, BASE + "?type=EVENT"), "$")).hasSize(1);
    }

    @Test
    void everyBadFieldOfOneTemplateIsListedAndNothingIsWritten() {
        String body = SMALL.replace("\"name\":\"Meetup\"", "\"name\":\" \"").replace("\"key\":\"venue\"", "\"key\":\"Venue!\"")
                .replace("\"durationDays\":2", "\"durationDays\":251").replace("{\"events\":3},\"milestone\":\"doors-open\"", "{\"events\":3},\"milestone\":\"party\"");
        MvcTestResult refused = api.post(manager, BASE, body);
        assertThat(refused).as(Json.body(refused)).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactlyInAnyOrder("name", "items[0].key",
                "items[1].durationDays", "items[0].milestone", "items[1].dependsOn");
        assertThat((List<?>) Json.read(api.get(owner, BASE + "?type=EVENT"), "$")).hasSize(1);
    }

    @Test
    void nullsInsideAnItemAreBadInputNotAServerError() {
        for (String body : List.of(SMALL.replace("\"events\":3", "\"events\":null"),
                SMALL.replace("\"dependsOn\":[\"venue\"]", "\"dependsOn\":[null]"))) {
            assertThat(body).isNotEqualTo(SMALL);
            MvcTestResult refused = api.post(manager, BASE, body);
            assertThat(refused).as(Json.body(refused)).hasStatus(400);
            assertThat((String) Json.read(refused, "$.type")).endsWith("/validation");
        }
    }

    @Test
    void aDependencyCycleIsRefusedNamingItsItems() {
        String cycle = SMALL.replace("\"skills\":{\"events\":3},", "\"skills\":{\"events\":3},\"dependsOn\":[\"doors-open\"],");
        MvcTestResult refused = api.post(manager, BASE, cycle);
        assertThat(refused).hasStatus(400);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/dependency-cycle");
        List<String> named = Json.read(refused, "$.cycle");
        assertThat(named).hasSize(4).contains("Book the venue", "Send invitations", "Doors open");
        assertThat(named.get(0)).isEqualTo(named.get(3));
        assertThat((String) Json.read(refused, "$.detail")).contains("Book the venue").contains("Doors open");

        String id = Json.read(api.post(manager, BASE, SMALL), "$.id");
        assertThat(api.put(manager, BASE + "/" + id, cycle, null)).hasStatus(400);
        MvcTestResult unknownType = api.post(manager, BASE, SMALL.replace("\"EVENT\"", "\"PARTY\""));
        assertThat(unknownType).hasStatus(400);
        assertThat((List<String>) Json.read(unknownType, "$.errors[*].field")).containsExactly("campaignType");
    }

    @Test
    void onlyManagersChangeTemplatesAndOtherWorkspacesSeeNone() {
        String id = Json.read(api.post(manager, BASE, SMALL), "$.id");
        for (Role role : List.of(Role.CONTRIBUTOR, Role.APPROVER, Role.VIEWER)) {
            Member member = workspaces.addMember(owner, role);
            assertThat(api.get(member, BASE + "/" + id)).hasStatusOk();
            assertThat(api.post(member, BASE, SMALL)).as("%s", role).hasStatus(403);
            assertThat(api.put(member, BASE + "/" + id, SMALL, null)).as("%s", role).hasStatus(403);
            assertThat(api.delete(member, BASE + "/" + id)).as("%s", role).hasStatus(403);
            assertThat(api.post(member, BASE + "/" + id + "/make-default", null)).as("%s", role).hasStatus(403);
            assertThat(api.post(member, BASE + "/" + id + "/restore", null)).as("%s", role).hasStatus(403);
        }

        Member stranger = api.workspace(workspaces, "Template stranger");
        assertThat(api.get(stranger, BASE + "/" + id)).hasStatus(404);
        assertThat(api.put(stranger, BASE + "/" + id, SMALL, null)).hasStatus(404);
        assertThat(api.delete(stranger, BASE + "/" + id)).hasStatus(404);
        assertThat(api.post(stranger, BASE + "/" + id + "/make-default", null)).hasStatus(404);
        assertThat(api.post(stranger, BASE + "/" + id + "/restore", null)).hasStatus(404);
        assertThat((List<String>) Json.read(api.get(stranger, BASE), "$[*].id")).doesNotContain(id).hasSize(6);
        // a campaign cannot be planned from another workspace's template
        String campaign = api.campaign(stranger, "Borrowing", "EVENT", "LOW", null, null);
        MvcTestResult borrowed = api.generate(stranger, campaign, "{\"templateId\":\"" + id + "\"}");
        assertThat((List<String>) Json.read(borrowed, "$.errors[*].field")).containsExactly("templateId");
        assertThat(api.get(owner, BASE + "/" + UUID.randomUUID())).hasStatus(404);
    }

    @Test
    void creatingHonoursTheIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        MvcTestResult first = mvc.post().uri(BASE).header(HttpHeaders.AUTHORIZATION, manager.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(SMALL).exchange();
        MvcTestResult second = mvc.post().uri(BASE).header(HttpHeaders.AUTHORIZATION, manager.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(SMALL).exchange();
        assertThat(first).hasStatus(201);
        assertThat(second).hasStatus(201);
        assertThat((String) Json.read(second, "$.id")).isEqualTo(Json.read(first, "$.id"));
        assertThat((List<?>) Json.read(api.get(owner, BASE + "?type=EVENT"), "$")).hasSize(2);
    }
}
