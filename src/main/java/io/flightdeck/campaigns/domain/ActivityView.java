package io.flightdeck.campaigns.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** @param sentence the whole readable line, e.g. "Dana Demo launched the campaign" */
public record ActivityView(UUID id, @Nullable UUID actorId, String actorName, String verb, String sentence,
        Instant occurredAt) {
}
