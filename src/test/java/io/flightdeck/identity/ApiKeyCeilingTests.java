package io.flightdeck.identity;

import java.time.Duration;
import java.time.Instant;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API key's role ceiling caps every right its owner has, the rights an author or a delegator has over their own
 * things included: a key that acts as a VIEWER never writes.
 */
@FlightdeckTest
class ApiKeyCeilingTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;

    private Member owner;
    private String viewerKey;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Ceilings");
        viewerKey = "Bearer " + key(owner.bearer(), "Read only", "VIEWER");
    }

    /** Requests with a bearer credential: a member's access token or an API key. */
    private ApiClient.Caller as(String bearer) {
        return api.anonymous().header(HttpHeaders.AUTHORIZATION, bearer);
    }

    private String key(String bearer, String name, String ceiling) {
        MvcTestResult created = as(bearer).post("/api/v1/api-keys",
                "{\"name\":\"%s\",\"roleCeiling\":\"%s\"}".formatted(name, ceiling));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.secret");
    }

    private static void assertRefused(MvcTestResult result) {
        assertThat(result).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(result, "$.type")).isEqualTo("https://flightdeck.dev/problems/forbidden");
    }

    private String contentScope() {
        MvcTestResult created = as(owner.bearer()).post("/api/v1/campaigns", "{\"name\":\"Capped\",\"type\":\"OTHER\"}");
        assertThat(created).hasStatus(201);
        String campaignId = Json.read(created, "$.id");
        assertThat(as(owner.bearer()).post("/api/v1/campaigns/" + campaignId + "/approvals/initialize", null)).hasStatusOk();
        return Json.read(as(owner.bearer()).get("/api/v1/campaigns/" + campaignId + "/approvals/content"), "$.id");
    }

    @Test
    void aViewerKeyCannotResolveItsOwnersComment() {
        String scope = contentScope();
        MvcTestResult comment = as(owner.bearer()).post("/api/v1/approvals/" + scope + "/comments", "{\"body\":\"Check the claim\"}");
        assertThat(comment).hasStatus(201);
        String commentId = Json.read(comment, "$.id");

        assertRefused(as(viewerKey).post("/api/v1/approvals/" + scope + "/comments/" + commentId + "/resolve", null));
        assertRefused(as(viewerKey).post("/api/v1/approvals/" + scope + "/comments", "{\"body\":\"From a read-only key\"}"));
        assertThat((Boolean) Json.read(as(viewerKey).get("/api/v1/approvals/" + scope + "/comments"), "$[0].resolved")).isFalse();
    }

    @Test
    void aViewerKeyCannotRevokeItsOwnersDelegation() {
        Member backup = workspaces.addMember(owner, Role.MANAGER);
        MvcTestResult delegation = as(owner.bearer()).post("/api/v1/approval-delegations",
                "{\"delegateId\":\"%s\",\"endsAt\":\"%s\"}".formatted(backup.userId(), Instant.now().plus(Duration.ofDays(7))));
        assertThat(delegation).hasStatus(201);
        String id = Json.read(delegation, "$.id");

        assertRefused(as(viewerKey).post("/api/v1/approval-delegations/" + id + "/revoke", null));
        assertThat((java.util.List<Boolean>) Json.read(as(owner.bearer()).get("/api/v1/approval-delegations"),
                "$[?(@.id == '" + id + "')].revoked")).containsExactly(false);
    }

    @Test
    void aViewerKeyCannotRevokeItsOwnersOtherKeysNorWriteAnythingElseOfTheirs() {
        String other = key(owner.bearer(), "Deploy", "MANAGER");
        String otherId = Json.<java.util.List<String>>read(as(owner.bearer()).get("/api/v1/api-keys"),
                "$.items[?(@.name == 'Deploy')].id").get(0);

        assertRefused(as(viewerKey).delete("/api/v1/api-keys/" + otherId));
        assertRefused(as(viewerKey).post("/api/v1/api-keys", "{\"name\":\"More\",\"roleCeiling\":\"VIEWER\"}"));
        assertRefused(as(viewerKey).put("/api/v1/me", "{\"displayName\":\"Renamed by a key\",\"timeZone\":\"UTC\"}"));
        assertThat(as("Bearer " + other).get("/api/v1/me")).hasStatusOk();
        assertThat((String) Json.read(as(owner.bearer()).get("/api/v1/me"), "$.displayName")).isNotEqualTo("Renamed by a key");
    }

    @Test
    void aViewerKeyStillReadsAndRunsChecksThatChangeNothing() {
        String scope = contentScope();
        assertThat(as(viewerKey).get("/api/v1/approvals/" + scope)).hasStatusOk();
        String campaignId = Json.read(as(viewerKey).get("/api/v1/approvals/" + scope), "$.campaignId");
        assertThat(as(viewerKey).post("/api/v1/campaigns/" + campaignId + "/approvals/check-publish", null)).hasStatusOk();
    }

    @Test
    void aKeyAboveViewerKeepsItsOwnersAuthorRights() {
        String contributorKey = "Bearer " + key(owner.bearer(), "Writer", "CONTRIBUTOR");
        String scope = contentScope();
        MvcTestResult comment = as(owner.bearer()).post("/api/v1/approvals/" + scope + "/comments", "{\"body\":\"Mine\"}");
        String commentId = Json.read(comment, "$.id");
        assertThat(as(contributorKey).post("/api/v1/approvals/" + scope + "/comments/" + commentId + "/resolve", null)).hasStatusOk();
    }
}
