package io.flightdeck;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.ApiOperations;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One workspace with something behind every path parameter the OpenAPI walks name (a campaign with its approvals,
 * timeline and tasks, a delegation, an API key, an invitation, time off), built through the API. The walks in
 * {@link ApiContractTests} and {@link ApiHostileInputTests} fill paths and bodies with its ids, so that a refused write
 * would have had something to change.
 */
final class ApiContractFixture {

    final Member owner;
    final Member viewer;
    private final ApiClient api;
    private final Map<String, String> ids = new HashMap<>();

    private ApiContractFixture(ApiClient api, Member owner, Member viewer) {
        this.api = api;
        this.owner = owner;
        this.viewer = viewer;
    }

    static ApiContractFixture build(ApiClient api, TestWorkspaces workspaces, String name) {
        Member owner = workspaces.workspace(name);
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        ApiContractFixture fixture = new ApiContractFixture(api, owner, workspaces.addMember(owner, Role.VIEWER));
        fixture.fill(manager);
        return fixture;
    }

    private void fill(Member manager) {
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
                .formatted(manager.userId(), Instant.now().plusSeconds(86_400 * 7)))));
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
    void readPlan() {
        MvcTestResult plan = get("/api/v1/campaigns/" + ids.get("campaign") + "/tasks?size=50");
        List<String> tasks = Json.read(plan, "$.items[?(@.kind == 'TASK')].id");
        ids.put("task", tasks.get(tasks.size() - 1));
        ids.put("predecessor", tasks.get(0));
        ids.put("milestone", Json.<List<String>>read(plan, "$.items[?(@.kind == 'MILESTONE')].id").get(0));
    }

    String id(String name) {
        return ids.get(name);
    }

    MvcTestResult get(String path) {
        return api.as(owner).get(path);
    }

    MvcTestResult post(String path, String body) {
        return api.as(owner).post(path, body);
    }

    /** The new resource's id: from its Location header, or the body's id where a create answers without one. */
    static String created(MvcTestResult result) {
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader(HttpHeaders.LOCATION);
        return location != null ? location.substring(location.lastIndexOf('/') + 1) : Json.read(result, "$.id");
    }

    /** The secret of a new API key of the owner's with this role ceiling. */
    String apiKey(Role ceiling) {
        MvcTestResult created = post("/api/v1/api-keys", "{\"name\":\"Capped\",\"roleCeiling\":\"%s\"}".formatted(ceiling));
        assertThat(created).hasStatus(201);
        return "Bearer " + Json.read(created, "$.secret");
    }

    /** A real id for each path parameter where the fixture has one, the campaign's included. */
    String anyValue(String path, String parameter) {
        return "campaignId".equals(parameter) ? ids.get("campaign") : value(path, parameter);
    }

    /**
     * A real id for each path parameter where the fixture has one; a {@code campaignId} is unknown, as it is in the
     * examples, which name no brand or account of the fixture's.
     */
    String value(String path, String parameter) {
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
            case "provider" -> "replicate";
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

    long auditEntries() {
        Number total = Json.read(get("/api/v1/audit-log?size=1"), "$.total");
        return total.longValue();
    }

    static ApiOperations operations(MockMvcTester mvc) {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).hasStatusOk();
        return ApiOperations.of(Json.body(docs));
    }

    /** Puts the fixture's ids where an example names a member, a template, a task or a comment. */
    JsonNode withFixtureIds(JsonNode example) {
        return withFixtureIds(example, false);
    }

    /** The same, and the fixture's campaign where the example names one: every id the fixture has. */
    JsonNode withAllFixtureIds(JsonNode example) {
        return withFixtureIds(example, true);
    }

    private JsonNode withFixtureIds(JsonNode example, boolean campaign) {
        if (example instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                String id = switch (field) {
                    case "delegateId", "assigneeId", "userId", "ownerId", "memberId" -> ids.get("user");
                    case "campaignId" -> campaign ? ids.get("campaign") : null;
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
                    withFixtureIds(value, campaign);
                }
            }
        } else if (example.isArray()) {
            example.forEach(element -> withFixtureIds(element, campaign));
        }
        return example;
    }
}
