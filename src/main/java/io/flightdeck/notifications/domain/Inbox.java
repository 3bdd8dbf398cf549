package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
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
    private final LiveSignals live;
    private final Clock clock;

    Inbox(NotificationRepository notifications, LiveSignals live, Clock clock) {
        this.notifications = notifications;
        this.live = live;
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
        return unseenCountOf(me());
    }

    /** The bell of a member of the current workspace, for the live stream that serves them. */
    @Transactional(readOnly = true)
    public long unseenCountOf(UUID memberId) {
        return notifications.countByRecipientIdAndSeenAtIsNullAndArchivedAtIsNull(memberId);
    }

    @Transactional
    public NotificationView markRead(UUID id) {
        Notification notification = mine(id);
        notification.markRead(clock.instant());
        changed();
        return notification.view();
    }

    /** Following an item to what it is about reads it. */
    @Transactional
    public NotificationView open(UUID id) {
        return markRead(id);
    }

    @Transactional
    public NotificationView archive(UUID id) {
        Notification notification = mine(id);
        notification.archive(clock.instant());
        changed();
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
        return changed(notifications.markAllSeen(me(), clock.instant()));
    }

    @Transactional
    public int markAllRead() {
        return changed(notifications.markAllRead(me(), clock.instant()));
    }

    /** The member's bells on other tabs and devices re-read their count (sent after commit). */
    private int changed(int rows) {
        if (rows > 0) {
            changed();
        }
        return rows;
    }

    private void changed() {
        live.publish(CHANNEL, TenantScope.require().toString());
    }

    private Notification mine(UUID id) {
        return notifications.findById(id).filter(n -> n.recipientId().equals(me()))
                .orElseThrow(() -> new NotFoundException("The notification"));
    }

    private static UUID me() {
        return CurrentActor.require().userId();
    }
}
