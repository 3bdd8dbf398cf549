package io.flightdeck.content.providers;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.flightdeck.content.GenerationFailedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A thin client for the two protocols, on the JDK's HTTP client. Spring AI 2.0 builds a model per configured key and
 * retries on its own terms; here every workspace brings its own endpoint, key and model per call, and the retries must
 * follow {@code Retry-After} and map each failure to a message a marketer can act on, so the request and the answer
 * are written out plainly instead. Keys never appear in messages.
 */
public class ModelClient {

    static final String ANTHROPIC_VERSION = "2023-06-01";

    private final ProviderHttp http;
    private final JsonMapper json;

    public ModelClient(ProviderHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    public static ModelClient standard(Clock clock) {
        return new ModelClient(ProviderHttp.standard(clock), JsonMapper.builder().build());
    }

    public ModelAnswer complete(ModelCall call) {
        HttpRequest request = call.kind() == ProviderKind.ANTHROPIC ? anthropic(call) : openAi(call);
        ProviderHttp.Sent sent = http.send(request, call.name());
        HttpResponse<String> response = sent.response();
        if (response.statusCode() / 100 != 2) {
            throw failure(call, response);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            throw new GenerationFailedException("malformed-answer", call.name() + " answered with something that is "
                    + "not JSON", e);
        }
        ModelAnswer answer = call.kind() == ProviderKind.ANTHROPIC ? readAnthropic(call, body, sent)
                : readOpenAi(call, body, sent);
        if (answer.text() == null || answer.text().isBlank()) {
            throw new GenerationFailedException("empty-answer", call.name() + " answered without any text"
                    + (answer.stopReason() == null ? "" : " (" + answer.stopReason() + ")"));
        }
        return answer;
    }

    private HttpRequest anthropic(ModelCall call) {
        ObjectNode body = json.createObjectNode();
        body.put("model", call.model());
        body.put("max_tokens", call.maxOutputTokens());
        if (call.system() != null) {
            body.put("system", call.system());
        }
        body.putArray("messages").addObject().put("role", "user").put("content", call.user());
        body.put("temperature", call.temperature());
        return HttpRequest.newBuilder(join(call.baseUrl(), "/v1/messages")).timeout(call.timeout())
                .header("x-api-key", call.apiKey() == null ? "" : call.apiKey())
                .header("anthropic-version", ANTHROPIC_VERSION).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    }

    private HttpRequest openAi(ModelCall call) {
        ObjectNode body = json.createObjectNode();
        body.put("model", call.model());
        var messages = body.putArray("messages");
        if (call.system() != null) {
            messages.addObject().put("role", "system").put("content", call.system());
        }
        messages.addObject().put("role", "user").put("content", call.user());
        body.put("max_tokens", call.maxOutputTokens());
        body.put("temperature", call.temperature());
        HttpRequest.Builder request;
        if (call.azureApiVersion() != null) {
            request = HttpRequest.newBuilder(join(call.baseUrl(), "/openai/deployments/"
                    + URLEncoder.encode(call.model(), StandardCharsets.UTF_8) + "/chat/completions?api-version="
                    + URLEncoder.encode(call.azureApiVersion(), StandardCharsets.UTF_8)))
                    .header("api-key", call.apiKey() == null ? "" : call.apiKey());
        } else {
            String base = call.baseUrl().toString().replaceAll("/+$", "");
            request = HttpRequest.newBuilder(URI.create((base.endsWith("/v1") ? base : base + "/v1") + "/chat/completions"));
            if (call.apiKey() != null && !call.apiKey().isBlank()) {
                request.header("Authorization", "Bearer " + call.apiKey());
            }
        }
        return request.timeout(call.timeout()).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    }

    private static ModelAnswer readAnthropic(ModelCall call, JsonNode body, ProviderHttp.Sent sent) {
        JsonNode content = body.path("content");
        if (!content.isArray()) {
            throw malformed(call, "no content");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asString(""))) {
                text.append(block.path("text").asString(""));
            }
        }
        JsonNode usage = body.path("usage");
        return new ModelAnswer(text.toString(), body.path("model").asString(call.model()),
                usage.path("input_tokens").asInt(0), usage.path("output_tokens").asInt(0), sent.latencyMillis(),
                body.path("stop_reason").asString(null), sent.attempts());
    }

    private static ModelAnswer readOpenAi(ModelCall call, JsonNode body, ProviderHttp.Sent sent) {
        JsonNode choice = body.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw malformed(call, "no choices");
        }
        JsonNode usage = body.path("usage");
        return new ModelAnswer(choice.path("message").path("content").asString(""), body.path("model").asString(call.model()),
                usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0), sent.latencyMillis(),
                choice.path("finish_reason").asString(null), sent.attempts());
    }

    private GenerationFailedException failure(ModelCall call, HttpResponse<String> response) {
        int status = response.statusCode();
        String said = providerMessage(response.body());
        String detail = said == null ? "" : ": " + said;
        if (status == 401 || status == 403) {
            return new GenerationFailedException("auth-failed", call.name() + " refused the API key (" + status + ")"
                    + detail + ". An admin can check the key in the provider settings");
        }
        if (status == 429) {
            return new GenerationFailedException("rate-limited", call.name() + " is limiting requests" + detail
                    + "; try again in a minute");
        }
        if (status >= 500) {
            return new GenerationFailedException("provider-unavailable", call.name() + " is not answering (" + status
                    + ")" + detail);
        }
        return new GenerationFailedException("bad-request", call.name() + " refused the request (" + status + ")" + detail);
    }

    /** Anthropic's {@code {"error":{"message"}}} and OpenAI's {@code {"error":{"message"}}} alike; null otherwise. */
    private String providerMessage(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            String message = error.isObject() ? error.path("message").asString(null) : error.asString(null);
            return message == null || message.isBlank() ? null : message.length() > 300 ? message.substring(0, 300) : message;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static GenerationFailedException malformed(ModelCall call, String what) {
        return new GenerationFailedException("malformed-answer", call.name() + " answered in a shape we cannot read ("
                + what + ")");
    }

    private static URI join(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }
}
