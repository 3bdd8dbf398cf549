package io.flightdeck.rendering.jobs;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import io.flightdeck.rendering.RenderType;

/**
 * What a provider is asked to render.
 *
 * @param idempotencyKey the same for every call about one attempt of one job ({@code {jobId}:{attempt}}): sent where
 *                       the provider honours one, and how a submission is found again after a crash
 * @param params         seed 000's params: prompt, negativePrompt, seed, width, height, steps, duration, fps,
 *                       template, layers, format, …
 * @param webhookUrl     where the provider may call back; null when this installation has no public address
 * @param progress       told of progress by in-process providers; answers false once the job was cancelled
 */
public record RenderRequest(UUID jobId, String idempotencyKey, RenderType type, String model, Map<String, Object> params,
        RenderMaterial material, URI webhookUrl, ProgressListener progress) {

    @FunctionalInterface
    public interface ProgressListener {
        /** @return false when the work should stop (the job was cancelled) */
        boolean progress(int current, int total);
    }

    public String param(String name) {
        Object v = params.get(name);
        return v == null ? null : String.valueOf(v);
    }

    public Integer intParam(String name) {
        Object v = params.get(name);
        if (v instanceof Number n) {
            return n.intValue();
        }
        return v == null ? null : Integer.valueOf(String.valueOf(v));
    }
}
