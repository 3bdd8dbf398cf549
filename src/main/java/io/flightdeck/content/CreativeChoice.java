package io.flightdeck.content;

import java.time.Instant;
import java.util.UUID;

/** A creative in a picker: enough to show it and to ask for its copy ({@link CreativeMedia#renderBrief}). */
public record CreativeChoice(UUID id, UUID campaignId, String title, Instant updatedAt) {
}
