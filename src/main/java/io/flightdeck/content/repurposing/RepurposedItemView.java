package io.flightdeck.content.repurposing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.generation.RepurposeFormat;
import org.jspecify.annotations.Nullable;

/** A repurposed piece as the API answers it, with the statuses it may move to. */
public record RepurposedItemView(UUID id, UUID sourceId, RepurposeFormat format, Channel channel, int variation,
        String text, List<String> posts, int chars, RepurposedStatus status, Set<RepurposedStatus> allowedStatuses,
        @Nullable UUID creativeId, Instant updatedAt, long version) {

    /** The network's limit for one post; 0 for none. */
    public int maxChars() {
        return io.flightdeck.content.PlatformLimits.of(channel).maxChars();
    }
}
