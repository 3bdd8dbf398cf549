package io.flightdeck.notifications.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The workspace's default for one category and channel, for every member who has not chosen for themselves. */
@Entity
@Table(name = "notification_defaults")
class WorkspaceDefault extends ChannelChoice {

    protected WorkspaceDefault() {
    }

    WorkspaceDefault(NotificationCategory category, NotificationChannel channel, DeliveryMode mode, Instant now) {
        super(category, channel, mode, now);
    }
}
