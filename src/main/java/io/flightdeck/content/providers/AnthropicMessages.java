package io.flightdeck.content.providers;

import java.net.URI;
import java.util.List;

import io.flightdeck.shared.outbound.OutboundClient;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}): the key in {@code x-api-key}, the API version in
 * {@code anthropic-version}, one user message after the system prompt; the answer's text blocks joined.
 */
final class AnthropicMessages {

    static final String VERSION = "2023-06-01";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Request(String model, int maxTokens, String system, List<Message> messages, double temperature) {
    }

    record Message(String role, String content) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Response(List<Block> content, String model, String stopReason, Usage usage) {
    }

    /** A content block; only {@code text} blocks carry the answer. */
    record Block(String type, String text) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(int inputTokens, int outputTokens) {
    }

    private AnthropicMessages() {
    }

    /** The answer without its timing, which the caller measures across retries. */
    static ModelAnswer send(OutboundClient http, ModelCall call) {
        Request request = new Request(call.model(), call.maxOutputTokens(), call.system(),
                List.of(new Message("user", call.user())), call.temperature());
        URI uri = URI.create(call.baseUrl().toString().replaceAll("/+$", "") + "/v1/messages");
        Response answer = http.call(rest -> rest.post().uri(uri).headers(h -> {
            h.set("x-api-key", call.apiKey() == null ? "" : call.apiKey());
            h.set("anthropic-version", VERSION);
        }).body(request).retrieve().body(Response.class));
        if (answer == null || answer.content() == null) {
            throw ModelClient.malformed(call, "no content");
        }
        StringBuilder text = new StringBuilder();
        for (Block block : answer.content()) {
            if ("text".equals(block.type()) && block.text() != null) {
                text.append(block.text());
            }
        }
        Usage usage = answer.usage() == null ? new Usage(0, 0) : answer.usage();
        return new ModelAnswer(text.toString(), answer.model() != null ? answer.model() : call.model(),
                usage.inputTokens(), usage.outputTokens(), 0, answer.stopReason(), 0);
    }
}
