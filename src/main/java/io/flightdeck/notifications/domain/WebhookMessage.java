package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.outbound.Attempts;
import io.flightdeck.shared.outbound.RetrySchedule;
import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The ledger row of one event for one webhook endpoint, written before any attempt. Every attempt carries the same
 * {@code webhook-id} (the message id), so a consumer that keeps the ids it has seen takes the event once however often
 * it arrives. Each attempt is committed as SENDING before the call; one found SENDING was cut off by a crash, is sent
 * again with the same id, and is marked a possible duplicate. Not audited: it is itself the record of what was sent.
 */
@NotAudited
@Entity
@Table(name = "webhook_messages")
class WebhookMessage extends TenantOwnedEntity {

    /** The pauses after the first, second, ... attempt (Standard Webhooks' schedule); eight attempts in all. */
    static final RetrySchedule RETRIES = RetrySchedule.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    private UUID endpointId;
    @Column(name = "message_id", nullable = false, updatable = false)
    private String messageId;
    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;
    @Column(name = "event_key", nullable = false, updatable = false)
    private String eventKey;
    @Column(nullable = false, updatable = false)
    private String payload;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;
    @Embedded
    private Attempts attempts;
    @Column(name = "last_status")
    private Integer lastStatus;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    /** Every change sets it: the orphan sweep leaves rows changed in the last minutes alone. */
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected WebhookMessage() {
    }

    WebhookMessage(UUID endpointId, String eventType, String eventKey, String payload, Instant now) {
        this.endpointId = endpointId;
        this.messageId = "msg_" + getId().toString().replace("-", "");
        this.eventType = eventType;
        this.eventKey = eventKey;
        this.payload = payload;
        this.status = DeliveryStatus.QUEUED;
        this.createdAt = now;
        this.attempts = Attempts.dueAt(now);
        this.updatedAt = now;
    }

    boolean open() {
        return status == DeliveryStatus.QUEUED || status == DeliveryStatus.SENDING || status == DeliveryStatus.FAILED;
    }

    /** Whether the last attempt was cut off (still SENDING), and when it began. */
    Instant interruptedAt() {
        return status == DeliveryStatus.SENDING ? attempts.startedAt() : null;
    }

    /** A look-up showed the cut-off attempt posted nothing, so the resend is no duplicate. */
    void notADuplicate() {
        attempts.notADuplicate();
    }

    /** An attempt begins, committed before the call; one that finds the last attempt cut off says so. */
    void sending(Instant now) {
        WebhookMessageMove.START_ATTEMPT.requireFrom(status);
        if (status == DeliveryStatus.SENDING) {
            attempts.markPossibleDuplicate();
        }
        status = DeliveryStatus.SENDING;
        attempts.start(now);
        updatedAt = now;
    }

    void sent(int httpStatus, Instant now) {
        WebhookMessageMove.RECORD_SENT.requireFrom(status);
        status = DeliveryStatus.SENT;
        lastStatus = httpStatus;
        attempts.succeeded(now);
        updatedAt = now;
    }

    /** The attempt failed: tried again after the next pause, or dead when none is left. */
    Instant failed(Integer httpStatus, String error, Instant now) {
        WebhookMessageMove.RECORD_FAILURE.requireFrom(status);
        lastStatus = httpStatus;
        Instant next = attempts.failed(RETRIES, error, false, null, now);
        status = next == null ? DeliveryStatus.DEAD : DeliveryStatus.FAILED;
        updatedAt = now;
        return next;
    }

    /** No more attempts (the endpoint is disabled or gone): the reason stays in the log. */
    void abandon(String why, Instant now) {
        WebhookMessageMove.GIVE_UP.requireFrom(status);
        status = DeliveryStatus.DEAD;
        attempts.giveUp(why, now);
        updatedAt = now;
    }

    /**
     * A person sends it again (after fixing their endpoint, or to fetch an event once more): the same message and id,
     * a fresh round of attempts from now. One that is still being tried is refused: it has its own next attempt.
     */
    void replay(Instant now) {
        WebhookMessageMove.REPLAY.requireFrom(status);
        status = DeliveryStatus.QUEUED;
        attempts.again(now);
        updatedAt = now;
    }

    WebhookMessageView view() {
        return new WebhookMessageView(getId(), endpointId, messageId, eventType, status, attempts.made(),
                attempts.possibleDuplicate(), lastStatus, attempts.lastError(), createdAt, attempts.nextAt(),
                attempts.sentAt(), attempts.deadAt(), payload);
    }

    UUID endpointId() {
        return endpointId;
    }

    String messageId() {
        return messageId;
    }

    String payload() {
        return payload;
    }

    Instant createdAt() {
        return createdAt;
    }

    DeliveryStatus status() {
        return status;
    }
}
