package io.flightdeck.identity;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.TwoNodes;
import io.flightdeck.support.TwoNodes.Cluster;
import io.flightdeck.support.TwoNodes.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database, as in a cluster: a role change, a removal or a key revocation made through
 * node A is enforced by node B within one second, although B keeps members' actors and API keys for a moment
 * (MemberActors, ApiKeys). The nodes are {@link TwoNodes}' pair.
 */
@ExtendWith(TwoNodes.class)
class TwoNodesTests {

    private static final Duration BOUND = Duration.ofSeconds(1);

    private final Node nodeA;
    private final Node nodeB;

    TwoNodesTests(Cluster nodes) {
        this.nodeA = nodes.a();
        this.nodeB = nodes.b();
    }

    private static HttpResponse<String> send(Node node, String method, String path, String bearer, String json)
            throws IOException, InterruptedException {
        return node.send(method, path, bearer, json);
    }

    private static String field(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JsonPath.read(response.body(), path);
    }

    /** An owner's JWT from node A, for a workspace of its own. */
    private String owner(String who) throws IOException, InterruptedException {
        String email = who + "-" + UUID.randomUUID() + "@example.com";
        return field(send(nodeA, "POST", "/api/v1/auth/signup", null, """
                {"workspaceName":"%s","displayName":"%s","email":"%s","password":"correct-horse-battery","timeZone":"UTC"}"""
                .formatted(who, who, email)), "$.accessToken");
    }

    private record Joined(String membershipId, String token) {
    }

    /** A new member with this role, invited through node A, signed in through node B. */
    private Joined member(String owner, String role) throws IOException, InterruptedException {
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
    private Duration untilNodeB(String path, String bearer, IntPredicate status) throws Exception {
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
