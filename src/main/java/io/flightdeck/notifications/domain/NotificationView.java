package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One inbox item as the API and the pages show it, with why it was sent: the reason it concerns the member, the
 * setting that let it into the app ({@code inAppSource}), and each outside delivery with its own.
 */
public record NotificationView(UUID id, NotificationTrigger trigger, NotificationCategory category,
        NotificationPriority priority, String title, @Nullable String body, String link, String reason,
        String subjectType, UUID subjectId, @Nullable UUID campaignId, @Nullable UUID actorId, Instant createdAt,
        @Nullable Instant seenAt, @Nullable Instant readAt, @Nullable Instant archivedAt, boolean inApp,
        PreferenceSource inAppSource, List<DeliveryView> deliveries) {

    NotificationView withDeliveries(List<DeliveryView> of) {
        return new NotificationView(id, trigger, category, priority, title, body, link, reason, subjectType, subjectId,
                campaignId, actorId, createdAt, seenAt, readAt, archivedAt, inApp, inAppSource, List.copyOf(of));
    }
}
