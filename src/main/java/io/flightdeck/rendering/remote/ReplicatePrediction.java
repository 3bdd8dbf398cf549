package io.flightdeck.rendering.remote;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A prediction as Replicate's API and webhooks give it.
 *
 * @param status  {@code starting}, {@code processing}, {@code succeeded}, {@code failed} or {@code canceled}
 * @param logs    the model's output so far, progress bars included
 * @param output  the files' addresses; a model with one output gives a single string, read as a list of one
 * @param webhook the webhook address it was created with, which carries the attempt's key
 */
record ReplicatePrediction(String id, String status, String logs,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> output, String error,
        String webhook) {

    ReplicatePrediction {
        output = output == null ? List.of() : output;
    }

    /**
     * {@code POST /v1/predictions} (with a pinned {@code version}) or {@code POST /v1/models/{owner}/{name}/predictions}.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Request(String version, Input input, String webhook, List<String> webhookEventsFilter) {
    }

    /**
     * The model's input. The names are those the image models Flightdeck offers share (Flux, Stable Diffusion); a
     * parameter the job does not set is left out, so the model's default applies. Numbers go as numbers, anything
     * else as text.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Input(String prompt, Object negativePrompt, Object seed, Object width, Object height,
            Object numInferenceSteps, Object aspectRatio, int numOutputs, String outputFormat) {
    }

    /** {@code GET /v1/predictions}: newest first; {@code next} is the next page's address. */
    record Page(List<ReplicatePrediction> results, String next) {

        Page {
            results = results == null ? List.of() : results;
        }
    }
}
