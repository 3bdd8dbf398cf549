package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.NodeWebhookConsumer;
import io.flightdeck.support.NodeWebhookConsumer.Received;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outgoing webhooks against a consumer nobody here wrote: the {@code standardwebhooks} npm package verifies every
 * message Flightdeck posts (an event, a test, a retry, a replay, both secrets while one rotates). Admins alone manage
 * endpoints; another workspace's are not found; bad input is a problem. An endpoint failing for five days (a moved
 * clock) is disabled and its owner told.
 */
@FlightdeckTest
class OutgoingWebhooksTests {

    private static final String BASE = "/api/v1/webhook-endpoints";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    MutableClock clock;
    @Autowired
    WebhookRunner runner;

    private Member owner;
    private Member ann;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Hooks");
        ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
    }

    @Test
    void everyMessageIsVerifiedByTheStandardWebhooksPackageThroughRetryReplayAndRotation() throws Exception {
        MvcTestResult created = api.as(owner).post(BASE, Map.of("url", "https://example.invalid/hooks",
                "description", "Warehouse", "eventTypes", List.of("task.assigned")));
        assertThat(created).hasStatus(201);
        String id = Json.read(created, "$.endpoint.id");
        String secret = Json.read(created, "$.secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(api.as(owner).get(BASE + "/" + id).getResponse().getContentAsString()).doesNotContain(secret);

        try (NodeWebhookConsumer consumer = NodeWebhookConsumer.start(secret)) {
            point(id, consumer.url("/hooks"), "task.assigned");
            String campaign = campaigns.create(owner, "Hooked campaign");
            String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks",
                    Map.of("title", "Write the brief")), "$.id");
            api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", ann.userId()));

            Received event = consumer.awaitReceived(1, Duration.ofSeconds(30)).get(0);
            assertThat(event.verified()).as(event.error()).isTrue();
            assertThat(event.path()).isEqualTo("/hooks");
            assertThat((String) JsonPath.read(event.body(), "$.type")).isEqualTo("task.assigned");
            assertThat((String) JsonPath.read(event.body(), "$.data.title")).contains("Write the brief");
            assertThat((String) JsonPath.read(event.body(), "$.data.link")).startsWith("http");
            assertThat((String) JsonPath.read(event.body(), "$.data.workspaceId")).isEqualTo(owner.workspaceId().toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(lastMessage(id, "$.items[0].status")));
            assertThat(lastMessage(id, "$.items[0].messageId")).isEqualTo(event.id());
            assertThat((Integer) Json.read(api.as(owner).get(BASE + "/" + id + "/messages"), "$.items[0].lastStatus"))
                    .isEqualTo(204);

            assertThat(api.as(owner).post(BASE + "/" + id + "/test")).hasStatus(202);
            Received test = consumer.awaitReceived(2, Duration.ofSeconds(30)).get(1);
            assertThat(test.verified()).as(test.error()).isTrue();
            assertThat((String) JsonPath.read(test.body(), "$.type")).isEqualTo("webhook.test");

            String rotated = Json.read(api.as(owner).post(BASE + "/" + id + "/rotate-secret"), "$.secret");
            assertThat(rotated).isNotEqualTo(secret);
            api.as(owner).post(BASE + "/" + id + "/test");
            Received overlap = consumer.awaitReceived(3, Duration.ofSeconds(30)).get(2);
            assertThat(overlap.verified()).as("the old secret still verifies: %s", overlap.error()).isTrue();
            assertThat(overlap.signature().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));

            try (NodeWebhookConsumer switched = NodeWebhookConsumer.start(rotated)) {
                point(id, switched.url("/v2"), "task.assigned");
                switched.answerWith(500, 1);
                api.as(owner).post(BASE + "/" + id + "/test");
                List<Received> tries = switched.awaitReceived(2, Duration.ofSeconds(30));
                assertThat(tries).extracting(Received::status).containsExactly(500, 204);
                assertThat(tries).allMatch(Received::verified);
                assertThat(tries.get(1).id()).as("a retry carries the same webhook-id").isEqualTo(tries.get(0).id());
                await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(lastMessage(id, "$.items[0].status")));
                assertThat((Integer) Json.read(api.as(owner).get(BASE + "/" + id + "/messages"), "$.items[0].attempts"))
                        .isEqualTo(2);

                String message = lastMessage(id, "$.items[0].id");
                assertThat(api.as(owner).post(BASE + "/" + id + "/messages/" + message + "/replay")).hasStatus(202);
                Received replayed = switched.awaitReceived(3, Duration.ofSeconds(30)).get(2);
                assertThat(replayed.id()).isEqualTo(tries.get(0).id());
                assertThat(replayed.verified()).isTrue();
            }
        }
    }

    @Test
    void adminsAloneManageEndpointsAnotherWorkspaceFindsNoneAndBadInputIsAProblem() {
        String id = Json.read(api.as(owner).post(BASE, Map.of("url", "https://example.com/h", "eventTypes", List.of("*"))),
                "$.endpoint.id");
        assertThat(api.as(ann).get(BASE)).hasStatus(403);
        assertThat(api.as(ann).post(BASE, Map.of("url", "https://example.com/h", "eventTypes", List.of("*"))))
                .hasStatus(403);
        String key = Json.read(api.as(owner).post("/api/v1/api-keys", Map.of("name", "read", "roleCeiling", "VIEWER")),
                "$.secret");
        assertThat(api.as(owner).header("Authorization", "Bearer " + key).post(BASE + "/" + id + "/test")).hasStatus(403);
        Member outsider = workspaces.workspace("Other hooks");
        assertThat(api.as(outsider).get(BASE + "/" + id)).hasStatus(404);
        assertThat(api.as(outsider).post(BASE + "/" + id + "/test")).hasStatus(404);
        assertThat(api.as(outsider).delete(BASE + "/" + id)).hasStatus(404);

        Map<String, Object> nullType = new HashMap<>(Map.of("url", "https://example.com/h"));
        nullType.put("eventTypes", Arrays.asList("post.published", null));
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("url", "ftp://example.com", "eventTypes", List.of("*")),
                Map.<String, Object>of("url", "https://example.com", "eventTypes", List.of()),
                Map.<String, Object>of("url", "https://example.com", "eventTypes", List.of("post.exploded")),
                Map.<String, Object>of("url", "https://example.com", "description", "d".repeat(201), "eventTypes", List.of("*")),
                nullType)) {
            MvcTestResult refused = api.as(owner).post(BASE, bad);
            assertThat(refused).as("%s", bad).hasStatus(400);
            assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        }
        assertThat((Integer) Json.read(api.as(owner).get(BASE), "$.total")).isEqualTo(1);
        assertThat(api.as(owner).delete(BASE + "/" + id)).hasStatus(204);
        assertThat(api.as(owner).get(BASE + "/" + id)).hasStatus(404);
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabledAndItsOwnerTold() throws Exception {
        String created = api.as(owner).post(BASE, Map.of("url", "https://example.invalid/h", "description", "Flaky",
                "eventTypes", List.of("*"))).getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.endpoint.id");
        try (NodeWebhookConsumer consumer = NodeWebhookConsumer.start(JsonPath.<String>read(created, "$.secret"))) {
            point(id, consumer.url("/h"), "*");
            consumer.answerWith(503);
            api.as(owner).post(BASE + "/" + id + "/test");
            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(lastMessage(id, "$.items[0].status")));
            assertThat((String) Json.read(api.as(owner).get(BASE + "/" + id), "$.failingSince")).isNotNull();

            clock.advance(Duration.ofDays(5));
            UUID message = UUID.fromString(lastMessage(id, "$.items[0].id"));
            TenantScope.call(owner.workspaceId(), () -> runner.step(message));

            MvcTestResult endpoint = api.as(owner).get(BASE + "/" + id);
            assertThat((Boolean) Json.read(endpoint, "$.enabled")).isFalse();
            assertThat((String) Json.read(endpoint, "$.disabledReason")).contains("five days");
            assertThat(lastMessage(id, "$.items[0].status")).isEqualTo("DEAD");
            assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/notifications"), "$.items[*].title"))
                    .contains("Webhook endpoint " + consumer.url("/h") + " was disabled");
            assertThat(api.as(owner).post(BASE + "/" + id + "/test")).hasStatus(400);
            assertThat((Boolean) Json.read(api.as(owner).post(BASE + "/" + id + "/enable"), "$.enabled")).isTrue();
        } finally {
            clock.reset();
        }
    }

    private void point(String id, String url, String type) {
        assertThat(api.as(owner).put(BASE + "/" + id, Map.of("url", url, "eventTypes", List.of(type)))).hasStatusOk();
    }

    private String lastMessage(String id, String path) {
        return Json.read(api.as(owner).get(BASE + "/" + id + "/messages"), path);
    }
}
