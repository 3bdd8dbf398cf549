package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/** One inbox item as the API and the pages show it. */
public record NotificationView(UUID id, NotificationTrigger trigger, NotificationCategory category,
        NotificationPriority priority, String title, String body, String link, String reason, String subjectType,
        UUID subjectId, UUID campaignId, UUID actorId, Instant createdAt, Instant seenAt, Instant readAt,
        Instant archivedAt) {
}
