package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

/**
 * The module's one outgoing ledger as the operations page shows every ledger: notifications to members by email and
 * Slack, and events to webhook endpoints, in one backlog and one list of what needs a person. A retry goes through
 * the row's own move: a dead delivery is retried, a dead webhook message replayed (its endpoint must be enabled).
 */
@Component
class NotificationLedger implements OutgoingLedger {

    private final OutgoingNotificationRepository outgoing;
    private final NotificationRepository notifications;
    private final WebhookEndpointRepository endpoints;
    private final Deliveries deliveries;
    private final WebhookEndpoints webhooks;
    private final MemberDirectory members;
    private final NotificationDeliveryRepository deliveriesByChannel;

    NotificationLedger(OutgoingNotificationRepository outgoing, NotificationRepository notifications,
            WebhookEndpointRepository endpoints, Deliveries deliveries, WebhookEndpoints webhooks,
            MemberDirectory members, NotificationDeliveryRepository deliveriesByChannel) {
        this.deliveriesByChannel = deliveriesByChannel;
        this.outgoing = outgoing;
        this.notifications = notifications;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.members = members;
    }

    @Override
    public About about() {
        return new About("notifications", "Notifications and webhook messages", "/settings/notifications", true);
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

    /** Members' emails that went dead (Slack messages and webhooks are not mail). */
    @Override
    @Transactional(readOnly = true)
    public long mailRefusedSince(Instant since) {
        return deliveriesByChannel.countDeadSince(NotificationChannel.EMAIL, DeliveryStatus.DEAD, since);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<LedgerState, Long> backlog() {
        Map<LedgerState, Long> counts = new EnumMap<>(LedgerState.class);
        outgoing.countByStatus().forEach(row -> counts.merge(state(row.getStatus()), row.getCount(), Long::sum));
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<LedgerItem> troubled(Pageable pageable) {
        Page<OutgoingNotification> page = outgoing.findByStatusIn(List.of(DeliveryStatus.FAILED, DeliveryStatus.DEAD),
                OutgoingLedger.newestFirst(pageable));
        return page.map(new Names(page.getContent())::item);
    }

    @Override
    @Transactional
    public LedgerItem retry(UUID id) {
        OutgoingNotification row = outgoing.findById(id).orElseThrow(() -> new NotFoundException("The notification"));
        if (row instanceof WebhookMessage message) {
            webhooks.replay(message.endpointId(), id);
        } else {
            deliveries.retry(id);
        }
        return new Names(List.of(row)).item(row);
    }

    /** What the rows of a page go to and are about, read once for the page: titles, members' names, endpoints. */
    private final class Names {

        private final Map<UUID, String> titles;
        private final Map<UUID, String> people;
        private final Map<UUID, String> urls;

        Names(List<OutgoingNotification> rows) {
            List<NotificationDelivery> toMembers = of(rows, NotificationDelivery.class);
            titles = notifications.findAllById(toMembers.stream().map(NotificationDelivery::notificationId)
                    .collect(Collectors.toSet())).stream()
                    .collect(Collectors.toMap(Notification::getId, Notification::title));
            people = members.displayNames(toMembers.stream().map(NotificationDelivery::recipientId).toList());
            Set<UUID> endpointIds = of(rows, WebhookMessage.class).stream().map(WebhookMessage::endpointId)
                    .collect(Collectors.toSet());
            urls = endpoints.findAllById(endpointIds).stream()
                    .collect(Collectors.toMap(WebhookEndpoint::getId, WebhookEndpoint::url));
        }

        LedgerItem item(OutgoingNotification row) {
            if (row instanceof WebhookMessage message) {
                WebhookMessageView m = message.view();
                String reason = m.lastError() != null ? m.lastError()
                        : m.lastStatus() != null ? "The endpoint answered HTTP " + m.lastStatus() : null;
                return new LedgerItem(m.id(), "Webhook " + m.eventType() + " (" + m.messageId() + ")",
                        urls.getOrDefault(m.endpointId(), "A removed endpoint"), state(m.status()), m.status().name(),
                        reason, m.attempts(), m.createdAt(), m.nextAttemptAt(), m.status() == DeliveryStatus.DEAD,
                        "/settings/webhooks/" + m.endpointId());
            }
            DeliveryView d = ((NotificationDelivery) row).view();
            String title = titles.get(d.notificationId());
            String name = people.get(d.recipientId());
            return new LedgerItem(d.id(), d.channel().label() + ": " + (title == null ? "a notification" : title),
                    name == null ? "A former member" : name, state(d.status()), d.status().name(), d.lastError(),
                    d.attempts(), d.createdAt(), d.nextAttemptAt(), d.status() == DeliveryStatus.DEAD, null);
        }

        private static <T> List<T> of(List<OutgoingNotification> rows, Class<T> kind) {
            return rows.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }
}
