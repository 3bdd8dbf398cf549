package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
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
    private final NotificationDeliveryRepository deliveries;
    private final Preferences preferences;
    private final LiveSignals live;
    private final Clock clock;

    Inbox(NotificationRepository notifications, NotificationDeliveryRepository deliveries, Preferences preferences,
            LiveSignals live, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.live = live;
        this.clock = clock;
    }

    /**
     * The feed, newest first: live items, or the archive; optionally only unread ones, or one category. Each item
     * comes with where else it was delivered (one query for the page).
     */
    @Transactional(readOnly = true)
    public Page<NotificationView> list(InboxFilter filter, Pageable pageable) {
        Page<Notification> page = notifications.findInbox(me(), filter.archived(), filter.unreadOnly(), filter.category(),
                pageable);
        Map<UUID, List<DeliveryView>> sent = new HashMap<>();
        if (page.hasContent()) {
            deliveries.findByNotificationIdIn(page.map(Notification::getId).getContent()).forEach(d ->
                    sent.computeIfAbsent(d.notificationId(), id -> new ArrayList<>()).add(d.view()));
        }
        return page.map(n -> n.view().withDeliveries(sent.getOrDefault(n.getId(), List.of())));
    }

    /** One item with its deliveries (email-only items included: their email links here). */
    @Transactional(readOnly = true)
    public NotificationView get(UUID id) {
        Notification notification = mine(id);
        return notification.view().withDeliveries(
                deliveries.findByNotificationIdIn(List.of(id)).stream().map(NotificationDelivery::view).toList());
    }

    /**
     * “Stop these”: the member's own setting for this item's category on the channel becomes off. Answers what it
     * was before (null: they had none and the default applied), so the page can offer to undo it.
     */
    @Transactional
    public Stopped stop(UUID id, NotificationChannel channel) {
        Notification notification = mine(id);
        DeliveryMode before = preferences.setOwn(me(),
                new PreferenceChange(notification.category(), channel, DeliveryMode.OFF));
        return new Stopped(notification.category(), channel, before);
    }

    /** What “stop these” changed: the category on the channel, and the member's own mode before (null: none). */
    public record Stopped(NotificationCategory category, NotificationChannel channel, @Nullable DeliveryMode before) {
    }

    /** What the bell shows: live items the member has not seen yet. */
    @Transactional(readOnly = true)
    public long unseenCount() {
        return unseenCountOf(me());
    }

    /** The bell of a member of the current workspace, for the live stream that serves them. */
    @Transactional(readOnly = true)
    public long unseenCountOf(UUID memberId) {
        return notifications.countByRecipientIdAndInAppTrueAndSeenAtIsNullAndArchivedAtIsNull(memberId);
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
