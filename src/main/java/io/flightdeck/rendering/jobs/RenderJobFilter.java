package io.flightdeck.rendering.jobs;

import java.util.Set;
import java.util.UUID;

import io.flightdeck.rendering.RenderType;

/** The list's filters; null or empty means any. */
public record RenderJobFilter(Set<RenderStatus> statuses, RenderType type, String provider, UUID creativeId,
        UUID campaignId) {

    public static RenderJobFilter any() {
        return new RenderJobFilter(Set.of(), null, null, null, null);
    }
}
