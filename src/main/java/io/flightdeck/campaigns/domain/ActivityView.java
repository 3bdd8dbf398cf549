package io.flightdeck.campaigns.domain;

import java.time.Instant;
import java.util.UUID;

/** @param sentence the whole readable line, e.g. "Dana Demo launched the campaign" */
public record ActivityView(UUID id, UUID actorId, String actorName, String verb, String sentence, Instant occurredAt) {
}
