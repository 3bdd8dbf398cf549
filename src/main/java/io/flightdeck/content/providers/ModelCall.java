package io.flightdeck.content.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One request to a language model.
 *
 * @param name            the provider as people know it ("Anthropic", "Ollama on the studio Mac"), for messages
 * @param baseUrl         e.g. {@code https://api.anthropic.com}, {@code https://api.openai.com/v1},
 *                        {@code http://localhost:11434/v1}, or an Azure resource's endpoint
 * @param apiKey          the key, decrypted; blank for servers without one (Ollama)
 * @param azureApiVersion set for Azure OpenAI: the model is then the deployment's name and the key goes in {@code api-key}
 * @param timeout         for the whole request, each attempt
 */
record ModelCall(ProviderKind kind, String name, URI baseUrl, String apiKey, String model, String system,
        String user, int maxOutputTokens, double temperature, Duration timeout, String azureApiVersion) {

    public ModelCall {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }
}
