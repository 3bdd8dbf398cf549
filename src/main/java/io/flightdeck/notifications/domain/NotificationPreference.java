package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One choice for one category and channel: a member's own (memberId set) or the workspace's default for everyone
 * (the {@code notification_defaults} table, {@link WorkspaceDefault}). Audited: who switched what off is worth knowing
 * when somebody says they were never told.
 */
@Entity
@Table(name = "notification_preferences")
class NotificationPreference extends TenantOwnedEntity {

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationCategory category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryMode mode;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected NotificationPreference() {
    }

    NotificationPreference(UUID memberId, NotificationCategory category, NotificationChannel channel, DeliveryMode mode,
            Instant now) {
        this.memberId = memberId;
        this.category = category;
        this.channel = channel;
        this.mode = mode;
        this.updatedAt = now;
    }

    void change(DeliveryMode to, Instant now) {
        if (mode != to) {
            mode = to;
            updatedAt = now;
        }
    }

    UUID memberId() {
        return memberId;
    }

    NotificationCategory category() {
        return category;
    }

    NotificationChannel channel() {
        return channel;
    }

    DeliveryMode mode() {
        return mode;
    }
}
