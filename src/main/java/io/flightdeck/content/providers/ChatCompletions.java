package io.flightdeck.content.providers;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.shared.outbound.OutboundClient;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The OpenAI-compatible chat completions API ({@code POST /v1/chat/completions}), as OpenAI, Ollama, vLLM and most
 * gateways speak it: a Bearer key when there is one. Azure OpenAI names the deployment and the API version in the
 * path and takes the key in {@code api-key}.
 */
final class ChatCompletions {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Request(String model, List<Message> messages, int maxTokens, double temperature) {
    }

    record Message(String role, String content) {
    }

    record Response(List<Choice> choices, String model, Usage usage) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Choice(Message message, String finishReason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(int promptTokens, int completionTokens) {
    }

    private ChatCompletions() {
    }

    /** The answer without its timing, which the caller measures across retries. */
    static ModelAnswer send(OutboundClient http, ModelCall call) {
        List<Message> messages = new ArrayList<>();
        if (call.system() != null) {
            messages.add(new Message("system", call.system()));
        }
        messages.add(new Message("user", call.user()));
        Request request = new Request(call.model(), messages, call.maxOutputTokens(), call.temperature());
        String base = call.baseUrl().toString().replaceAll("/+$", "");
        boolean azure = call.azureApiVersion() != null;
        URI uri = URI.create(azure
                ? base + "/openai/deployments/" + URLEncoder.encode(call.model(), StandardCharsets.UTF_8)
                        + "/chat/completions?api-version=" + URLEncoder.encode(call.azureApiVersion(), StandardCharsets.UTF_8)
                : (base.endsWith("/v1") ? base : base + "/v1") + "/chat/completions");
        Response answer = http.call(rest -> rest.post().uri(uri).headers(h -> {
            if (azure) {
                h.set("api-key", call.apiKey() == null ? "" : call.apiKey());
            } else if (call.apiKey() != null && !call.apiKey().isBlank()) {
                h.setBearerAuth(call.apiKey());
            }
        }).body(request).retrieve().body(Response.class));
        if (answer == null || answer.choices() == null || answer.choices().isEmpty()) {
            throw ModelClient.malformed(call, "no choices");
        }
        Choice choice = answer.choices().get(0);
        String text = choice.message() == null || choice.message().content() == null ? "" : choice.message().content();
        Usage usage = answer.usage() == null ? new Usage(0, 0) : answer.usage();
        return new ModelAnswer(text, answer.model() != null ? answer.model() : call.model(), usage.promptTokens(),
                usage.completionTokens(), 0, choice.finishReason(), 0);
    }
}
