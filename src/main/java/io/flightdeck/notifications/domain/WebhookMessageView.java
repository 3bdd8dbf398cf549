package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One message to one endpoint as its delivery log shows it: the webhook-id, each attempt's outcome, the body sent. */
public record WebhookMessageView(UUID id, UUID endpointId, String messageId, String eventType, DeliveryStatus status,
        int attempts, boolean possibleDuplicate, @Nullable Integer lastStatus, @Nullable String lastError,
        Instant createdAt, @Nullable Instant nextAttemptAt, @Nullable Instant sentAt, @Nullable Instant deadAt,
        String payload) {
}
