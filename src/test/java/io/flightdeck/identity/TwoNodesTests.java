package io.flightdeck.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.FlightdeckApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database, as in a cluster: a role change, a removal or a key revocation made through
 * node A is enforced by node B within one second, although B keeps members' actors and API keys for a moment
 * (MemberActors, ApiKeys). Each node is a full context on a random port; the database is a named in-memory H2 that
 * both share (or PostgreSQL when the suite runs there).
 */
class TwoNodesTests {

    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final String DATABASE = "jdbc:h2:mem:two-nodes-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1";

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoNodes() {
        nodeA = node("a");
        nodeB = node("b");
    }

    @AfterAll
    static void stopThem() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private static ConfigurableApplicationContext node(String name) {
        String url = System.getenv("FLIGHTDECK_TEST_POSTGRES_URL") == null ? DATABASE : System.getenv("FLIGHTDECK_TEST_POSTGRES_URL");
        return new SpringApplicationBuilder(FlightdeckApplication.class)
                .profiles("test")
                // arguments, not default properties: application.properties would win over those
                .run("--server.port=0", "--spring.datasource.url=" + url, "--flightdeck.data-dir=target/test-data/node-" + name);
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path, String bearer,
            String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(node) + path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JsonPath.read(response.body(), path);
    }

    /** An owner's JWT from node A, for a workspace of its own. */
    private static String owner(String who) throws IOException, InterruptedException {
        String email = who + "-" + UUID.randomUUID() + "@example.com";
        return field(send(nodeA, "POST", "/api/v1/auth/signup", null, """
                {"workspaceName":"%s","displayName":"%s","email":"%s","password":"correct-horse-battery","timeZone":"UTC"}"""
                .formatted(who, who, email)), "$.accessToken");
    }

    private record Joined(String membershipId, String token) {
    }

    /** A new member with this role, invited through node A, signed in through node B. */
    private static Joined member(String owner, String role) throws IOException, InterruptedException {
        String email = "member-" + UUID.randomUUID() + "@example.com";
        String invitation = field(send(nodeA, "POST", "/api/v1/invitations", owner,
                "{\"email\":\"%s\",\"role\":\"%s\"}".formatted(email, role)), "$.token");
        String token = field(send(nodeA, "POST", "/api/v1/auth/accept-invitation", null,
                "{\"token\":\"%s\",\"displayName\":\"A member\",\"password\":\"correct-horse-battery\"}".formatted(invitation)),
                "$.accessToken");
        List<String> ids = JsonPath.read(send(nodeA, "GET", "/api/v1/members?size=100", owner, null).body(),
                "$.items[?(@.email == '" + email + "')].id");
        return new Joined(ids.get(0), token);
    }

    /** Polls node B until the answer matches; fails unless that happens within the bound. */
    private static Duration untilNodeB(String path, String bearer, IntPredicate status) throws Exception {
        long start = System.nanoTime();
        while (true) {
            int answer = send(nodeB, "GET", path, bearer, null).statusCode();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (status.test(answer)) {
                return waited;
            }
            assertThat(waited).as("node B still answered %d", answer).isLessThan(BOUND);
            Thread.sleep(20);
        }
    }

    @Test
    void aRoleChangeThroughNodeAIsEnforcedByNodeBWithinOneSecond() throws Exception {
        String owner = owner("Roles");
        Joined admin = member(owner, "ADMIN");
        // Node B has the member as an admin in its cache now.
        assertThat(send(nodeB, "GET", "/api/v1/invitations", admin.token(), null).statusCode()).isEqualTo(200);
        assertThat(send(nodeB, "GET", "/api/v1/invitations", admin.token(), null).statusCode()).isEqualTo(200);

        assertThat(send(nodeA, "PATCH", "/api/v1/members/" + admin.membershipId(), owner, "{\"role\":\"VIEWER\"}").statusCode())
                .isEqualTo(200);
        // Node A forgets at once; node B within the bound.
        assertThat(send(nodeA, "GET", "/api/v1/invitations", admin.token(), null).statusCode()).isEqualTo(403);
        untilNodeB("/api/v1/invitations", admin.token(), status -> status == 403);
        assertThat(send(nodeB, "GET", "/api/v1/workspace", admin.token(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aRemovalThroughNodeAIsEnforcedByNodeBWithinOneSecond() throws Exception {
        String owner = owner("Removal");
        Joined member = member(owner, "MANAGER");
        assertThat(send(nodeB, "GET", "/api/v1/workspace", member.token(), null).statusCode()).isEqualTo(200);

        assertThat(send(nodeA, "DELETE", "/api/v1/members/" + member.membershipId(), owner, null).statusCode()).isEqualTo(204);
        assertThat(send(nodeA, "GET", "/api/v1/workspace", member.token(), null).statusCode()).isEqualTo(401);
        untilNodeB("/api/v1/workspace", member.token(), status -> status == 401);
    }

    @Test
    void aKeyRevokedThroughNodeAIsRefusedByNodeBWithinOneSecond() throws Exception {
        String owner = owner("Keys");
        HttpResponse<String> created = send(nodeA, "POST", "/api/v1/api-keys", owner, "{\"name\":\"ci\",\"roleCeiling\":\"ADMIN\"}");
        String key = field(created, "$.secret");
        String keyId = field(created, "$.key.id");
        assertThat(send(nodeB, "GET", "/api/v1/workspace", key, null).statusCode()).isEqualTo(200);
        assertThat(send(nodeB, "GET", "/api/v1/workspace", key, null).statusCode()).isEqualTo(200);

        assertThat(send(nodeA, "DELETE", "/api/v1/api-keys/" + keyId, owner, null).statusCode()).isEqualTo(204);
        assertThat(send(nodeA, "GET", "/api/v1/workspace", key, null).statusCode()).isEqualTo(401);
        untilNodeB("/api/v1/workspace", key, status -> status == 401);
    }
}
