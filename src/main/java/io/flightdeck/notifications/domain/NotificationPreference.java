package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A member's own choice for one category and channel, over the workspace's default ({@link WorkspaceDefault}).
 * Audited: who switched what off is worth knowing when somebody says they were never told.
 */
@Entity
@Table(name = "notification_preferences")
class NotificationPreference extends ChannelChoice {

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    protected NotificationPreference() {
    }

    NotificationPreference(UUID memberId, NotificationCategory category, NotificationChannel channel, DeliveryMode mode,
            Instant now) {
        super(category, channel, mode, now);
        this.memberId = memberId;
    }

    UUID memberId() {
        return memberId;
    }
}
