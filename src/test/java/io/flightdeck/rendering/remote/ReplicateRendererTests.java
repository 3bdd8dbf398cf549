package io.flightdeck.rendering.remote;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.rendering.jobs.RenderMaterial;
import io.flightdeck.rendering.jobs.RenderProvider.ProviderStatus;
import io.flightdeck.rendering.jobs.RenderProviderException;
import io.flightdeck.rendering.jobs.RenderRequest;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.webhooks.WebhookRejectedException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Replicate adapter against a fake of the documented predictions API and webhook signatures. */
class ReplicateRendererTests {

    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("a-32-byte-webhook-signing-key!!!".getBytes());
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();
    final FakeReplicate fake = new FakeReplicate();
    final JsonMapper json = JsonMapper.builder().build();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    ReplicateRenderer renderer(String token, String secret) {
        var properties = new ReplicateProperties(token, URI.create(server.url("/").toString()),
                "black-forest-labs/flux-schnell", secret, Duration.ofSeconds(5), Duration.ofMinutes(5));
        return new ReplicateRenderer(properties, clock);
    }

    static RenderRequest request(String model, Map<String, Object> params, URI webhook) {
        return new RenderRequest(UUID.fromString("0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b"),
                "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b:1", RenderType.IMAGE, model, params,
                new RenderMaterial("Spring is here", "Shop now", "Fresh roasts", "Acme", List.of(), null, null, null,
                        List.of()), webhook, null);
    }

    @BeforeEach
    void setUp() {
        server.setDispatcher(fake.at(server.url("/").toString()));
    }

    @Test
    void aPredictionIsCreatedPolledWithProgressAndItsOutputDownloaded() throws Exception {
        ReplicateRenderer replicate = renderer(FakeReplicate.TOKEN, SECRET);
        var submission = replicate.submit(request("black-forest-labs/flux-schnell",
                Map.of("prompt", "a cup of coffee at dawn", "seed", 42, "width", 1024, "height", 1024, "steps", 4),
                URI.create("https://flightdeck.example.com/api/v1/render-jobs/webhook/replicate")));
        assertThat(submission.providerJobId()).startsWith("fake");

        RecordedRequest created = server.takeRequest();
        assertThat(created.getMethod()).isEqualTo("POST");
        assertThat(created.getUrl().encodedPath()).isEqualTo("/v1/models/black-forest-labs/flux-schnell/predictions");
        assertThat(created.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeReplicate.TOKEN);
        assertThat(created.getHeaders().get("Idempotency-Key")).isEqualTo("0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b:1");
        JsonNode body = json.readTree(created.getBody().utf8());
        assertThat(body.path("input").path("prompt").asString()).isEqualTo("a cup of coffee at dawn");
        assertThat(body.path("input").path("seed").asLong()).isEqualTo(42);
        assertThat(body.path("input").path("num_inference_steps").asInt()).isEqualTo(4);
        assertThat(body.path("webhook").asString()).endsWith("/webhook/replicate?flightdeck_job="
                + "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b%3A1");
        assertThat(body.path("webhook_events_filter").toString()).isEqualTo("[\"start\",\"completed\"]");

        ProviderStatus first = replicate.poll(submission.providerJobId());
        assertThat(first.state()).isEqualTo(ProviderStatus.State.RUNNING);
        assertThat(first.currentStep()).isEqualTo(2);
        assertThat(first.totalSteps()).isEqualTo(4);
        assertThat(first.etaSeconds()).isEqualTo(2);
        assertThat(first.logs()).containsExactly("Using seed: 42");
        replicate.poll(submission.providerJobId());
        ProviderStatus done = replicate.poll(submission.providerJobId());
        assertThat(done.state()).isEqualTo(ProviderStatus.State.SUCCEEDED);
        assertThat(done.outputs()).hasSize(1);
        try (InputStream in = done.outputs().get(0).source().open()) {
            assertThat(in.readAllBytes()).isEqualTo(FakeReplicate.png("/files/" + submission.providerJobId() + "-0.png"));
        }
        assertThat(fake.violations).isEmpty();
    }

    @Test
    void aPinnedVersionGoesToThePredictionsEndpointAndAHeadlineBecomesThePrompt() throws Exception {
        renderer(FakeReplicate.TOKEN, SECRET).submit(request("stability-ai/sdxl:7762fd07cf82c948", Map.of(), null));
        RecordedRequest created = server.takeRequest();
        assertThat(created.getUrl().encodedPath()).isEqualTo("/v1/predictions");
        JsonNode body = json.readTree(created.getBody().utf8());
        assertThat(body.path("version").asString()).isEqualTo("7762fd07cf82c948");
        assertThat(body.path("input").path("prompt").asString()).isEqualTo("Spring is here. Fresh roasts");
        assertThat(body.has("webhook")).isFalse();
        assertThat(fake.violations).isEmpty();
    }

    @Test
    void errorsSayWhetherTryingAgainCouldHelp() {
        assertThatThrownBy(() -> renderer("wrong", SECRET).submit(request("a/b", Map.of("prompt", "x"), null)))
                .isInstanceOfSatisfying(RenderProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("provider-auth");
                    assertThat(e.retryable()).isFalse();
                });
        fake.throttleNext.set(1);
        assertThatThrownBy(() -> renderer(FakeReplicate.TOKEN, SECRET).submit(request("a/b", Map.of("prompt", "x"), null)))
                .isInstanceOfSatisfying(RenderProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("rate-limited");
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(e.getMessage()).contains("Request was throttled");
                });
        assertThatThrownBy(() -> renderer(FakeReplicate.TOKEN, SECRET).poll("missing"))
                .isInstanceOfSatisfying(RenderProviderException.class, e -> assertThat(e.retryable()).isFalse());
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return new MockResponse.Builder().code(503).body("{\"detail\":\"Service Unavailable\"}").build();
            }
        });
        assertThatThrownBy(() -> renderer(FakeReplicate.TOKEN, SECRET).poll("any"))
                .isInstanceOfSatisfying(RenderProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("provider-unavailable");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void failedAndCanceledPredictionsMapToTheJobsStates() {
        ReplicateRenderer replicate = renderer(FakeReplicate.TOKEN, SECRET);
        String id = replicate.submit(request("a/b", Map.of("prompt", "x"), null)).providerJobId();
        replicate.cancel(id);
        assertThat(replicate.poll(id).state()).isEqualTo(ProviderStatus.State.CANCELLED);

        var nsfw = replicate.status(prediction("{\"id\":\"x\",\"status\":\"failed\",\"error\":\"NSFW content detected\"}"));
        assertThat(nsfw.state()).isEqualTo(ProviderStatus.State.FAILED);
        assertThat(nsfw.retryable()).isFalse();
        var oom = replicate.status(prediction("{\"id\":\"x\",\"status\":\"failed\",\"error\":\"CUDA out of memory\"}"));
        assertThat(oom.retryable()).isTrue();
    }

    static ReplicatePrediction prediction(String json) {
        return OutboundClient.jsonMapper().readValue(json, ReplicatePrediction.class);
    }

    @Test
    void aSubmissionSentBeforeACrashIsFoundByItsKeyAcrossPages() {
        ReplicateRenderer replicate = renderer(FakeReplicate.TOKEN, SECRET);
        URI webhook = URI.create("https://flightdeck.example.com/api/v1/render-jobs/webhook/replicate");
        String wanted = replicate.submit(request("a/b", Map.of("prompt", "x"), webhook)).providerJobId();
        for (int i = 2; i <= 4; i++) {
            var other = new RenderRequest(UUID.randomUUID(), UUID.randomUUID() + ":1", RenderType.IMAGE, "a/b",
                    Map.of("prompt", "y"), request("a/b", Map.of(), null).material(), webhook, null);
            replicate.submit(other);
        }
        assertThat(replicate.findSubmission(request("a/b", Map.of(), webhook))).contains(wanted);
        var unknown = new RenderRequest(UUID.randomUUID(), "nobody:1", RenderType.IMAGE, "a/b", Map.of(),
                request("a/b", Map.of(), null).material(), webhook, null);
        assertThat(replicate.findSubmission(unknown)).isEmpty();
        assertThatThrownBy(() -> replicate.findSubmission(request("a/b", Map.of(), null)))
                .isInstanceOfSatisfying(RenderProviderException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void aSignedWebhookIsVerifiedAndReadAsTheJobsStatus() {
        ReplicateRenderer replicate = renderer(FakeReplicate.TOKEN, SECRET);
        byte[] body = "{\"id\":\"p1\",\"status\":\"succeeded\",\"output\":[\"https://replicate.delivery/p1/out-0.png\"],\"logs\":\"\"}"
                .getBytes(StandardCharsets.UTF_8);
        var signature = new ReplicateSignature(SECRET, Duration.ofMinutes(5), clock);
        Map<String, String> headers = headers("msg_1", NOW.getEpochSecond(), "v1," + signature.sign("msg_1", NOW.getEpochSecond(), body));

        var update = replicate.handleWebhook(headers, body).orElseThrow();
        assertThat(update.deliveryId()).isEqualTo("msg_1");
        assertThat(update.providerJobId()).isEqualTo("p1");
        assertThat(update.status().state()).isEqualTo(ProviderStatus.State.SUCCEEDED);
        assertThat(update.status().outputs().get(0).fileName()).isEqualTo("out-0.png");

        // several signatures (a secret being rotated): any v1 that matches will do
        Map<String, String> rotated = headers("msg_1", NOW.getEpochSecond(), "v1,bm90LXRoaXMtb25l v1,"
                + signature.sign("msg_1", NOW.getEpochSecond(), body));
        assertThat(replicate.handleWebhook(rotated, body)).isPresent();
    }

    @Test
    void aBadMissingOrStaleSignatureOrNoSecretIsRefused() {
        byte[] body = "{\"id\":\"p1\",\"status\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8);
        var signature = new ReplicateSignature(SECRET, Duration.ofMinutes(5), clock);
        String good = "v1," + signature.sign("msg_2", NOW.getEpochSecond(), body);
        ReplicateRenderer replicate = renderer(FakeReplicate.TOKEN, SECRET);

        assertThatThrownBy(() -> replicate.handleWebhook(headers("msg_2", NOW.getEpochSecond(), "v1,AAAA"), body))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("No signature matches");
        byte[] tampered = "{\"id\":\"p1\",\"status\":\"failed\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> replicate.handleWebhook(headers("msg_2", NOW.getEpochSecond(), good), tampered))
                .isInstanceOf(WebhookRejectedException.class);
        Map<String, String> missing = headers("msg_2", NOW.getEpochSecond(), good);
        missing.remove("webhook-timestamp");
        assertThatThrownBy(() -> replicate.handleWebhook(missing, body)).isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("required");

        clock = Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        assertThatThrownBy(() -> renderer(FakeReplicate.TOKEN, SECRET).handleWebhook(headers("msg_2",
                NOW.getEpochSecond(), good), body)).isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> renderer(FakeReplicate.TOKEN, null).handleWebhook(headers("msg_2",
                NOW.getEpochSecond(), good), body)).isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("secret");
    }

    static Map<String, String> headers(String id, long timestamp, String signature) {
        Map<String, String> h = new HashMap<>();
        h.put("webhook-id", id);
        h.put("webhook-timestamp", String.valueOf(timestamp));
        h.put("webhook-signature", signature);
        return h;
    }

    @Test
    void withoutATokenReplicateIsListedButNotAvailable() {
        assertThat(renderer(null, SECRET).available()).isFalse();
        assertThat(renderer(FakeReplicate.TOKEN, SECRET).available()).isTrue();
        assertThat(renderer(FakeReplicate.TOKEN, SECRET).canRender(RenderType.VIDEO)).isFalse();
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
