package io.flightdeck.notifications.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.outbound.LedgerItem;
import io.flightdeck.shared.outbound.LedgerState;
import io.flightdeck.shared.outbound.OutgoingLedger;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The messages to the workspace's webhook endpoints, as the operations page shows every ledger. */
@Component
class WebhookLedger implements OutgoingLedger {

    private final WebhookMessageRepository messages;
    private final WebhookEndpointRepository endpoints;
    private final WebhookEndpoints admin;

    WebhookLedger(WebhookMessageRepository messages, WebhookEndpointRepository endpoints, WebhookEndpoints admin) {
        this.messages = messages;
        this.endpoints = endpoints;
        this.admin = admin;
    }

    @Override
    public About about() {
        return new About("webhooks", "Webhook messages", "/settings/webhooks", true);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<LedgerState, Long> backlog() {
        Map<LedgerState, Long> counts = new EnumMap<>(LedgerState.class);
        messages.countByStatus().forEach(row -> counts.merge(NotificationLedger.state(row.getStatus()), row.getCount(),
                Long::sum));
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<LedgerItem> troubled(Pageable pageable) {
        Page<WebhookMessage> page = messages.findByStatusIn(List.of(DeliveryStatus.FAILED, DeliveryStatus.DEAD),
                OutgoingLedger.newestFirst(pageable));
        Map<UUID, String> urls = endpoints.findAllById(page.stream().map(WebhookMessage::endpointId)
                        .collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(WebhookEndpoint::getId, WebhookEndpoint::url));
        return page.map(m -> item(m.view(), urls.getOrDefault(m.endpointId(), "A removed endpoint")));
    }

    @Override
    @Transactional
    public LedgerItem retry(UUID id) {
        WebhookMessage message = messages.findById(id).orElseThrow(() -> new NotFoundException("Webhook message"));
        WebhookMessageView replayed = admin.replay(message.endpointId(), id);
        return item(replayed, endpoints.findById(message.endpointId()).map(WebhookEndpoint::url).orElse(""));
    }

    private static LedgerItem item(WebhookMessageView m, String url) {
        String reason = m.lastError() != null ? m.lastError()
                : m.lastStatus() != null ? "The endpoint answered HTTP " + m.lastStatus() : null;
        return new LedgerItem(m.id(), m.eventType() + " (" + m.messageId() + ")", url,
                NotificationLedger.state(m.status()), m.status().name(), reason, m.attempts(), m.createdAt(),
                m.nextAttemptAt(), m.status() == DeliveryStatus.DEAD, "/settings/webhooks/" + m.endpointId());
    }
}
