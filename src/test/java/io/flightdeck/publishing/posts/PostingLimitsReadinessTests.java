package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quota-aware readiness through the API, on the sandbox network told a posting limit (its offline stand-in for
 * Instagram's publishing limit and its kin): a campaign whose week goes over an account's limit is blocked before
 * launch with the window named, and fits again once a post moves; the sandbox's limit is validated.
 */
@FlightdeckTest
class PostingLimitsReadinessTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private Member owner;
    private String campaign;

    @BeforeEach
    void setUp() {
        ApprovalRequests requests = new ApprovalRequests(mvc);
        owner = workspaces.withoutApprovals("Limits");
        campaign = requests.campaign(owner, "Busy week");
    }

    private String account(String settings) {
        var created = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"Limited","channel":"INSTAGRAM","timeZone":"UTC","settings":%s}""".formatted(settings));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private String schedule(String accountId, Instant at) {
        var created = api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Post at %s","at":"%s"}"""
                .formatted(campaign, accountId, at, at));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.channels[0].id");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> item(String key) {
        var readiness = api.as(owner).get("/api/v1/campaigns/" + campaign + "/readiness");
        assertThat(readiness).hasStatusOk();
        List<Map<String, Object>> items = Json.read(readiness, "$.items[?(@.key == '" + key + "')]");
        return items.isEmpty() ? null : items.get(0);
    }

    @Test
    void aWeekOverAnAccountsLimitBlocksUntilAPostMoves() {
        String limited = account("{\"postsPerDay\":2}");
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        schedule(limited, tomorrow);
        schedule(limited, tomorrow.plus(Duration.ofHours(3)));
        String third = schedule(limited, tomorrow.plus(Duration.ofHours(6)));

        Map<String, Object> item = item("publishing.limits");
        assertThat(item).isNotNull();
        assertThat(item.get("done")).isEqualTo(false);
        assertThat(item.get("blocking")).isEqualTo(true);
        assertThat((String) item.get("reason")).contains("Limited (Sandbox) allows 2 posts in 24 hours; 3 would go "
                + "out in the 24 hours up to");

        var moved = api.as(owner).post("/api/v1/social/channel-posts/" + third + "/reschedule", """
                {"at":"%s"}""".formatted(tomorrow.plus(Duration.ofDays(2))));
        assertThat(moved).hasStatusOk();
        item = item("publishing.limits");
        assertThat(item.get("done")).isEqualTo(true);
        assertThat((String) item.get("reason")).startsWith("The coming week fits every network's posting limits");
    }

    @Test
    void anAccountWithoutALimitAddsNoItem() {
        String open = account("{\"mode\":\"NORMAL\"}");
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 3; i++) {
            schedule(open, tomorrow.plus(Duration.ofHours(3L * i)));
        }
        assertThat(item("publishing.limits")).isNull();
    }

    @Test
    void theSandboxsLimitIsAWholeNumberFromOne() {
        for (String bad : new String[] {"0", "-3", "2.5", "\"many\"", "10001"}) {
            var refused = api.as(owner).post("/api/v1/channels/sandbox", """
                    {"displayName":"Bad","channel":"INSTAGRAM","timeZone":"UTC","settings":{"postsPerDay":%s}}"""
                    .formatted(bad));
            assertThat(refused).as(bad).hasStatus(400);
            assertThat(Json.<String>read(refused, "$.errors[0].field")).isEqualTo("settings.postsPerDay");
        }
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post("/api/v1/channels/sandbox", """
                {"displayName":"Nope","channel":"INSTAGRAM","timeZone":"UTC","settings":{"postsPerDay":3}}"""))
                .hasStatus(403);
    }
}
