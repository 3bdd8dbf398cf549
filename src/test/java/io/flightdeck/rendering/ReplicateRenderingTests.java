package io.flightdeck.rendering;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.rendering.remote.FakeReplicate;
import io.flightdeck.rendering.remote.FakeReplicateServer;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicate through the whole application against the JVM's fake ({@link FakeReplicateServer}): a job polled to the end through a rate limit, a job
 * finished by its signed webhook, and webhooks that do not verify (401) or come twice (no change).
 */
@FlightdeckTest
class ReplicateRenderingTests {

    static final byte[] KEY = FakeReplicateServer.SIGNING_KEY;
    static final FakeReplicate FAKE = FakeReplicateServer.fake();
    static final String BASE = "/api/v1/render-jobs";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;

    private Member contributor;
    private String creative;

    @BeforeEach
    void setUp() {
        Member owner = workspaces.workspace("Replicate");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Spring launch");
        creative = Json.read(api.as(contributor).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Teaser","topic":"Spring","channels":["INSTAGRAM"],"mode":"MANUAL",
                 "texts":{"HEADLINE":"Spring is here"}}""".formatted(campaign)), "$.id");
    }

    private String runningJob() {
        String id = Json.read(api.as(contributor).post(BASE, """
                {"creativeId":"%s","type":"IMAGE","provider":"replicate","params":{"prompt":"coffee at dawn"}}"""
                .formatted(creative)), "$.id");
        await().atMost(Duration.ofSeconds(30)).until(() -> Json.read(api.as(contributor).get(BASE + "/" + id),
                "$.providerJobId") != null);
        return id;
    }

    private MvcTestResult webhook(String deliveryId, long timestamp, String signature, byte[] body) {
        return api.anonymous().header("webhook-id", deliveryId).header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature)
                .raw(HttpMethod.POST, BASE + "/webhook/replicate", "application/json", body);
    }

    static String sign(String id, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void aJobIsPolledToTheEndThroughARateLimitAndSentOnce() {
        FAKE.pollsUntilDone = 2;
        int before = FAKE.creations();
        FAKE.throttleNext.set(1);
        String id = Json.read(api.as(contributor).post(BASE, """
                {"creativeId":"%s","type":"IMAGE","provider":"replicate"}""".formatted(creative)), "$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "PUBLISHED".equals(Json.read(
                api.as(contributor).get(BASE + "/" + id + "/status"), "$.status")));
        MvcTestResult job = api.as(contributor).get(BASE + "/" + id);
        assertThat(FAKE.creations() - before).isEqualTo(1);
        assertThat(FAKE.violations).isEmpty();
        assertThat((String) Json.read(job, "$.outputs.primary")).isNotNull();
        // the creative's headline became the prompt, and the webhook address names the attempt
        var sent = FAKE.created.get(FAKE.created.size() - 1);
        assertThat(sent.path("input").path("prompt").asString()).isEqualTo("Spring is here");
        assertThat(sent.path("webhook").asString()).startsWith(
                "https://flightdeck.example.com/api/v1/render-jobs/webhook/replicate?flightdeck_job=" + id);
    }

    @Test
    void aVerifiedWebhookFinishesTheJobAndTheSameDeliveryAgainChangesNothing() throws Exception {
        FAKE.pollsUntilDone = 100_000;
        String id = runningJob();
        String predictionId = Json.read(api.as(contributor).get(BASE + "/" + id), "$.providerJobId");
        FAKE.setStatus(predictionId, "succeeded");
        byte[] body = FAKE.predictionJson(predictionId).getBytes(StandardCharsets.UTF_8);
        String delivery = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();

        MvcTestResult first = webhook(delivery, now, sign(delivery, now, body), body);
        assertThat(first).hasStatusOk();
        assertThat((String) Json.read(first, "$.outcome")).isEqualTo("applied");
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(Json.read(
                api.as(contributor).get(BASE + "/" + id + "/status"), "$.status")));
        MvcTestResult published = api.as(contributor).get(BASE + "/" + id);

        MvcTestResult again = webhook(delivery, now, sign(delivery, now, body), body);
        assertThat(again).hasStatusOk();
        assertThat((String) Json.read(again, "$.outcome")).isEqualTo("duplicate");
        MvcTestResult after = api.as(contributor).get(BASE + "/" + id);
        assertThat((Integer) Json.read(after, "$.version")).isEqualTo(Json.read(published, "$.version"));
    }

    @Test
    void aWebhookWithABadOrStaleSignatureIsRefusedAndChangesNothing() throws Exception {
        FAKE.pollsUntilDone = 100_000;
        String id = runningJob();
        String predictionId = Json.read(api.as(contributor).get(BASE + "/" + id), "$.providerJobId");
        FAKE.setStatus(predictionId, "failed");
        byte[] body = FAKE.predictionJson(predictionId).getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String delivery = "msg_" + UUID.randomUUID();

        MvcTestResult forged = webhook(delivery, now, "v1," + Base64.getEncoder().encodeToString(new byte[32]), body);
        assertThat(forged).hasStatus(401);
        assertThat(forged.getResponse().getContentType()).startsWith("application/problem+json");
        long stale = now - 600;
        assertThat(webhook(delivery, stale, sign(delivery, stale, body), body)).hasStatus(401);
        assertThat(api.anonymous().raw(HttpMethod.POST, BASE + "/webhook/replicate", "application/json", body))
                .hasStatus(401);

        MvcTestResult job = api.as(contributor).get(BASE + "/" + id);
        assertThat((String) Json.read(job, "$.status")).isEqualTo("RUNNING");
        assertThat((Integer) Json.read(job, "$.retryCount")).isZero();
        assertThat(jdbc.sql("select count(*) from webhook_deliveries where delivery_id = ?").param(delivery)
                .query(Long.class).single()).as("a refused delivery is not remembered").isZero();
        FAKE.setStatus(predictionId, "canceled");
    }

    @Test
    void theSignatureIsCheckedOnTheBytesAsSentAndAnOversizedDeliveryIs413() throws Exception {
        FAKE.pollsUntilDone = 100_000;
        String id = runningJob();
        String predictionId = Json.read(api.as(contributor).get(BASE + "/" + id), "$.providerJobId");
        // laid out and escaped as no JSON writer here would write it: re-serialising it would break the signature
        byte[] body = ("{\n  \"id\" : \"" + predictionId + "\",\n  \"status\" : \"processing\",\n"
                + "  \"logs\" : \"caf\\u00e9 \u2615 3/10 [00:01<00:02, 3.1it/s]\"\n}\n").getBytes(StandardCharsets.UTF_8);
        String delivery = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        MvcTestResult applied = webhook(delivery, now, sign(delivery, now, body), body);
        assertThat(applied).hasStatusOk();
        assertThat((String) Json.read(applied, "$.outcome")).isEqualTo("applied");

        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        String bigDelivery = "msg_" + UUID.randomUUID();
        MvcTestResult tooLarge = webhook(bigDelivery, now, sign(bigDelivery, now, huge), huge);
        assertThat(tooLarge).hasStatus(413);
        assertThat(tooLarge.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat((Integer) Json.read(tooLarge, "$.limitBytes")).isEqualTo(1024 * 1024);
        assertThat(jdbc.sql("select count(*) from webhook_deliveries where delivery_id = ?").param(bigDelivery)
                .query(Long.class).single()).isZero();
        FAKE.setStatus(predictionId, "canceled");
    }
}
