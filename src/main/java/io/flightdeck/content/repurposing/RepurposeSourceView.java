package io.flightdeck.content.repurposing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A repurposed text as the API answers it (without the text itself, which may be long). */
public record RepurposeSourceView(UUID id, @Nullable UUID campaignId, String title, @Nullable UUID sourceAssetId,
        int wordCount, UUID createdBy, Instant createdAt) {
}
