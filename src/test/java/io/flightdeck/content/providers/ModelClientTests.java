package io.flightdeck.content.providers;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.flightdeck.content.generation.GenerationFailedException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider adapters against a local HTTP fake that answers in the providers' documented shapes: the request each
 * real API documents (path, headers, body), retries on 429 with Retry-After and on 5xx, timeouts, malformed answers
 * and refused keys, each a clear failure.
 */
class ModelClientTests {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Duration> waits = new ArrayList<>();
    private final ModelClient client = new ModelClient(waits::add, Clock.systemUTC());

    private ModelCall anthropic(String key) {
        return new ModelCall(ProviderKind.ANTHROPIC, "Anthropic", URI.create(server.url("/").toString()), key,
                "claude-sonnet-4-5", "You write marketing copy.", "Write a caption.", 400, 0.7, Duration.ofSeconds(2), null);
    }

    private ModelCall openAi(String base, String key, String azureVersion) {
        return new ModelCall(ProviderKind.OPENAI_COMPATIBLE, "OpenAI", URI.create(server.url(base).toString()), key,
                "gpt-4o-mini", "You write marketing copy.", "Write a caption.", 300, 0.5, Duration.ofSeconds(2), azureVersion);
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body(body).build();
    }

    private static final String ANTHROPIC_OK = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"text","text":"Slow mornings, better coffee."}],"stop_reason":"end_turn",
             "usage":{"input_tokens":42,"output_tokens":9}}""";
    private static final String OPENAI_OK = """
            {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Slow mornings, better coffee."},
             "finish_reason":"stop"}],"usage":{"prompt_tokens":31,"completion_tokens":8,"total_tokens":39}}""";

    @Test
    void anthropicGetsTheMessagesRequestItDocumentsAndItsAnswerIsRead() throws Exception {
        server.enqueue(ok(ANTHROPIC_OK));

        ModelAnswer answer = client.complete(anthropic("sk-ant-test"));

        assertThat(answer.text()).isEqualTo("Slow mornings, better coffee.");
        assertThat(answer.inputTokens()).isEqualTo(42);
        assertThat(answer.outputTokens()).isEqualTo(9);
        assertThat(answer.stopReason()).isEqualTo("end_turn");
        assertThat(answer.attempts()).isEqualTo(1);
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeaders().get("content-type")).startsWith("application/json");
        JsonNode body = json.readTree(request.getBody().utf8());
        assertThat(body.path("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(400);
        assertThat(body.path("system").asString()).isEqualTo("You write marketing copy.");
        assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("user");
        assertThat(body.path("messages").path(0).path("content").asString()).isEqualTo("Write a caption.");
    }

    @Test
    void openAiCompatibleGetsChatCompletionsWithABearerKeyAndOllamaWithoutOne() throws Exception {
        server.enqueue(ok(OPENAI_OK));
        server.enqueue(ok(OPENAI_OK));

        ModelAnswer answer = client.complete(openAi("/v1", "sk-openai", null));
        client.complete(openAi("/", "", null));

        assertThat(answer.text()).isEqualTo("Slow mornings, better coffee.");
        assertThat(answer.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(answer.inputTokens()).isEqualTo(31);
        assertThat(answer.outputTokens()).isEqualTo(8);
        RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(first.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer sk-openai");
        JsonNode body = json.readTree(first.getBody().utf8());
        assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("messages").path(1).path("content").asString()).isEqualTo("Write a caption.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(300);
        RecordedRequest ollama = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(ollama.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(ollama.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void azureNamesTheDeploymentAndTheApiVersionAndSendsApiKey() throws Exception {
        server.enqueue(ok(OPENAI_OK));
        client.complete(openAi("/", "azure-key", "2024-10-21"));
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getTarget()).isEqualTo("/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo("azure-key");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void a429WithRetryAfterIsWaitedForAndTriedAgain() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "2").body("""
                {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}""").build());
        server.enqueue(ok(ANTHROPIC_OK));

        ModelAnswer answer = client.complete(anthropic("k"));

        assertThat(answer.attempts()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a5xxIsRetriedWithBackOffAndFourFailuresAreAClearError() {
        server.enqueue(new MockResponse.Builder().code(529).body("""
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""").build());
        server.enqueue(ok(ANTHROPIC_OK));
        assertThat(client.complete(anthropic("k")).attempts()).isEqualTo(2);
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(625));

        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"The server is overloaded\"}}").build());
        }
        assertThatThrownBy(() -> client.complete(openAi("/v1", "k", null))).isInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("OpenAI is not answering (503): The server is overloaded")
                .extracting(e -> ((GenerationFailedException) e).reason()).isEqualTo("provider-unavailable");
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void aServerAskingForALongWaitIsNotWaitedFor() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "120").build());
        assertThatThrownBy(() -> client.complete(anthropic("k"))).isInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("asks to wait 120 s").extracting(e -> ((GenerationFailedException) e).reason())
                .isEqualTo("rate-limited");
        assertThat(waits).isEmpty();
    }

    @Test
    void aSlowAnswerIsATimeout() {
        server.enqueue(new MockResponse.Builder().code(200).body(ANTHROPIC_OK).headersDelay(3, TimeUnit.SECONDS).build());
        assertThatThrownBy(() -> client.complete(anthropic("k"))).isInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("did not answer within 2 s")
                .extracting(e -> ((GenerationFailedException) e).reason()).isEqualTo("timeout");
    }

    @Test
    void aMalformedOrEmptyAnswerIsAClearError() {
        server.enqueue(ok("<html>gateway</html>"));
        server.enqueue(ok("{\"id\":\"msg\",\"type\":\"message\"}"));
        server.enqueue(ok("{\"choices\":[{\"message\":{\"content\":\"\"},\"finish_reason\":\"length\"}]}"));
        assertThatThrownBy(() -> client.complete(anthropic("k"))).hasMessageContaining("not JSON")
                .extracting(e -> ((GenerationFailedException) e).reason()).isEqualTo("malformed-answer");
        assertThatThrownBy(() -> client.complete(anthropic("k"))).hasMessageContaining("shape we cannot read")
                .extracting(e -> ((GenerationFailedException) e).reason()).isEqualTo("malformed-answer");
        assertThatThrownBy(() -> client.complete(openAi("/v1", "k", null))).hasMessageContaining("without any text (length)")
                .extracting(e -> ((GenerationFailedException) e).reason()).isEqualTo("empty-answer");
    }

    @Test
    void aRefusedKeyNamesTheProviderButNeverTheKey() {
        server.enqueue(new MockResponse.Builder().code(401).body("""
                {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""").build());
        assertThatThrownBy(() -> client.complete(anthropic("sk-ant-secret-123")))
                .hasMessageContaining("Anthropic refused the API key (401): invalid x-api-key")
                .hasMessageNotContaining("sk-ant-secret-123")
                .extracting(e -> ((GenerationFailedException) e).reason()).isEqualTo("auth-failed");
    }
}
