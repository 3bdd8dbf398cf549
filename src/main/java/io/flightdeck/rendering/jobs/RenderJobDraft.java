package io.flightdeck.rendering.jobs;

import java.util.Map;
import java.util.UUID;

import io.flightdeck.rendering.RenderType;

/**
 * A new job. {@code creativeId} or {@code campaignId} says where the outputs go (a creative's campaign, or the
 * campaign's assets); {@code provider} and {@code model} null take the defaults; {@code submit} false creates the job
 * without sending it ({@code POST …/submit} sends it later).
 */
public record RenderJobDraft(UUID creativeId, UUID campaignId, RenderType type, String provider, String model,
        Map<String, Object> params, Integer maxRetries, boolean submit) {
}
