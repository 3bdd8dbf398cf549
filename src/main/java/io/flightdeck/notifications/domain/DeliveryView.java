package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/** One delivery as the API and the pages show it. */
public record DeliveryView(UUID id, UUID notificationId, UUID recipientId, NotificationChannel channel,
        DeliveryStatus status, PreferenceSource source, int attempts, boolean possibleDuplicate, String transport,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant deadAt) {
}
