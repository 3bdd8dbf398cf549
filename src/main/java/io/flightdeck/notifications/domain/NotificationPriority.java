package io.flightdeck.notifications.domain;

/** URGENT passes quiet hours and digests; the others wait for them. */
enum NotificationPriority {
    LOW, NORMAL, HIGH, URGENT
}
