package io.flightdeck.content.generation;

/**
 * What a generator wrote, and who wrote it.
 *
 * @param provider      e.g. {@code built-in}, {@code anthropic}, {@code openai}
 * @param model         the model that answered; {@code phrasebook-1} for the built-in generator
 * @param promptVersion the prompt template's version, e.g. {@code caption.v1}; the built-in generator names its
 *                      template set the same way
 * @param inputTokens   0 for the built-in generator
 * @param outputTokens  0 for the built-in generator
 */
public record GeneratedText(String text, String provider, String model, String promptVersion, int inputTokens,
        int outputTokens) {
}
