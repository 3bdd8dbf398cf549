package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import io.flightdeck.shared.StateMove;
import io.flightdeck.shared.outbound.Attempts;
import io.flightdeck.shared.outbound.RetrySchedule;
import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/**
 * One row of the notifications module's one ledger of what goes outside: a notification for a member on email or
 * Slack ({@link NotificationDelivery}, kind {@code MEMBER}) or an event for a webhook endpoint ({@link WebhookMessage},
 * kind {@code WEBHOOK}). Written before any send, each attempt committed as SENDING before the call, so a crash
 * mid-call leaves a row that says so; one job kind runs every row. What the two kinds share lives here: the status,
 * the idempotency key the outside sees, the attempts; each kind guards its moves with its own state machine, since a
 * member's email is retried only when dead and a webhook event may be replayed once sent. Not audited: it is itself
 * the record of what was sent.
 */
@NotAudited
@Entity
@Table(name = "notification_deliveries")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 10)
abstract class OutgoingNotification extends VersionedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;
    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;
    @Embedded
    private Attempts attempts;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    /** Every change sets it: the orphan sweep leaves rows changed in the last minutes alone. */

    protected OutgoingNotification() {
    }

    /** Queued, its first attempt due now; {@code key} makes the idempotency key from the row's id. */
    OutgoingNotification(Function<UUID, String> key, Instant now) {
        this.status = DeliveryStatus.QUEUED;
        this.idempotencyKey = key.apply(getId());
        this.createdAt = now;
        this.attempts = Attempts.dueAt(now);
        this.updatedAt = now;
    }

    /** What the row is in a refusal: "delivery", "webhook message". */
    abstract String noun();

    /** Whether there is anything left to do: not sent and not given up on. */
    boolean open() {
        return status == DeliveryStatus.QUEUED || status == DeliveryStatus.SENDING || status == DeliveryStatus.FAILED;
    }

    /** When the last attempt began, if a crash cut it off (still SENDING); null otherwise. */
    Instant interruptedAt() {
        return status == DeliveryStatus.SENDING ? attempts.startedAt() : null;
    }

    /** A resend after an attempt that may have gone out: whoever reads the log is told. */
    void markPossibleDuplicate() {
        attempts.markPossibleDuplicate();
    }

    /** A look-up showed the cut-off attempt sent nothing, so the resend is no duplicate. */
    void notADuplicate() {
        attempts.notADuplicate();
    }

    /** An attempt begins; committed before the call. */
    void start(StateMove<DeliveryStatus> move, Instant now) {
        changing(move, DeliveryStatus.SENDING, now);
        attempts.start(now);
    }

    void succeeded(StateMove<DeliveryStatus> move, Instant now) {
        changing(move, DeliveryStatus.SENT, now);
        attempts.succeeded(now);
    }

    /**
     * The attempt failed: tried again after the schedule's next pause (not before {@code atLeast}, a 429's
     * Retry-After), or dead when none is left or retrying cannot help. Answers when the next attempt is, or null.
     */
    Instant failed(StateMove<DeliveryStatus> move, RetrySchedule retries, String error, boolean permanent,
            Duration atLeast, Instant now) {
        move.requireFrom(status, noun());
        Instant next = attempts.failed(retries, error, permanent, atLeast, now);
        status = next == null ? DeliveryStatus.DEAD : DeliveryStatus.FAILED;
        updatedAt = now;
        return next;
    }

    /** No more attempts (the recipient or endpoint is gone): nothing more goes out, the reason stays in the log. */
    void gaveUp(StateMove<DeliveryStatus> move, String why, Instant now) {
        changing(move, DeliveryStatus.DEAD, now);
        attempts.giveUp(why, now);
    }

    /** A person asks for it again: a fresh round of attempts, from now. */
    void again(StateMove<DeliveryStatus> move, Instant now) {
        changing(move, DeliveryStatus.QUEUED, now);
        attempts.again(now);
    }

    /** Guards the move, then takes the row to {@code to}. */
    void changing(StateMove<DeliveryStatus> move, DeliveryStatus to, Instant now) {
        move.requireFrom(status, noun());
        status = to;
        updatedAt = now;
    }

    /** A change of the row's own that is no move (a hold until quiet hours end). */
    void touched(Instant now) {
        updatedAt = now;
    }

    Attempts attempts() {
        return attempts;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    DeliveryStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }
}
