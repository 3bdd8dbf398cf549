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
 * The ledger row of one notification on one outside channel, written with the notification, before any send. Each
 * attempt is committed as SENDING before the call, so a crash mid-call leaves a row that says so; the next run asks
 * the transport whether the mail went out before sending again, and marks the resend as a possible duplicate when
 * the transport cannot tell. Not audited: it is itself the record of what was sent.
 */
@NotAudited
@Entity
@Table(name = "notification_deliveries")
class NotificationDelivery extends TenantOwnedEntity {

    /** The pauses before the second, third, ... attempt; after the last one fails the delivery is dead. */
    static final RetrySchedule RETRIES = RetrySchedule.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));

    @Column(name = "notification_id", nullable = false, updatable = false)
    private UUID notificationId;
    @Column(name = "recipient_id", nullable = false, updatable = false)
    private UUID recipientId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PreferenceSource source;
    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;
    @Embedded
    private Attempts attempts;
    private String transport;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    /** For a DIGEST row: the digest it waits for (DAILY or WEEKLY). */
    @Enumerated(EnumType.STRING)
    @Column(name = "digest_period", updatable = false)
    private DeliveryMode digestPeriod;
    /** For a DIGESTED row: the digest notification it went into. */
    @Column(name = "digest_id")
    private UUID digestId;
    /** For a Slack delivery that went out: where its message is, for a later chat.update. */
    @Column(name = "slack_channel")
    private String slackChannel;
    @Column(name = "slack_ts")
    private String slackTs;
    /** Every change sets it: the orphan sweep leaves rows changed in the last minutes alone. */
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected NotificationDelivery() {
    }

    NotificationDelivery(UUID notificationId, UUID recipientId, NotificationChannel channel, PreferenceSource source,
            Instant now) {
        this.notificationId = notificationId;
        this.recipientId = recipientId;
        this.channel = channel;
        this.source = source;
        this.status = DeliveryStatus.QUEUED;
        this.idempotencyKey = "notification-" + getId();
        this.createdAt = now;
        this.attempts = Attempts.dueAt(now);
        this.updatedAt = now;
    }

    /** Email the recipient gathers into a digest: no attempt of its own, it waits for the digest of its period. */
    static NotificationDelivery forDigest(UUID notificationId, UUID recipientId, PreferenceSource source,
            DeliveryMode period, Instant now) {
        NotificationDelivery waiting = new NotificationDelivery(notificationId, recipientId, NotificationChannel.EMAIL,
                source, now);
        waiting.status = DeliveryStatus.DIGEST;
        waiting.digestPeriod = period;
        waiting.attempts.holdUntil(null);
        return waiting;
    }

    /** Gathered into the digest {@code digest}, whose own delivery now carries it. */
    void digested(UUID digest, Instant now) {
        DeliveryMove.GATHER.requireFrom(status);
        status = DeliveryStatus.DIGESTED;
        digestId = digest;
        updatedAt = now;
    }

    /** Waits for the recipient's quiet hours or mute to end: the first attempt is due then. */
    void holdUntil(Instant at, Instant now) {
        attempts.holdUntil(at);
        updatedAt = now;
    }

    /** Whether there is anything left to do: not sent and not given up on. */
    boolean open() {
        return status == DeliveryStatus.QUEUED || status == DeliveryStatus.SENDING || status == DeliveryStatus.FAILED;
    }

    boolean interrupted() {
        return status == DeliveryStatus.SENDING;
    }

    /** When the last attempt began. */
    Instant sendingAt() {
        return attempts.startedAt();
    }

    /** An attempt begins; committed before the call. */
    void sending(String transportName, Instant now) {
        DeliveryMove.START_ATTEMPT.requireFrom(status);
        status = DeliveryStatus.SENDING;
        attempts.start(now);
        transport = transportName;
        updatedAt = now;
    }

    /** A resend after an attempt that may have gone out: whoever reads the log is told. */
    void markPossibleDuplicate() {
        attempts.markPossibleDuplicate();
    }

    void sent(Instant now) {
        DeliveryMove.RECORD_SENT.requireFrom(status);
        status = DeliveryStatus.SENT;
        attempts.succeeded(now);
        updatedAt = now;
    }

    /** Posted to Slack: sent, and where its message is. */
    void postedToSlack(String channel, String ts, Instant now) {
        sent(now);
        slackChannel = channel;
        slackTs = ts;
    }

    /** As {@link #failed(String, boolean, Instant)}, but not again before {@code atLeast} (a 429's Retry-After). */
    Instant failed(String error, boolean permanent, Duration atLeast, Instant now) {
        DeliveryMove.RECORD_FAILURE.requireFrom(status);
        Instant next = attempts.failed(RETRIES, error, permanent, atLeast, now);
        status = next == null ? DeliveryStatus.DEAD : DeliveryStatus.FAILED;
        updatedAt = now;
        return next;
    }

    /** The attempt failed: tried again after the next pause, or dead when none is left or retrying cannot help. */
    Instant failed(String error, boolean permanent, Instant now) {
        return failed(error, permanent, null, now);
    }

    /** Given up before any send (the member left the workspace, the notification is gone): nothing went out. */
    void abandon(String why, Instant now) {
        DeliveryMove.GIVE_UP.requireFrom(status);
        status = DeliveryStatus.DEAD;
        attempts.giveUp(why, now);
        updatedAt = now;
    }

    /** A person asks for another try of a dead delivery: a fresh round of attempts, now. */
    void retry(Instant now) {
        DeliveryMove.RETRY.requireFrom(status);
        status = DeliveryStatus.QUEUED;
        attempts.again(now);
        updatedAt = now;
    }

    DeliveryView view() {
        return new DeliveryView(getId(), notificationId, recipientId, channel, status, source, attempts.made(),
                attempts.possibleDuplicate(), transport, attempts.lastError(), createdAt, attempts.nextAt(),
                attempts.sentAt(), attempts.deadAt());
    }

    UUID notificationId() {
        return notificationId;
    }

    UUID recipientId() {
        return recipientId;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    NotificationChannel channel() {
        return channel;
    }

    PreferenceSource source() {
        return source;
    }

    DeliveryStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    DeliveryMode digestPeriod() {
        return digestPeriod;
    }

    String slackChannel() {
        return slackChannel;
    }

    String slackTs() {
        return slackTs;
    }
}
