package io.flightdeck.notifications.domain;

/** URGENT passes quiet hours and digests; the others wait for them. */
public enum NotificationPriority {
    LOW, NORMAL, HIGH, URGENT
}
