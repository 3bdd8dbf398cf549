package io.flightdeck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.ApiOperations;
import io.flightdeck.support.ApiOperations.Operation;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the OpenAPI document the way a careless client would. A request that is refused is
 * refused before anything is written: the workspace's audit log, which records every write of every entity, does not
 * move.
 */
@FlightdeckTest
class ApiContractTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private Member owner;
    private final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void fixture() {
        owner = workspaces.workspace("Contract");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        // The fixture generates the timeline itself, so the automatic one must not race it.
        assertThat(api.as(owner).put("/api/v1/planning-settings", """
                {"autoTimeline":false,"bufferUrgent":5,"bufferHigh":10,"bufferMedium":15,"bufferLow":20,"holidays":[]}"""))
                .hasStatusOk();
        String campaign = created(post("/api/v1/campaigns", """
                {"name":"Contract launch","description":"Every operation walked","type":"PRODUCT_LAUNCH",
                 "startDate":"%s","endDate":"%s"}""".formatted(LocalDate.now().plusDays(40), LocalDate.now().plusDays(90))));
        ids.put("campaign", campaign);
        assertThat(post("/api/v1/campaigns/" + campaign + "/approvals/initialize", null)).hasStatusOk();
        ids.put("approval", Json.read(get("/api/v1/campaigns/" + campaign + "/approvals/content"), "$.id"));
        ids.put("comment", created(post("/api/v1/approvals/" + ids.get("approval") + "/comments", "{\"body\":\"Looks fine\"}")));
        ids.put("link", created(post("/api/v1/approvals/" + ids.get("approval") + "/reviewer-links", "{\"name\":\"Lee\"}")));
        ids.put("delegation", created(post("/api/v1/approval-delegations", "{\"delegateId\":\"%s\",\"endsAt\":\"%s\"}"
                .formatted(manager.userId(), java.time.Instant.now().plusSeconds(86_400 * 7)))));
        assertThat(post("/api/v1/campaigns/" + campaign + "/timeline/generate", "{}")).hasStatusOk();
        readPlan();
        ids.put("template", Json.read(get("/api/v1/timeline-templates"), "$[0].id"));
        ids.put("apiKey", created(post("/api/v1/api-keys", "{\"name\":\"Walker\",\"roleCeiling\":\"MANAGER\"}")));
        ids.put("invitation", created(post("/api/v1/invitations", "{\"email\":\"%s\",\"role\":\"VIEWER\"}"
                .formatted(TestWorkspaces.uniqueEmail("invited")))));
        ids.put("timeOff", created(post("/api/v1/team/members/" + owner.userId() + "/time-off",
                "{\"startsOn\":\"2030-06-03\",\"endsOn\":\"2030-06-07\",\"reason\":\"Summer\"}")));
        ids.put("user", manager.userId().toString());
    }

    /** The ids of a task, its first predecessor and a milestone of the campaign's current timeline. */
    private void readPlan() {
        MvcTestResult plan = get("/api/v1/campaigns/" + ids.get("campaign") + "/tasks?size=50");
        List<String> tasks = Json.read(plan, "$.items[?(@.kind == 'TASK')].id");
        ids.put("task", tasks.get(tasks.size() - 1));
        ids.put("predecessor", tasks.get(0));
        ids.put("milestone", Json.<List<String>>read(plan, "$.items[?(@.kind == 'MILESTONE')].id").get(0));
    }

    private MvcTestResult get(String path) {
        return api.as(owner).get(path);
    }

    private MvcTestResult post(String path, String body) {
        return api.as(owner).post(path, body);
    }

    /** The new resource's id: from its Location header, or the body's id where a create answers without one. */
    private static String created(MvcTestResult result) {
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader(HttpHeaders.LOCATION);
        return location != null ? location.substring(location.lastIndexOf('/') + 1) : Json.read(result, "$.id");
    }

    /** A real id for each path parameter where the fixture has one, so a refused write would have had something to change. */
    private String value(String path, String parameter) {
        String collection = path.replaceFirst("^/api/v1/", "").split("/")[0];
        return switch (parameter) {
            case "approvalId" -> ids.get("approval");
            case "commentId" -> ids.get("comment");
            case "linkId" -> ids.get("link");
            case "taskId" -> ids.get("task");
            case "predecessorId" -> ids.get("predecessor");
            case "userId" -> ids.get("user");
            case "scope", "key" -> "content";
            case "version" -> "1";
            case "index" -> "0";
            case "transition" -> "plan";
            case "token" -> "not-a-real-token";
            case "id" -> switch (collection) {
                case "campaigns" -> ids.get("campaign");
                case "tasks" -> ids.get("task");
                case "approval-delegations" -> ids.get("delegation");
                case "api-keys" -> ids.get("apiKey");
                case "invitations" -> ids.get("invitation");
                case "timeline-templates" -> ids.get("template");
                case "team" -> ids.get("timeOff");
                default -> UUID.randomUUID().toString();
            };
            default -> UUID.randomUUID().toString();
        };
    }

    private long auditEntries() {
        Number total = Json.read(get("/api/v1/audit-log?size=1"), "$.total");
        return total.longValue();
    }

    private ApiOperations operations() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).hasStatusOk();
        return ApiOperations.of(Json.body(docs));
    }

    @Test
    void everyWriteRefusedForItsAcceptHeaderWritesNothing() {
        ApiOperations api = operations();
        List<Operation> writes = api.writes();
        assertThat(writes).hasSizeGreaterThan(60);
        List<String> wrote = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        for (Operation operation : writes) {
            long before = auditEntries();
            var request = mvc.method(HttpMethod.valueOf(operation.method().toUpperCase()))
                    .uri(operation.uri(this::value))
                    .header(HttpHeaders.AUTHORIZATION, owner.bearer())
                    .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_XML_VALUE);
            if (operation.hasJsonBody()) {
                request = request.contentType(MediaType.APPLICATION_JSON).content(api.exampleBody(operation).toString());
            } else if (operation.hasMultipartBody()) {
                // a one-part form with a small file, so that only the Accept header is wrong
                request = request.contentType("multipart/form-data; boundary=fd").content(
                        "--fd\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                                + "Content-Type: text/plain\r\n\r\nhello\r\n--fd--\r\n");
            }
            MvcTestResult result = request.exchange();
            if (auditEntries() != before) {
                wrote.add(operation + " answered " + result.getResponse().getStatus());
            }
            String type = result.getResponse().getContentType();
            if (result.getResponse().getStatus() != 406 || type == null || !type.startsWith("application/problem+json")) {
                notRefused.add(operation + " answered " + result.getResponse().getStatus() + " " + type);
            }
        }
        assertThat(wrote).as("writes that happened although the request was refused").isEmpty();
        assertThat(notRefused).as("operations that did not answer a 406 problem").isEmpty();
    }

    /**
     * A client that copies an operation's documented example gets past validation: the example is a valid request.
     * Ids in an example cannot exist in this workspace, so the walk puts the fixture's ids in their place.
     */
    @Test
    void everyDocumentedExampleIsAValidRequest() {
        ApiOperations api = operations();
        List<String> refused = new ArrayList<>();
        List<Operation> withBodies = api.all().stream().filter(Operation::hasJsonBody).toList();
        assertThat(withBodies).hasSizeGreaterThan(30);
        for (Operation operation : withBodies) {
            JsonNode example = withFixtureIds(api.exampleBody(operation));
            MvcTestResult result = mvc.method(HttpMethod.valueOf(operation.method().toUpperCase()))
                    .uri(operation.uri(this::value))
                    .header(HttpHeaders.AUTHORIZATION, owner.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content(example.toString()).exchange();
            int status = result.getResponse().getStatus();
            if (status == 400 || status >= 500) {
                refused.add(operation + " answered " + status + " to " + example + ": " + Json.body(result));
            }
            if (operation.path().endsWith("/timeline/generate")) {
                readPlan(); // the example replaces the timeline, and with it the tasks
            }
        }
        assertThat(refused).as("documented examples the API refuses").isEmpty();
    }

    /** Puts the fixture's ids where an example names a member, a template, a task or a comment. */
    private JsonNode withFixtureIds(JsonNode example) {
        if (example instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                String id = switch (field) {
                    case "delegateId", "assigneeId", "userId", "ownerId", "memberId" -> ids.get("user");
                    case "templateId" -> ids.get("template");
                    case "predecessorId", "taskId" -> ids.get("predecessor");
                    case "parentId" -> ids.get("comment");
                    case "milestoneId" -> ids.get("milestone");
                    case "currentPassword" -> TestWorkspaces.PASSWORD;
                    default -> null;
                };
                if (id != null && value.isString()) {
                    object.put(field, id);
                } else if (("memberIds".equals(field) || "trustedMemberIds".equals(field)) && value.isArray()) {
                    object.set(field, JsonNodeFactory.instance.arrayNode().add(ids.get("user")));
                } else if ("taskIds".equals(field) && value.isArray()) {
                    object.set(field, JsonNodeFactory.instance.arrayNode().add(ids.get("task")));
                } else {
                    withFixtureIds(value);
                }
            }
        } else if (example.isArray()) {
            example.forEach(this::withFixtureIds);
        }
        return example;
    }

    @Test
    void aRefusedCreateLeavesNoCampaignAndARefusedUpdateNoChange() {
        MvcTestResult refused = api.as(owner).header(HttpHeaders.ACCEPT, MediaType.APPLICATION_XML_VALUE)
                .post("/api/v1/campaigns", "{\"name\":\"Refused for its Accept\",\"type\":\"OTHER\"}");
        assertThat(refused).hasStatus(406);
        assertThat((String) Json.read(refused, "$.type")).isEqualTo("https://flightdeck.dev/problems/not-acceptable");
        assertThat(Json.body(get("/api/v1/campaigns?q=Refused"))).contains("\"total\":0");

        assertThat(api.as(owner).header(HttpHeaders.ACCEPT, "text/html")
                .put("/api/v1/campaigns/" + ids.get("campaign"), "{\"name\":\"Renamed anyway\",\"type\":\"OTHER\"}"))
                .hasStatus(406);
        assertThat((String) Json.read(get("/api/v1/campaigns/" + ids.get("campaign")), "$.name")).isEqualTo("Contract launch");
    }

    @Test
    void acceptHeadersThatAllowJsonStillWork() {
        for (String accept : List.of("application/json", "*/*", "application/*", "application/problem+json, application/json;q=0.5",
                "text/html, application/json;q=0.9")) {
            assertThat(api.as(owner).header(HttpHeaders.ACCEPT, accept).get("/api/v1/campaigns/" + ids.get("campaign")))
                    .as(accept).hasStatusOk();
        }
        assertThat(api.as(owner).header(HttpHeaders.ACCEPT, "text/csv").get("/api/v1/audit-log/export")).hasStatusOk();
        assertThat(api.as(owner).header(HttpHeaders.ACCEPT, "application/json").get("/api/v1/audit-log/export"))
                .hasStatus(406);
    }
}
