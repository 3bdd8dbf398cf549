package io.flightdeck.notifications.domain;

/** The groups a member switches notifications on and off by. */
public enum NotificationCategory {
    APPROVALS, COMMENTS, TASKS, PLANNING, RENDERING, PUBLISHING, CHANNELS, IMPORTS, CAMPAIGNS, STRATEGY
}
