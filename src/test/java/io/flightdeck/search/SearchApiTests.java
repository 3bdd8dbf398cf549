package io.flightdeck.search;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one search box over REST: the index follows writes within a second, typos are forgiven, snippets highlight
 * without letting markup through, facets count every hit, another workspace is neither a hit nor a count, and a
 * full reindex runs as a job with progress. Every answer here is also checked against the OpenAPI document.
 */
@FlightdeckTest
class SearchApiTests {

    private static final String SEARCH = "/api/v1/search";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;

    private String task(Member as, String campaign, String title, String description) {
        MvcTestResult created = api.as(as).post("/api/v1/campaigns/" + campaign + "/tasks",
                description == null ? Map.of("title", title) : Map.of("title", title, "description", description));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private MvcTestResult search(Member as, String query) {
        MvcTestResult result = api.as(as).get(SEARCH + "?" + query);
        assertThat(result).hasStatusOk();
        return result;
    }

    private List<String> ids(Member as, String query) {
        return Json.read(search(as, query), "$.items[*].id");
    }

    private static Map<String, Integer> facet(MvcTestResult result, String name) {
        List<Map<String, Object>> entries = Json.read(result, "$.facets." + name);
        Map<String, Integer> counts = new LinkedHashMap<>();
        entries.forEach(entry -> counts.put((String) entry.get("value"), ((Number) entry.get("count")).intValue()));
        return counts;
    }

    @Test
    void aTaskCreatedThroughTheApiIsFoundWithinASecond() {
        Member owner = workspaces.workspace("Search follows writes");
        String campaign = campaigns.create(owner, "Autumn push");
        String task = task(owner, campaign, "Book the photographer", null);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(ids(owner, "q=photographer")).containsExactly(task));
        // an edit is followed as well
        assertThat(api.as(owner).patch("/api/v1/tasks/" + task, Map.of("title", "Book the videographer")).getResponse()
                .getStatus()).isLessThan(300);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(ids(owner, "q=videographer")).containsExactly(task));
    }

    @Test
    void oneQueryFindsEveryKindRankedTypoTolerantWithFacets() {
        Member owner = workspaces.workspace("Search kinds");
        String campaign = campaigns.create(owner, "Lighthouse launch");
        String task = task(owner, campaign, "Lighthouse press kit", "Gather quotes for the lighthouse story");
        String other = task(owner, campaign, "Order coffee", "Nothing about the coast");
        MvcTestResult contact = api.as(owner).post("/api/v1/email/contacts", """
                {"email":"keeper@example.com","name":"Lighthouse Keeper",
                "consent":{"source":"MANUAL","evidence":"Met at the lighthouse"}}""");
        assertThat(contact).hasStatus(201);

        MvcTestResult found = search(owner, "q=lighthouse");
        List<String> types = Json.read(found, "$.items[*].type");
        assertThat(types).contains("campaign", "task", "contact");
        assertThat(Json.<List<String>>read(found, "$.items[*].id")).contains(campaign, task).doesNotContain(other);
        assertThat(Json.<Integer>read(found, "$.total")).isEqualTo(3);
        assertThat(facet(found, "type")).containsEntry("campaign", 1).containsEntry("task", 1).containsEntry("contact", 1);
        assertThat(Json.<List<String>>read(found, "$.items[?(@.type=='task')].link")).containsExactly("/tasks/" + task);

        // a typo or two, and filters by kind
        assertThat(ids(owner, "q=lighthuose")).contains(campaign, task);
        assertThat(ids(owner, "q=lighthouse&type=task")).containsExactly(task);
        assertThat(ids(owner, "q=lighthouse&type=task&type=campaign")).containsExactlyInAnyOrder(task, campaign);
        assertThat(ids(owner, "q=lighthouse&status=TODO")).containsExactly(task);
        // the words in the title rank above the same words in the text
        assertThat(Json.<String>read(search(owner, "q=press kit"), "$.items[0].id")).isEqualTo(task);
        // without words, everything, newest first, with its date facet
        MvcTestResult all = search(owner, "size=2");
        assertThat(Json.<Integer>read(all, "$.total")).isEqualTo(4);
        assertThat(Json.<List<?>>read(all, "$.items")).hasSize(2);
        assertThat(Json.<List<String>>read(all, "$.facets.date[*].value"))
                .containsExactly("upcoming", "past-week", "past-month", "older");
    }

    @Test
    void snippetsHighlightTheMatchAndEscapeEverythingElse() {
        Member owner = workspaces.workspace("Search snippets");
        String campaign = campaigns.create(owner, "Snippets");
        task(owner, campaign, "Landing page", "Fix the <script>alert(1)</script> banner before the harbour launch");
        String snippet = Json.read(search(owner, "q=harbour"), "$.items[0].snippet");
        assertThat(snippet).contains("<mark>harbour</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
        // matched in the title only: the snippet is the start of the text, escaped all the same
        String start = Json.read(search(owner, "q=landing"), "$.items[0].snippet");
        assertThat(start).startsWith("Fix the &lt;script&gt;").doesNotContain("<script>").doesNotContain("<mark>");
    }

    @Test
    void anotherWorkspaceIsNeitherAHitNorACount() {
        Member mine = workspaces.workspace("Search mine");
        Member theirs = workspaces.workspace("Search theirs");
        String myCampaign = campaigns.create(mine, "Zephyr mine");
        task(theirs, campaigns.create(theirs, "Zephyr theirs"), "Zephyr poster", null);

        MvcTestResult found = search(mine, "q=zephyr");
        assertThat(Json.<List<String>>read(found, "$.items[*].id")).containsExactly(myCampaign);
        assertThat(Json.<Integer>read(found, "$.total")).isEqualTo(1);
        assertThat(facet(found, "type")).containsExactly(Map.entry("campaign", 1));
        assertThat(facet(found, "status").values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    }

    @Test
    void everyRoleSearchesWhatItMayOpen() {
        Member owner = workspaces.workspace("Search roles");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String campaign = campaigns.create(owner, "Quokka");
        assertThat(api.as(owner).post("/api/v1/email/contacts", """
                {"email":"quokka@example.com","name":"Quokka Fan","consent":{"source":"MANUAL","evidence":"Asked"}}"""))
                .hasStatus(201);
        // contacts, like every kind here, are open to every member (their list carries no role check)
        assertThat(Json.<List<String>>read(search(viewer, "q=quokka"), "$.items[*].type"))
                .containsExactlyInAnyOrder("campaign", "contact");
        assertThat(ids(viewer, "q=quokka&type=campaign")).containsExactly(campaign);
    }

    @Test
    void badRequestsAreProblems() {
        Member owner = workspaces.workspace("Search problems");
        MvcTestResult badType = api.as(owner).get(SEARCH + "?type=spaceship");
        assertThat(badType).hasStatus(400);
        assertThat(badType.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.as(owner).get(SEARCH + "?q=" + "a".repeat(201))).hasStatus(400);
        assertThat(api.as(owner).get(SEARCH + "?from=2026-02-01&to=2026-01-01")).hasStatus(400);
        assertThat(api.as(owner).get(SEARCH + "?page=600&size=20")).hasStatus(400);
    }

    @Test
    void aFullReindexRunsAsAJobWithProgress() {
        Member owner = workspaces.workspace("Search reindex");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String campaign = campaigns.create(owner, "Reindexed");
        task(owner, campaign, "Wombat checklist", null);
        assertThat(api.as(viewer).post(SEARCH + "/reindex")).hasStatus(403);

        MvcTestResult requested = api.as(owner).post(SEARCH + "/reindex");
        assertThat(requested).hasStatus(202);
        String location = requested.getResponse().getHeader("Location");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MvcTestResult progress = api.as(owner).get(location);
            assertThat(progress).hasStatusOk();
            assertThat(Json.<String>read(progress, "$.status")).isEqualTo("SUCCEEDED");
            assertThat(Json.<Integer>read(progress, "$.entitiesDone")).isGreaterThanOrEqualTo(2);
        });
        assertThat(ids(owner, "q=wombat")).hasSize(1);
    }

    @Test
    void aTemplateIsFoundAndAPrivateOneOnlyByItsOwnerNotEvenCounted() {
        Member owner = workspaces.workspace("Search templates");
        Member colleague = workspaces.addMember(owner, Role.MANAGER);
        String campaign = campaigns.create(owner, "Otter season");
        MvcTestResult shared = api.as(owner).post("/api/v1/templates", Map.of("campaignId", campaign,
                "name", "Otter launch", "category", "Launches", "parts", List.of("BRIEF")));
        assertThat(shared).hasStatus(201);
        MvcTestResult mine = api.as(owner).post("/api/v1/templates", Map.of("campaignId", campaign,
                "name", "Otter draft", "visibility", "PRIVATE", "parts", List.of("BRIEF")));
        assertThat(mine).hasStatus(201);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(
                ids(owner, "q=otter&type=template")).containsExactlyInAnyOrder(Json.read(shared, "$.id"), Json.read(mine, "$.id")));
        MvcTestResult seen = search(colleague, "q=otter&type=template");
        assertThat(Json.<List<String>>read(seen, "$.items[*].id")).containsExactly(Json.<String>read(shared, "$.id"));
        assertThat(Json.<List<String>>read(seen, "$.items[*].link")).containsExactly("/templates/" + Json.read(shared, "$.id"));
        assertThat(facet(search(colleague, "q=otter"), "type")).containsEntry("template", 1);
        // the category is searched too
        assertThat(ids(colleague, "q=launches&type=template")).containsExactly(Json.<String>read(shared, "$.id"));

        // binned, it is found no more
        assertThat(api.as(owner).delete("/api/v1/templates/" + Json.read(shared, "$.id"))).hasStatus(204);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(ids(colleague, "q=otter&type=template")).isEmpty());
    }
}
