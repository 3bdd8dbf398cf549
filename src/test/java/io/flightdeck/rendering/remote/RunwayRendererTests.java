package io.flightdeck.rendering.remote;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.rendering.jobs.RenderMaterial;
import io.flightdeck.rendering.jobs.RenderProvider.ProviderStatus;
import io.flightdeck.rendering.jobs.RenderProviderException;
import io.flightdeck.rendering.jobs.RenderRequest;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.InvalidInputException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Runway adapter against the documented image-to-video and tasks endpoints, answered as Runway answers. */
class RunwayRendererTests {

    static final String KEY = "key_runway_test";
    static final byte[] IMAGE = FakeReplicate.png("runway-input");

    @StartStop
    final MockWebServer server = new MockWebServer();
    final JsonMapper json = JsonMapper.builder().build();

    RunwayRenderer runway(String key) {
        return new RunwayRenderer(new RunwayProperties(key, URI.create(server.url("/").toString()), "gen4_turbo",
                "2024-11-06", Duration.ofSeconds(5)));
    }

    static RenderRequest request(List<RenderMaterial.Media> images, Map<String, Object> params) {
        return new RenderRequest(UUID.randomUUID(), "k:1", RenderType.VIDEO, "gen4_turbo", params,
                new RenderMaterial("Spring is here", "Shop now", null, "Acme", List.of(), null, null, null, images),
                null, null);
    }

    static RenderMaterial.Media image() {
        return new RenderMaterial.Media() {
            public String name() { return "hero.png"; }
            public String mimeType() { return "image/png"; }
            public InputStream open() { return new ByteArrayInputStream(IMAGE); }
        };
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aTaskIsCreatedFromTheImagePolledThroughItsStatesAndItsVideoDownloaded() throws Exception {
        server.enqueue(json(200, "{\"id\":\"17f20503-6c24-4c16-946b-35dbbce2af2f\"}"));
        server.enqueue(json(200, "{\"id\":\"17f20503-6c24-4c16-946b-35dbbce2af2f\",\"status\":\"PENDING\",\"createdAt\":\"2026-11-23T10:00:00.000Z\"}"));
        server.enqueue(json(200, "{\"id\":\"17f20503-6c24-4c16-946b-35dbbce2af2f\",\"status\":\"RUNNING\",\"createdAt\":\"2026-11-23T10:00:00.000Z\",\"progress\":0.42}"));
        String videoUrl = server.url("/output/video.mp4").toString();
        server.enqueue(json(200, "{\"id\":\"17f20503-6c24-4c16-946b-35dbbce2af2f\",\"status\":\"SUCCEEDED\",\"createdAt\":\"2026-11-23T10:00:00.000Z\",\"output\":[\"" + videoUrl + "\"]}"));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "video/mp4")
                .body(new Buffer().write(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'})).build());

        RunwayRenderer runway = runway(KEY);
        Map<String, Object> params = runway.checkParams(RenderType.VIDEO, Map.of("seed", 7));
        String id = runway.submit(request(List.of(image()), params)).providerJobId();
        assertThat(id).isEqualTo("17f20503-6c24-4c16-946b-35dbbce2af2f");

        RecordedRequest created = server.takeRequest();
        assertThat(created.getMethod()).isEqualTo("POST");
        assertThat(created.getUrl().encodedPath()).isEqualTo("/v1/image_to_video");
        assertThat(created.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(created.getHeaders().get("X-Runway-Version")).isEqualTo("2024-11-06");
        JsonNode body = json.readTree(created.getBody().utf8());
        assertThat(body.path("model").asString()).isEqualTo("gen4_turbo");
        assertThat(body.path("promptImage").asString()).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(IMAGE));
        assertThat(body.path("promptText").asString()).isEqualTo("Spring is here");
        assertThat(body.path("ratio").asString()).isEqualTo("1280:720");
        assertThat(body.path("duration").asInt()).isEqualTo(5);
        assertThat(body.path("seed").asLong()).isEqualTo(7);

        assertThat(runway.poll(id).state()).isEqualTo(ProviderStatus.State.RUNNING);
        ProviderStatus running = runway.poll(id);
        assertThat(running.currentStep()).isEqualTo(42);
        assertThat(running.totalSteps()).isEqualTo(100);
        ProviderStatus done = runway.poll(id);
        assertThat(done.state()).isEqualTo(ProviderStatus.State.SUCCEEDED);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/tasks/" + id);
        try (InputStream in = done.outputs().get(0).source().open()) {
            assertThat(in.readAllBytes()).hasSize(8);
        }
    }

    @Test
    void failuresMapByTheirCodeAndCancelDeletesTheTask() throws Exception {
        server.enqueue(json(200, "{\"id\":\"t1\",\"status\":\"FAILED\",\"failure\":\"The input image was flagged\",\"failureCode\":\"SAFETY.INPUT.IMAGE\"}"));
        server.enqueue(json(200, "{\"id\":\"t2\",\"status\":\"FAILED\",\"failure\":\"An unexpected error occurred\",\"failureCode\":\"INTERNAL.BAD_OUTPUT\"}"));
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(json(200, "{\"id\":\"t3\",\"status\":\"CANCELLED\"}"));
        RunwayRenderer runway = runway(KEY);
        ProviderStatus safety = runway.poll("t1");
        assertThat(safety.state()).isEqualTo(ProviderStatus.State.FAILED);
        assertThat(safety.retryable()).isFalse();
        assertThat(safety.errorCode()).isEqualTo("safety-input-image");
        assertThat(runway.poll("t2").retryable()).isTrue();
        runway.cancel("t3");
        server.takeRequest();
        server.takeRequest();
        RecordedRequest cancel = server.takeRequest();
        assertThat(cancel.getMethod()).isEqualTo("DELETE");
        assertThat(cancel.getUrl().encodedPath()).isEqualTo("/v1/tasks/t3");
        assertThat(runway.poll("t3").state()).isEqualTo(ProviderStatus.State.CANCELLED);
    }

    @Test
    void aRateLimitIsRetryableAfterWhatRunwaySays() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3")
                .addHeader("Content-Type", "application/json").body("{\"error\":\"You have exceeded the rate limit.\"}").build());
        assertThatThrownBy(() -> runway(KEY).poll("t1")).isInstanceOfSatisfying(RenderProviderException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
            assertThat(e.getMessage()).contains("exceeded the rate limit");
        });
        server.enqueue(json(400, "{\"error\":\"Invalid ratio\"}"));
        assertThatThrownBy(() -> runway(KEY).submit(request(List.of(image()), Map.of("ratio", "1:1", "duration", 5))))
                .isInstanceOfSatisfying(RenderProviderException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void paramsAndInputsAreCheckedBeforeRunwayIsAsked() {
        RunwayRenderer runway = runway(KEY);
        assertThatThrownBy(() -> runway.checkParams(RenderType.VIDEO, Map.of("duration", 7)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("5 or 10");
        assertThatThrownBy(() -> runway.checkParams(RenderType.VIDEO, Map.of("ratio", "16:9")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> runway.submit(request(List.of(), Map.of())))
                .isInstanceOfSatisfying(RenderProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("image-required");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(server.getRequestCount()).isZero();
        assertThat(runway(null).available()).isFalse();
    }
}
