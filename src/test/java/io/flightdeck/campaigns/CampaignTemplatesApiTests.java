package io.flightdeck.campaigns;

import java.time.Duration;
import java.time.LocalDate;
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
import static org.awaitility.Awaitility.await;

/**
 * The templates library and cloning through the API: campaign → template → campaign keeps everything with the dates
 * shifted; each clone option; what a template or clone never carries; private templates, the bin, validation,
 * tenancy and roles.
 */
@FlightdeckTest
class CampaignTemplatesApiTests {

    /** Thirteen weeks: the same weekdays, so the working-day plan lands on the same days of the week. */
    private static final int SHIFT = 91;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    /** A launch with a brief, a strategy, its timeline, one task described, assigned and started, one by hand. */
    private String launch(Member owner, String name) {
        MvcTestResult created = api.as(owner).post("/api/v1/campaigns", """
                {"name":"%s","description":"Spring collection launch","type":"PRODUCT_LAUNCH","objective":"Sign-ups",
                 "priority":"HIGH","channels":["EMAIL","INSTAGRAM"],"tags":["launch","spring"],
                 "startDate":"2027-03-01","endDate":"2027-03-31","budget":{"amount":5000.00,"currency":"EUR"}}"""
                .formatted(name));
        assertThat(created).hasStatus(201);
        String id = Json.read(created, "$.id");
        assertThat(api.as(owner).post("/api/v1/campaigns/" + id + "/strategies", CampaignRequests.STRATEGY)).hasStatus(201);
        // the workspace lays out a new campaign's timeline on its own (from the type's default template)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.as(owner).get("/api/v1/campaigns/" + id + "/timeline")).hasStatusOk());
        List<Map<String, Object>> tasks = tasks(owner, id);
        String first = (String) tasks.stream().filter(t -> ((List<?>) t.get("predecessors")).isEmpty()
                && "TASK".equals(t.get("kind"))).findFirst().orElseThrow().get("id");
        assertThat(api.as(owner).patch("/api/v1/tasks/" + first, """
                {"description":"Two subject lines","checklist":[{"text":"Draft","done":true},{"text":"Review","done":false}]}"""))
                .hasStatusOk();
        assertThat(api.as(owner).put("/api/v1/tasks/" + first + "/assignee", "{\"assigneeId\":\"" + owner.userId() + "\"}"))
                .hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/tasks/" + first + "/status", "{\"status\":\"in_progress\"}")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Teaser","topic":"Spring","channels":["INSTAGRAM"],"mode":"MANUAL",
                 "texts":{"HEADLINE":"Spring is here","CAPTION":"Ride into spring","CTA":"Shop now"}}""".formatted(id)))
                .hasStatus(201);
        return id;
    }

    private List<Map<String, Object>> tasks(Member as, String campaignId) {
        return Json.read(api.as(as).get("/api/v1/campaigns/" + campaignId + "/tasks?size=100"), "$.items");
    }

    private String template(Member as, String campaignId, String extra) {
        MvcTestResult made = api.as(as).post("/api/v1/templates",
                "{\"campaignId\":\"" + campaignId + "\",\"name\":\"Spring launch\",\"category\":\"Launches\"" + extra + "}");
        assertThat(made).hasStatus(201);
        return Json.read(made, "$.id");
    }

    @Test
    void campaignToTemplateToCampaignKeepsEverythingWithTheDatesShifted() {
        Member owner = workspaces.workspace("Templates round trip");
        String source = launch(owner, "Spring launch 2027");
        String template = template(owner, source, "");

        MvcTestResult shown = api.as(owner).get("/api/v1/templates/" + template);
        assertThat((List<String>) Json.read(shown, "$.parts[*].part")).containsExactly("BRIEF", "STRATEGY", "TASKS", "CREATIVES");
        assertThat((String) Json.read(shown, "$.parts[2].summary")).matches("\\d+ tasks, \\d+ milestones");
        MvcTestResult preview = api.as(owner).get("/api/v1/templates/" + template + "/preview?startDate=2027-05-31");
        assertThat((String) Json.read(preview, "$.endDate")).isEqualTo("2027-06-30");

        MvcTestResult started = api.as(owner).post("/api/v1/templates/" + template + "/campaigns",
                "{\"name\":\"Summer launch 2027\",\"startDate\":\"2027-05-31\"}");
        assertThat(started).hasStatus(201);
        String copy = Json.read(started, "$.id");

        Map<String, Object> before = Json.read(api.as(owner).get("/api/v1/campaigns/" + source), "$");
        Map<String, Object> after = Json.read(started, "$");
        for (String field : List.of("description", "type", "objective", "priority", "channels", "tags", "budget")) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
        assertThat(after.get("status")).isEqualTo("DRAFT");
        assertThat(after.get("startDate")).isEqualTo("2027-05-31");
        assertThat(after.get("endDate")).isEqualTo("2027-06-30");

        Map<String, Object> strategyBefore = Json.read(api.as(owner).get("/api/v1/campaigns/" + source + "/strategies/current"), "$");
        Map<String, Object> strategyAfter = Json.read(api.as(owner).get("/api/v1/campaigns/" + copy + "/strategies/current"), "$");
        assertThat(strategyAfter.get("version")).isEqualTo(1);
        for (String field : List.of("platforms", "goals", "targetAudience", "contentPillars", "brandTone", "cadence",
                "adsConfig", "channelMix")) {
            assertThat(strategyAfter.get(field)).as(field).isEqualTo(strategyBefore.get(field));
        }

        List<Map<String, Object>> was = tasks(owner, source);
        List<Map<String, Object>> now = tasks(owner, copy);
        assertThat(now).hasSameSizeAs(was).isNotEmpty();
        for (int i = 0; i < was.size(); i++) {
            Map<String, Object> a = was.get(i);
            Map<String, Object> b = now.get(i);
            String title = (String) a.get("title");
            assertThat(b.get("title")).isEqualTo(title);
            for (String field : List.of("kind", "description", "priority", "estimateHours", "durationDays", "skills",
                    "assigneeId", "critical", "slackDays")) {
                assertThat(b.get(field)).as(title + " " + field).isEqualTo(a.get(field));
            }
            assertThat(b.get("startDate")).as(title + " start").isEqualTo(shifted(a.get("startDate")));
            assertThat(b.get("dueDate")).as(title + " due").isEqualTo(shifted(a.get("dueDate")));
            assertThat(names(b.get("predecessors"))).as(title + " predecessors").isEqualTo(names(a.get("predecessors")));
            assertThat(names(b.get("milestone"))).as(title + " milestone").isEqualTo(names(a.get("milestone")));
            assertThat(b.get("status")).as("new work").isEqualTo("TODO");
            assertThat((List<Map<String, Object>>) b.get("checklist")).as("unticked")
                    .allSatisfy(item -> assertThat(item.get("done")).isEqualTo(false));
        }
        assertThat(was).anySatisfy(t -> assertThat(t.get("status")).isEqualTo("IN_PROGRESS"));

        Map<String, Object> creative = Json.read(api.as(owner).get("/api/v1/content/creatives?campaignId=" + copy), "$.items[0]");
        assertThat(creative.get("title")).isEqualTo("Teaser");
        assertThat(creative.get("status")).isEqualTo("DRAFT");
        assertThat(creative.get("strategyVersion")).as("made from the new campaign's own strategy").isEqualTo(1);
        assertThat((List<Map<String, Object>>) creative.get("components"))
                .filteredOn(p -> p.get("text") != null).extracting(p -> p.get("kind") + "=" + p.get("text"))
                .containsExactlyInAnyOrder("HEADLINE=Spring is here", "CAPTION=Ride into spring", "CTA=Shop now");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/templates/" + template), "$.uses")).isEqualTo(1);
    }

    private static Object shifted(Object day) {
        return day == null ? null : LocalDate.parse((String) day).plusDays(SHIFT).toString();
    }

    private static Object names(Object refs) {
        if (refs instanceof List<?> list) {
            return list.stream().map(r -> ((Map<?, ?>) r).get("title")).sorted().toList();
        }
        return refs == null ? null : ((Map<?, ?>) refs).get("title");
    }

    @Test
    void aCloneTakesOnlyThePartsChosenAndNeverWhatWasDone() {
        Member owner = workspaces.workspace("Clone options");
        String source = launch(owner, "Autumn launch");

        assertThat(api.as(owner).post("/api/v1/campaigns/" + source + "/approvals/initialize", null)).hasStatusOk();

        MvcTestResult briefOnly = api.as(owner).post("/api/v1/campaigns/" + source + "/clone",
                "{\"name\":\"Brief only\",\"startDate\":\"2027-09-06\",\"parts\":[\"BRIEF\"]}");
        assertThat(briefOnly).hasStatus(201);
        String bare = Json.read(briefOnly, "$.id");
        assertThat((List<String>) Json.read(briefOnly, "$.channels")).containsExactlyInAnyOrder("EMAIL", "INSTAGRAM");
        assertThat(tasks(owner, bare)).isEmpty();
        assertThat(api.as(owner).get("/api/v1/campaigns/" + bare + "/strategies/current")).hasStatus(404);

        MvcTestResult noBrief = api.as(owner).post("/api/v1/campaigns/" + source + "/clone",
                "{\"name\":\"Plan only\",\"startDate\":\"2027-09-06\",\"parts\":[\"TASKS\"]}");
        assertThat(noBrief).hasStatus(201);
        assertThat((Object) Json.read(noBrief, "$.description")).isNull();
        assertThat((Object) Json.read(noBrief, "$.endDate")).isNull();
        assertThat(tasks(owner, Json.read(noBrief, "$.id"))).hasSameSizeAs(tasks(owner, source))
                .allSatisfy(t -> assertThat(t.get("status")).isEqualTo("TODO"));

        MvcTestResult everything = api.as(owner).post("/api/v1/campaigns/" + source + "/clone",
                "{\"name\":\"Everything\",\"startDate\":\"2027-09-06\",\"approvalsStartOver\":true,\"copyAssets\":true}");
        assertThat(everything).hasStatus(201);
        String full = Json.read(everything, "$.id");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/campaigns/" + full + "/strategies/current"), "$.version"))
                .isEqualTo(1);
        assertThat(Json.<String>read(everything, "$.status")).isEqualTo("DRAFT");
        // asked again at once, from the first stage: no decision comes along
        List<String> states = Json.read(api.as(owner).get("/api/v1/campaigns/" + full + "/approvals"), "$.scopes[*].state");
        assertThat(states).isNotEmpty().doesNotContain("REJECTED", "APPROVED");
        assertThat((List<?>) Json.read(api.as(owner).get("/api/v1/campaigns/" + bare + "/approvals"), "$.scopes"))
                .as("without approvalsStartOver nobody is asked yet").isEmpty();
        assertThat(Json.<String>read(everything, "$.endDate")).isEqualTo("2027-10-06");
    }

    @Test
    void theLibraryFilesTemplatesByCategoryKeepsPrivateOnesPrivateAndHasABin() {
        Member owner = workspaces.workspace("Template library");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String campaign = launch(owner, "Library launch");
        String shared = template(owner, campaign, ",\"parts\":[\"BRIEF\"]");
        String mine = template(owner, campaign, ",\"category\":\"Drafts\",\"visibility\":\"PRIVATE\",\"parts\":[\"BRIEF\"]");

        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/templates"), "$.items[*].id"))
                .containsExactlyInAnyOrder(shared, mine);
        assertThat((List<String>) Json.read(api.as(manager).get("/api/v1/templates"), "$.items[*].id"))
                .containsExactly(shared);
        assertThat(api.as(manager).get("/api/v1/templates/" + mine)).hasStatus(404);
        assertThat(api.as(manager).post("/api/v1/templates/" + mine + "/campaigns",
                "{\"name\":\"x\",\"startDate\":\"2027-05-31\"}")).hasStatus(404);
        Map<String, Integer> counts = new HashMap<>();
        List<Map<String, Object>> categories = Json.read(api.as(manager).get("/api/v1/templates/categories"), "$");
        categories.forEach(c -> counts.put((String) c.get("name"), (Integer) c.get("templates")));
        assertThat(counts).as("another's private template is not counted").isEqualTo(Map.of("Launches", 1));
        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/templates?category=Drafts"), "$.items[*].id"))
                .containsExactly(mine);
        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/templates/parts"), "$[*].part"))
                .startsWith("BRIEF", "STRATEGY", "TASKS");

        MvcTestResult renamed = api.as(manager).patch("/api/v1/templates/" + shared,
                "{\"name\":\"Launch, the short one\",\"category\":\"Launches\"}");
        assertThat(renamed).hasStatusOk();
        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/templates?q=short"), "$.items[*].id"))
                .containsExactly(shared);

        assertThat(api.as(manager).delete("/api/v1/templates/" + shared)).hasStatus(204);
        assertThat(api.as(owner).get("/api/v1/templates/" + shared)).hasStatus(404);
        assertThat(api.as(manager).post("/api/v1/templates/" + shared + "/restore")).hasStatusOk();
        assertThat(api.as(owner).get("/api/v1/templates/" + shared)).hasStatusOk();
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWrittenAndRolesAndWorkspacesAreRespected() {
        Member owner = workspaces.workspace("Template guards");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member stranger = workspaces.workspace("Template stranger");
        String campaign = launch(owner, "Guarded launch");
        String template = template(owner, campaign, "");

        assertThat(api.as(owner).post("/api/v1/templates", "{\"campaignId\":\"" + campaign + "\",\"name\":\"  \"}"))
                .hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/templates",
                "{\"campaignId\":\"" + campaign + "\",\"name\":\"x\",\"parts\":[null]}")).hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/templates",
                "{\"campaignId\":\"" + campaign + "\",\"name\":\"" + "x".repeat(161) + "\"}")).hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/templates/" + template + "/campaigns", "{\"name\":\"No date\"}"))
                .hasStatus(400);
        assertThat(api.as(owner).post("/api/v1/templates/" + template + "/campaigns",
                "{\"name\":\"Far\",\"startDate\":\"2206-01-01\"}")).hasStatus(400);
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/templates"), "$.total")).isEqualTo(1);
        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/campaigns?size=100"), "$.items[*].name"))
                .containsExactly("Guarded launch");

        assertThat(api.as(viewer).get("/api/v1/templates/" + template)).hasStatusOk();
        assertThat(api.as(viewer).post("/api/v1/templates", "{\"campaignId\":\"" + campaign + "\",\"name\":\"x\"}"))
                .hasStatus(403);
        assertThat(api.as(viewer).post("/api/v1/templates/" + template + "/campaigns",
                "{\"name\":\"x\",\"startDate\":\"2027-05-31\"}")).hasStatus(403);
        assertThat(api.as(viewer).post("/api/v1/campaigns/" + campaign + "/clone",
                "{\"name\":\"x\",\"startDate\":\"2027-05-31\"}")).hasStatus(403);

        assertThat(api.as(stranger).get("/api/v1/templates/" + template)).hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/templates/" + template + "/campaigns",
                "{\"name\":\"x\",\"startDate\":\"2027-05-31\"}")).hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/templates", "{\"campaignId\":\"" + campaign + "\",\"name\":\"x\"}"))
                .hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/campaigns/" + campaign + "/clone",
                "{\"name\":\"x\",\"startDate\":\"2027-05-31\"}")).hasStatus(404);
        assertThat((Integer) Json.read(api.as(stranger).get("/api/v1/templates"), "$.total")).isZero();
    }
}
