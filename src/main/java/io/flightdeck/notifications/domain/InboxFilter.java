package io.flightdeck.notifications.domain;

/** Which part of the feed: the live items or the archive, all or unread only, every category or one. */
public record InboxFilter(boolean archived, boolean unreadOnly, NotificationCategory category) {
}
