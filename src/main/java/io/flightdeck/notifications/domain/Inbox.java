package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in member's own notifications in the current workspace: the feed, the bell's count and the moments
 * they see, read and archive them. Another member's item is not found, as another workspace's is.
 */
@Service
public class Inbox {

    /** The live channel: its payload is the workspace; each open bell re-reads its own member's count. */
    public static final String CHANNEL = "notifications_inbox";

    private final NotificationRepository notifications;
    private final Clock clock;

    Inbox(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The feed, newest first: live items, or the archive; optionally only unread ones, or one category. */
    @Transactional(readOnly = true)
    public Page<NotificationView> list(InboxFilter filter, Pageable pageable) {
        return notifications.findInbox(me(), filter.archived(), filter.unreadOnly(), filter.category(), pageable)
                .map(Notification::view);
    }

    /** What the bell shows: live items the member has not seen yet. */
    @Transactional(readOnly = true)
    public long unseenCount() {
        return notifications.countByRecipientIdAndSeenAtIsNullAndArchivedAtIsNull(me());
    }

    @Transactional
    public NotificationView markRead(UUID id) {
        Notification notification = mine(id);
        notification.markRead(clock.instant());
        return notification.view();
    }

    @Transactional
    public NotificationView archive(UUID id) {
        Notification notification = mine(id);
        notification.archive(clock.instant());
        return notification.view();
    }

    @Transactional
    public NotificationView restore(UUID id) {
        Notification notification = mine(id);
        notification.restore();
        return notification.view();
    }

    /** Opening the bell: everything new becomes seen (still unread). */
    @Transactional
    public int markAllSeen() {
        return notifications.markAllSeen(me(), clock.instant());
    }

    @Transactional
    public int markAllRead() {
        return notifications.markAllRead(me(), clock.instant());
    }

    private Notification mine(UUID id) {
        return notifications.findById(id).filter(n -> n.recipientId().equals(me()))
                .orElseThrow(() -> new NotFoundException("The notification"));
    }

    private static UUID me() {
        return CurrentActor.require().userId();
    }
}
