package io.flightdeck.notifications.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The one ledger whatever the kind: a row found here is a {@link NotificationDelivery} or a {@link WebhookMessage}. */
interface OutgoingNotificationRepository extends JpaRepository<OutgoingNotification, UUID> {
}
