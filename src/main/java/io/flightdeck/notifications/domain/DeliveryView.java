package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One delivery as the API and the pages show it. */
public record DeliveryView(UUID id, UUID notificationId, UUID recipientId, NotificationChannel channel,
        DeliveryStatus status, PreferenceSource source, int attempts, boolean possibleDuplicate,
        @Nullable String transport, @Nullable String lastError, Instant createdAt, @Nullable Instant nextAttemptAt,
        @Nullable Instant sentAt, @Nullable Instant deadAt) {
}
