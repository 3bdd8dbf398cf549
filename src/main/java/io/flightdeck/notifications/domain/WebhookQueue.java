package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an event's message for every enabled endpoint of the workspace that takes its type, in the caller's
 * transaction (so the message exists exactly when the event's notifications do), and schedules each one's first
 * attempt. An endpoint that already has the event (a listener retried) gets nothing new.
 * <p>
 * The body is the Standard Webhooks shape: {@code {"type", "timestamp", "data"}}, with the event's key as
 * {@code data.eventKey} and absolute links.
 */
@Component
class WebhookQueue {

    private final WebhookEndpointRepository endpoints;
    private final WebhookMessageRepository messages;
    private final AbsoluteLinks links;
    private final Jobs jobs;
    private final Clock clock;

    WebhookQueue(WebhookEndpointRepository endpoints, WebhookMessageRepository messages, AbsoluteLinks links, Jobs jobs,
            Clock clock) {
        this.endpoints = endpoints;
        this.messages = messages;
        this.links = links;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The messages written: none when no endpoint takes the type or every one has it already. */
    @Transactional(propagation = Propagation.MANDATORY)
    int queue(NotificationDraft draft) {
        if (!WebhookEventTypes.sent(draft.trigger())) {
            return 0;
        }
        String type = WebhookEventTypes.of(draft.trigger());
        List<WebhookEndpoint> taking = endpoints.findByEnabledTrue().stream().filter(e -> e.takes(type)).toList();
        if (taking.isEmpty()) {
            return 0;
        }
        Set<UUID> having = new HashSet<>(messages.findEndpointsHaving(draft.eventKey(),
                taking.stream().map(WebhookEndpoint::getId).toList()));
        Instant now = clock.instant();
        String payload = payload(type, now, data(draft));
        List<WebhookMessage> written = new ArrayList<>();
        for (WebhookEndpoint endpoint : taking) {
            if (!having.contains(endpoint.getId())) {
                written.add(new WebhookMessage(endpoint.getId(), type, draft.eventKey(), payload, now));
            }
        }
        schedule(messages.saveAll(written), now);
        return written.size();
    }

    /** A test message for one endpoint, whatever types it takes. */
    @Transactional(propagation = Propagation.MANDATORY)
    WebhookMessage test(WebhookEndpoint endpoint, String requestedBy) {
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", "A test from Flightdeck, sent by " + requestedBy);
        data.put("endpointId", endpoint.getId());
        WebhookMessage message = messages.save(new WebhookMessage(endpoint.getId(), WebhookEventTypes.TEST,
                "webhook-test:" + UUID.randomUUID(), payload(WebhookEventTypes.TEST, now, data), now));
        schedule(List.of(message), now);
        return message;
    }

    private void schedule(List<WebhookMessage> written, Instant now) {
        jobs.scheduleNew(DeliveryJobs.DELIVERY, TenantScope.require(),
                written.stream().map(WebhookMessage::getId).toList(), now);
    }

    private Map<String, Object> data(NotificationDraft draft) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventKey", draft.eventKey());
        data.put("workspaceId", TenantScope.require());
        data.put("title", draft.title());
        data.put("body", draft.body());
        data.put("link", links.of(draft.link()));
        data.put("priority", draft.priority().name().toLowerCase());
        data.put("subject", Map.of("type", draft.subjectType(), "id", draft.subjectId()));
        data.put("campaignId", draft.campaignId());
        data.put("actorId", draft.actorId());
        return data;
    }

    private static String payload(String type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", at.toString());
        body.put("data", data);
        return OutboundClient.jsonMapper().writeValueAsString(body);
    }
}
