package io.flightdeck.content.providers;

/** The two wire protocols Flightdeck speaks to language models. */
public enum ProviderKind {
    /** Anthropic's Messages API ({@code POST /v1/messages}). */
    ANTHROPIC,
    /** The OpenAI chat completions shape, which OpenAI, Azure OpenAI, Ollama and vLLM all serve. */
    OPENAI_COMPATIBLE
}
