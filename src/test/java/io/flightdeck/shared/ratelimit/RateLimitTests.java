package io.flightdeck.shared.ratelimit;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's pace through the real filter chain: a caller's allowance, then the workspace's, 429 problems with
 * {@code Retry-After} and the {@code RateLimit} headers, sign-in counted by address before the password is checked,
 * and the quotas an admin sees. The suite runs without limits; each test sets small ones for itself. On PostgreSQL,
 * two nodes' managers count against the same rows.
 */
@FlightdeckTest
class RateLimitTests {

    private static final String CAMPAIGNS = "/api/v1/campaigns";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    RateLimits limits;
    @Autowired
    RateLimitProperties shipped;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void restore() {
        limits.restore(shipped);
    }

    private static RateLimitProperties.Limit limit(int perCaller, int perWorkspace) {
        return new RateLimitProperties.Limit(perCaller, perWorkspace);
    }

    private static RateLimitProperties.Limit none() {
        return limit(0, 0);
    }

    @Test
    void aCallerOverItsPaceIsRefusedThenTheWorkspaceOverItsOwn() {
        Member owner = workspaces.workspace("Paced");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member elsewhere = workspaces.workspace("Paced elsewhere");
        limits.use(new RateLimitProperties(true, "memory", limit(3, 5), none(), none(), none(), none()));

        for (int left = 2; left >= 0; left--) {
            MvcTestResult read = api.as(owner).get(CAMPAIGNS);
            assertThat(read).hasStatusOk();
            assertThat(read.getResponse().getHeader("RateLimit-Policy")).isEqualTo("\"reads\";q=3;w=60");
            assertThat(read.getResponse().getHeader("RateLimit")).startsWith("\"reads\";r=" + left + ";t=");
        }
        MvcTestResult refused = api.as(owner).get(CAMPAIGNS);
        assertThat(refused).hasStatus(429);
        assertThat(refused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/rate-limited");
        assertThat((String) Json.read(refused, "$.detail")).startsWith("You have made 3 reads requests in the last "
                + "minute, the most allowed. Try again in ");
        assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(refused.getResponse().getHeader("RateLimit")).startsWith("\"reads\";r=0;t=");
        assertThat(campaigns.create(owner, "Writes are counted apart")).as("another class").isNotBlank();

        // the workspace's five: the owner took three, the manager gets two
        assertThat(api.as(manager).get(CAMPAIGNS)).hasStatusOk();
        assertThat(api.as(manager).get(CAMPAIGNS)).hasStatusOk();
        MvcTestResult workspaceFull = api.as(manager).get(CAMPAIGNS);
        assertThat(workspaceFull).hasStatus(429);
        assertThat((String) Json.read(workspaceFull, "$.detail")).startsWith("This workspace has made 5 reads");
        assertThat(api.as(elsewhere).get(CAMPAIGNS)).as("another workspace").hasStatusOk();

        limits.use(new RateLimitProperties(true, "memory", limit(0, 5), none(), none(), none(), none()));
        MvcTestResult quotas = api.as(elsewhere).get("/api/v1/monitoring/rate-limits");
        assertThat(quotas).hasStatusOk();
        assertThat(Json.<List<String>>read(quotas, "$[*].type")).containsExactly("READS", "WRITES", "EXPORTS", "MCP",
                "SIGN_IN");
        // five, less the read above and this one
        assertThat(Json.<List<Integer>>read(quotas, "$[?(@.type == 'READS')].workspaceRemaining")).containsExactly(3);
        assertThat(api.as(workspaces.addMember(elsewhere, Role.MANAGER)).get("/api/v1/monitoring/rate-limits"))
                .as("admins only").hasStatus(403);
    }

    @Test
    void signInIsCountedByAddressBeforeThePasswordIsChecked() {
        Member owner = workspaces.workspace("Sign-in pace");
        limits.use(new RateLimitProperties(true, "memory", none(), none(), none(), none(), limit(2, 0)));
        String wrong = """
                {"email":"%s","password":"not the password"}""".formatted(owner.email());
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.post().uri("/api/v1/auth/token").with(r -> {
                r.setRemoteAddr("203.0.113.9");
                return r;
            }).contentType(MediaType.APPLICATION_JSON).content(wrong)).hasStatus(401);
        }
        MvcTestResult refused = mvc.post().uri("/api/v1/auth/token").with(r -> {
            r.setRemoteAddr("203.0.113.9");
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content("""
                {"email":"%s","password":"%s"}""".formatted(owner.email(), TestWorkspaces.PASSWORD)).exchange();
        assertThat(refused).as("even with the right password").hasStatus(429);
        assertThat(mvc.post().uri("/api/v1/auth/token").with(r -> {
            r.setRemoteAddr("203.0.113.10");
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content("""
                {"email":"%s","password":"%s"}""".formatted(owner.email(), TestWorkspaces.PASSWORD)))
                .as("another address").hasStatusOk();
    }

    @Test
    void twoNodesCountAgainstTheSameBucketsInPostgresql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Assumptions.assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"),
                    "buckets shared across nodes live in PostgreSQL; H2 runs one node");
        }
        RateLimitProperties five = new RateLimitProperties(true, "database", none(), limit(5, 0), none(), none(),
                none());
        RateLimits nodeA = new RateLimits(RateLimitConfiguration.inDatabase(dataSource), five);
        RateLimits nodeB = new RateLimits(RateLimitConfiguration.inDatabase(dataSource), five);
        String caller = "key:" + UUID.randomUUID();
        assertThat(List.of(nodeA, nodeB, nodeA, nodeB, nodeA)).allSatisfy(node ->
                assertThat(node.take(EndpointClass.WRITES, caller, null).allowed()).isTrue());
        RateLimits.Decision sixth = nodeB.take(EndpointClass.WRITES, caller, null);
        assertThat(sixth.allowed()).as("the sixth on the other node").isFalse();
        assertThat(sixth.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(nodeA.take(EndpointClass.WRITES, "key:" + UUID.randomUUID(), null).allowed())
                .as("another caller").isTrue();
    }
}
