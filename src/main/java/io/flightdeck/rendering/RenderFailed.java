package io.flightdeck.rendering;

import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A render job failed for good: the retries ran out, or the failure was one a retry cannot fix. */
@DomainEvent
public record RenderFailed(UUID workspaceId, UUID jobId, UUID creativeId, UUID campaignId, RenderType type,
        String errorCode, String errorMessage, int attempts) {
}
