package io.flightdeck.notifications.domain;

import java.time.Instant;

import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

/** A choice for one category on one channel: a member's own ({@link NotificationPreference}) or the workspace's. */
@MappedSuperclass
abstract class ChannelChoice extends VersionedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationCategory category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryMode mode;

    protected ChannelChoice() {
    }

    ChannelChoice(NotificationCategory category, NotificationChannel channel, DeliveryMode mode, Instant now) {
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
