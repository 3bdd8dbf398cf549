package io.flightdeck.notifications.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.outbound.LedgerItem;
import io.flightdeck.shared.outbound.LedgerState;
import io.flightdeck.shared.outbound.OutgoingLedger;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The delivery ledger of notifications by email and Slack, as the operations page shows every ledger. */
@Component
class NotificationLedger implements OutgoingLedger {

    private final NotificationDeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final Deliveries admin;
    private final MemberDirectory members;

    NotificationLedger(NotificationDeliveryRepository deliveries, NotificationRepository notifications,
            Deliveries admin, MemberDirectory members) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.admin = admin;
        this.members = members;
    }

    static LedgerState state(DeliveryStatus status) {
        return switch (status) {
            case QUEUED, DIGEST -> LedgerState.WAITING;
            case SENDING -> LedgerState.SENDING;
            case FAILED -> LedgerState.RETRYING;
            case DEAD -> LedgerState.DEAD;
            case SENT, DIGESTED -> LedgerState.SENT;
        };
    }

    @Override
    public About about() {
        return new About("notifications", "Notifications by email and Slack", "/settings/notifications", true);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<LedgerState, Long> backlog() {
        Map<LedgerState, Long> counts = new EnumMap<>(LedgerState.class);
        deliveries.countByChannelAndStatus()
                .forEach(row -> counts.merge(state(row.getStatus()), row.getCount(), Long::sum));
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<LedgerItem> troubled(Pageable pageable) {
        Page<NotificationDelivery> page = deliveries.findByStatusIn(List.of(DeliveryStatus.FAILED, DeliveryStatus.DEAD),
                OutgoingLedger.newestFirst(pageable));
        // one read of the titles and one of the names for the whole page
        Map<UUID, String> titles = notifications.findAllById(page.stream().map(NotificationDelivery::notificationId)
                        .collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Notification::getId, Notification::title));
        Map<UUID, String> names = members.displayNames(page.stream().map(NotificationDelivery::recipientId).toList());
        return page.map(d -> item(d.view(), titles::get, names::get));
    }

    @Override
    @Transactional
    public LedgerItem retry(UUID id) {
        DeliveryView view = admin.retry(id);
        Notification notification = notifications.findById(view.notificationId())
                .orElseThrow(() -> new NotFoundException("The notification"));
        return item(view, any -> notification.title(), members.displayNames(List.of(view.recipientId()))::get);
    }

    private static LedgerItem item(DeliveryView d, Function<UUID, String> titles, Function<UUID, String> names) {
        String title = titles.apply(d.notificationId());
        String name = names.apply(d.recipientId());
        return new LedgerItem(d.id(), d.channel().label() + ": " + (title == null ? "a notification" : title),
                name == null ? "A former member" : name, state(d.status()), d.status().name(), d.lastError(),
                d.attempts(), d.createdAt(), d.nextAttemptAt(), d.status() == DeliveryStatus.DEAD, null);
    }
}
