package io.flightdeck.content.providers;

/**
 * What a model answered.
 *
 * @param model      the model that answered, as the provider names it
 * @param stopReason e.g. {@code end_turn}, {@code max_tokens}, {@code stop}, {@code length}
 * @param attempts   1 when the first request succeeded; more after retries
 */
record ModelAnswer(String text, String model, int inputTokens, int outputTokens, long latencyMillis,
        String stopReason, int attempts) {
}
