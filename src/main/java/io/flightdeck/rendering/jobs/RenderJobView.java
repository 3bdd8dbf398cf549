package io.flightdeck.rendering.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.rendering.RenderType;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A render job as the API and pages show it (seed 000's fields).
 *
 * @param submitted      false while a job created without submitting waits for its submit
 * @param nextAttemptAt  when a job waiting to retry is sent again
 */
public record RenderJobView(UUID id, UUID creativeId, UUID campaignId, RenderType type, String provider, String model,
        RenderStatus status, boolean submitted, Map<String, Object> params, @Nullable String providerJobId,
        RenderJobProgress progress, RenderJobOutputs outputs, @Nullable RenderJobError error,
        List<RenderJobLogLine> logs, RenderJobMetadata metadata, int attempt, int retryCount, int maxRetries,
        @Nullable Instant nextAttemptAt, UUID requestedBy, Instant createdAt, @Nullable Instant startedAt,
        @Nullable Instant completedAt, Instant updatedAt, long version) {

    /** @param percent 0–100, null while the provider has not said how far it is */
    public record RenderJobProgress(@Nullable Integer currentStep, @Nullable Integer totalSteps,
            @Nullable Integer estimatedSeconds, @Nullable Integer percent) {
    }

    /** Asset ids: the main output, every output (sizes) with its label, and a video's poster frame. */
    public record RenderJobOutputs(@Nullable UUID primary, List<RenderJobVariant> variants, @Nullable UUID posterFrame) {
    }

    public record RenderJobError(String code, String message, @Nullable String details) {
    }

    /**
     * @param hash          SHA-256 of the primary output
     * @param fontFallbacks fonts the job asked for that the server does not have, and what was used instead (the
     *                      built-in renderers); empty when every font was found
     */
    public record RenderJobMetadata(@Nullable String hash, String model, int regenerationCount,
            List<RenderJobFontFallback> fontFallbacks) {
    }

    /**
     * A font that was not on the server.
     *
     * @param role      heading, body, or the layer's name for a layer's own font
     * @param source    whose choice it was: brand, template or layer
     */
    public record RenderJobFontFallback(@Schema(example = "heading") String role,
            @Schema(example = "brand") String source, @Schema(example = "Futura") String requested,
            @Schema(example = "Inter") String used) {
    }

    private static List<RenderJobFontFallback> fontFallbacks(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(m -> new RenderJobFontFallback(text(m.get("role")), text(m.get("source")), text(m.get("requested")),
                        text(m.get("used"))))
                .toList();
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static RenderJobView of(RenderJob j) {
        Integer percent = j.getStatus() == RenderStatus.PUBLISHED ? Integer.valueOf(100)
                : j.getCurrentStep() != null && j.getTotalSteps() != null && j.getTotalSteps() > 0
                        ? Integer.valueOf(Math.min(100, 100 * j.getCurrentStep() / j.getTotalSteps())) : null;
        return new RenderJobView(j.getId(), j.getCreativeId(), j.getCampaignId(), j.getType(), j.getProvider(),
                j.getModel(), j.getStatus(), j.isSubmitRequested(), java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(j.getParams())), j.getProviderJobId(),
                new RenderJobProgress(j.getCurrentStep(), j.getTotalSteps(), j.getEtaSeconds(), percent),
                new RenderJobOutputs(j.getPrimaryAssetId(), List.copyOf(j.getVariants()), j.getPosterAssetId()),
                j.getErrorCode() == null ? null : new RenderJobError(j.getErrorCode(), j.getErrorMessage(), j.getErrorDetails()),
                List.copyOf(j.getLogs()), new RenderJobMetadata(j.getOutputHash(), j.getModel(), j.getRegenerationCount(),
                        fontFallbacks(j.getProviderMetadata().get("fontFallbacks"))),
                j.getRetries().attempt(), j.getRetries().made(), j.getRetries().allowed(), j.getRetries().nextAt(),
                j.getRequestedBy(), j.getCreatedAt(), j.getStartedAt(), j.getCompletedAt(), j.getUpdatedAt(),
                j.getVersion());
    }
}
