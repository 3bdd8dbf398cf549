package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.outbound.Attempts;
import io.flightdeck.shared.outbound.RetrySchedule;
import io.flightdeck.shared.persistence.NotAudited;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/**
 * The ledger row of one event for one webhook endpoint, written before any attempt. Every attempt carries the same
 * {@code webhook-id} (the message id, which is the row's idempotency key), so a consumer that keeps the ids it has
 * seen takes the event once however often it arrives. One found SENDING was cut off by a crash, is sent again with the
 * same id, and is marked a possible duplicate.
 */
@NotAudited
@Entity
@DiscriminatorValue("WEBHOOK")
class WebhookMessage extends OutgoingNotification {

    /** The pauses after the first, second, ... attempt (Standard Webhooks' schedule); eight attempts in all. */
    static final RetrySchedule RETRIES = RetrySchedule.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    // nullable in the table, which members' deliveries share; every message has them
    @Column(name = "endpoint_id", updatable = false)
    private UUID endpointId;
    @Column(name = "event_type", updatable = false)
    private String eventType;
    @Column(name = "event_key", updatable = false)
    private String eventKey;
    @Column(updatable = false)
    private String payload;
    @Column(name = "last_status")
    private Integer lastStatus;

    protected WebhookMessage() {
    }

    WebhookMessage(UUID endpointId, String eventType, String eventKey, String payload, Instant now) {
        super(id -> "msg_" + id.toString().replace("-", ""), now);
        this.endpointId = endpointId;
        this.eventType = eventType;
        this.eventKey = eventKey;
        this.payload = payload;
    }

    @Override
    String noun() {
        return "webhook message";
    }

    /** An attempt begins, committed before the call; one that finds the last attempt cut off says so. */
    void sending(Instant now) {
        if (interruptedAt() != null) {
            markPossibleDuplicate();
        }
        start(WebhookMessageMove.START_ATTEMPT, now);
    }

    void sent(int httpStatus, Instant now) {
        succeeded(WebhookMessageMove.RECORD_SENT, now);
        lastStatus = httpStatus;
    }

    /** The attempt failed: tried again after the next pause, or dead when none is left. */
    Instant failed(Integer httpStatus, String error, Instant now) {
        Instant next = failed(WebhookMessageMove.RECORD_FAILURE, RETRIES, error, false, null, now);
        lastStatus = httpStatus;
        return next;
    }

    /** No more attempts (the endpoint is disabled or gone): the reason stays in the log. */
    void abandon(String why, Instant now) {
        gaveUp(WebhookMessageMove.GIVE_UP, why, now);
    }

    /**
     * A person sends it again (after fixing their endpoint, or to fetch an event once more): the same message and id,
     * a fresh round of attempts from now. One that is still being tried is refused: it has its own next attempt.
     */
    void replay(Instant now) {
        again(WebhookMessageMove.REPLAY, now);
    }

    WebhookMessageView view() {
        Attempts attempts = attempts();
        return new WebhookMessageView(getId(), endpointId, messageId(), eventType, status(), attempts.made(),
                attempts.possibleDuplicate(), lastStatus, attempts.lastError(), createdAt(), attempts.nextAt(),
                attempts.sentAt(), attempts.deadAt(), payload);
    }

    UUID endpointId() {
        return endpointId;
    }

    /** The webhook-id header, the same on every attempt and replay. */
    String messageId() {
        return idempotencyKey();
    }

    String payload() {
        return payload;
    }
}
