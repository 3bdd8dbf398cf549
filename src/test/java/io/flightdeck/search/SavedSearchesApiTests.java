package io.flightdeck.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.search.domain.SavedSearchAlerts;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Saved searches over REST: a member's own and the workspace's shared ones, each changed only by its owner; viewers
 * keep private ones; bad input refused with nothing written; and the alert, with a clock the test moves, tells the
 * owner only of hits that appeared since the last look, once.
 */
@FlightdeckTest
class SavedSearchesApiTests {

    private static final String SAVED = "/api/v1/saved-searches";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    MutableClock clock;
    @Autowired
    SavedSearchAlerts alerts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, Object> body(String name, String visibility, boolean alert, Map<String, Object> query) {
        return visibility == null ? Map.of("name", name, "alert", alert, "query", query)
                : Map.of("name", name, "visibility", visibility, "alert", alert, "query", query);
    }

    private String save(Member as, String name, String visibility, Map<String, Object> query) {
        MvcTestResult saved = api.as(as).post(SAVED, body(name, visibility, false, query));
        assertThat(saved).hasStatus(201);
        return Json.read(saved, "$.id");
    }

    private List<String> names(Member as) {
        MvcTestResult list = api.as(as).get(SAVED);
        assertThat(list).hasStatusOk();
        return Json.read(list, "$.items[*].name");
    }

    private String task(Member as, String campaign, String title) {
        MvcTestResult created = api.as(as).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private List<Map<String, Object>> alertsOf(Member as) {
        return Json.read(api.as(as).get("/api/v1/notifications"), "$.items[?(@.trigger=='SEARCH_ALERT')]");
    }

    @Test
    void aSavedSearchKeepsItsWordsAndFiltersAndOpensItsResults() {
        Member owner = workspaces.workspace("Saved searches");
        MvcTestResult saved = api.as(owner).post(SAVED, body("Harbour tasks", null, false,
                Map.of("q", " harbour launch ", "type", List.of("task"), "from", "2026-01-01", "to", "2026-12-31")));
        assertThat(saved).hasStatus(201);
        String id = Json.read(saved, "$.id");
        assertThat(saved.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(SAVED + "/" + id);
        assertThat(Json.<String>read(saved, "$.visibility")).isEqualTo("PRIVATE");
        assertThat(Json.<String>read(saved, "$.query.q")).isEqualTo("harbour launch");
        assertThat(Json.<String>read(saved, "$.link"))
                .isEqualTo("/search?q=harbour%20launch&type=task&from=2026-01-01&to=2026-12-31");
        assertThat(Json.<Boolean>read(saved, "$.mine")).isTrue();
        assertThat(Json.<Boolean>read(saved, "$.alert")).isFalse();

        // renamed with If-Match; a stale ETag is refused
        String etag = api.as(owner).get(SAVED + "/" + id).getResponse().getHeader(HttpHeaders.ETAG);
        MvcTestResult renamed = api.as(owner).ifMatch(etag).patch(SAVED + "/" + id, Map.of("name", "Harbour work"));
        assertThat(renamed).hasStatusOk();
        assertThat(Json.<String>read(renamed, "$.query.q")).as("what is left out stays").isEqualTo("harbour launch");
        assertThat(api.as(owner).ifMatch(etag).patch(SAVED + "/" + id, Map.of("name", "Again"))).hasStatus(412);
        assertThat(names(owner)).containsExactly("Harbour work");

        assertThat(api.as(owner).delete(SAVED + "/" + id)).hasStatus(204);
        assertThat(api.as(owner).get(SAVED + "/" + id)).hasStatus(404);
        assertThat(names(owner)).isEmpty();
    }

    @Test
    void privateIsTheOwnersAloneSharedIsSeenByAllAndChangedOnlyByItsOwner() {
        Member owner = workspaces.workspace("Shared searches");
        Member colleague = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        Member stranger = workspaces.workspace("Elsewhere");
        String mine = save(owner, "My drafts", "PRIVATE", Map.of("q", "draft"));
        String shared = save(owner, "Launch posts", "WORKSPACE", Map.of("q", "launch", "type", List.of("post")));

        assertThat(api.as(colleague).get(SAVED + "/" + mine)).hasStatus(404);
        assertThat(names(colleague)).containsExactly("Launch posts");
        assertThat(Json.<Boolean>read(api.as(colleague).get(SAVED + "/" + shared), "$.mine")).isFalse();
        assertThat(Json.<String>read(api.as(colleague).get(SAVED + "/" + shared), "$.ownerId"))
                .isEqualTo(owner.userId().toString());
        assertThat(api.as(colleague).patch(SAVED + "/" + shared, Map.of("name", "Mine now"))).hasStatus(403);
        assertThat(api.as(colleague).delete(SAVED + "/" + shared)).hasStatus(403);
        assertThat(api.as(admin).delete(SAVED + "/" + mine)).as("an admin cannot see a private one either").hasStatus(404);

        assertThat(api.as(stranger).get(SAVED + "/" + shared)).hasStatus(404);
        assertThat(api.as(stranger).delete(SAVED + "/" + shared)).hasStatus(404);
        assertThat(names(stranger)).isEmpty();

        assertThat(api.as(admin).delete(SAVED + "/" + shared)).hasStatus(204);
        assertThat(names(owner)).containsExactly("My drafts");
    }

    @Test
    void aViewerKeepsPrivateSearchesButSharesNoneAndAViewerKeyWritesNothing() {
        Member owner = workspaces.workspace("Viewer searches");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post(SAVED, body("Shared by a viewer", "WORKSPACE", false, Map.of("q", "x"))))
                .hasStatus(403);
        save(viewer, "Just for me", null, Map.of("q", "report"));
        assertThat(names(viewer)).containsExactly("Just for me");
        assertThat(names(owner)).isEmpty();

        MvcTestResult key = api.as(owner).post("/api/v1/api-keys", Map.of("name", "Read only", "roleCeiling", "VIEWER"));
        assertThat(key).hasStatus(201);
        ApiClient.Caller viewerKey = api.anonymous().header(HttpHeaders.AUTHORIZATION, "Bearer " + Json.read(key, "$.secret"));
        assertThat(viewerKey.post(SAVED, body("From a key", null, false, Map.of("q", "x")))).hasStatus(403);
        assertThat(viewerKey.get(SAVED)).hasStatusOk();
        assertThat(names(owner)).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        Member owner = workspaces.workspace("Bad searches");
        assertThat(api.as(owner).post(SAVED, Map.of("query", Map.of("q", "x")))).hasStatus(400);
        assertThat(api.as(owner).post(SAVED, Map.of("name", "   ", "query", Map.of("q", "x")))).hasStatus(400);
        assertThat(api.as(owner).post(SAVED, Map.of("name", "n".repeat(121), "query", Map.of("q", "x")))).hasStatus(400);
        assertThat(api.as(owner).post(SAVED, Map.of("name", "No query"))).hasStatus(400);
        MvcTestResult type = api.as(owner).post(SAVED, Map.of("name", "Odd", "query", Map.of("type", List.of("planet"))));
        assertThat(type).hasStatus(400);
        assertThat(Json.body(type)).contains("\"field\":\"type\"");
        assertThat(api.as(owner).post(SAVED, Map.of("name", "Backwards",
                "query", Map.of("from", "2026-05-02", "to", "2026-05-01")))).hasStatus(400);
        assertThat(api.as(owner).post(SAVED, "{\"name\":\"Nulls\",\"query\":{\"tag\":[\"a\",null]}}")).hasStatus(400);
        assertThat(api.as(owner).post(SAVED, Map.of("name", "Long", "query", Map.of("q", "q".repeat(201)))))
                .hasStatus(400);
        assertThat(api.as(owner).post(SAVED, Map.of("name", "Bad date", "query", Map.of("from", "yesterday"))))
                .hasStatus(400);
        assertThat(names(owner)).isEmpty();
    }

    @Test
    void anAlertTellsTheOwnerOnceOfWhatAppearedSinceItLastLooked() {
        Member owner = workspaces.workspace("Search alerts");
        Member colleague = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = campaigns.create(owner, "Coastal push");
        String before = task(owner, campaign, "Lighthouse photo shoot");
        await().atMost(Duration.ofSeconds(2)).until(() -> Json.<List<String>>read(
                api.as(owner).get("/api/v1/search?q=lighthouse"), "$.items[*].id").contains(before));
        MvcTestResult saved = api.as(owner).post(SAVED, body("Lighthouse", "WORKSPACE", true, Map.of("q", "lighthouse")));
        assertThat(saved).hasStatus(201);
        assertThat(Json.<Boolean>read(saved, "$.alert")).isTrue();
        assertThat(Json.<String>read(saved, "$.alertCheckedAt")).as("what it finds now is its starting point").isNotNull();

        // nothing new: a look finds what it knew, and says nothing
        clock.advance(alerts.interval().plusMinutes(1));
        alerts.checkDue();
        assertThat(alertsOf(owner)).isEmpty();

        String poster = task(colleague, campaign, "Lighthouse poster");
        await().atMost(Duration.ofSeconds(2)).until(() -> Json.<List<String>>read(
                api.as(owner).get("/api/v1/search?q=lighthouse"), "$.items[*].id").contains(poster));
        // not due yet: the last look was less than an interval ago
        assertThat(alerts.checkDue()).isZero();
        clock.advance(alerts.interval().plusMinutes(1));
        alerts.checkDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsOf(owner).size() == 1);
        Map<String, Object> alert = alertsOf(owner).get(0);
        assertThat(alert.get("title")).isEqualTo("1 new result for “Lighthouse”");
        assertThat(alert.get("body")).isEqualTo("Lighthouse poster");
        assertThat(alert.get("link")).isEqualTo("/search?q=lighthouse");
        assertThat(alertsOf(colleague)).as("a shared search's alert is its owner's").isEmpty();

        // told once: the next look finds nothing it had not seen
        clock.advance(alerts.interval().plusMinutes(1));
        alerts.checkDue();
        assertThat(alertsOf(owner)).hasSize(1);

        // switched off, it looks no more
        assertThat(api.as(owner).patch(SAVED + "/" + Json.read(saved, "$.id"), Map.of("alert", false))).hasStatusOk();
        task(owner, campaign, "Lighthouse banner");
        clock.advance(alerts.interval().plusMinutes(1));
        alerts.checkDue();
        assertThat(alertsOf(owner)).hasSize(1);
    }
}
