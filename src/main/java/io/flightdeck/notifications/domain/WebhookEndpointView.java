package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An outgoing webhook endpoint as the API and the pages show it; never its secret (shown once when made or rotated).
 * {@code eventTypes} is {@code ["*"]} for every type.
 */
public record WebhookEndpointView(UUID id, String url, @Nullable String description, List<String> eventTypes,
        WebhookFormat format, boolean enabled, @Nullable Instant disabledAt, @Nullable String disabledReason,
        @Nullable Instant failingSince, @Nullable Instant previousSecretUntil, UUID ownerId, Instant createdAt,
        Instant updatedAt) {
}
