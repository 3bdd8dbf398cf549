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
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The ledger row of one notification for one member on one outside channel (email or Slack), written with the
 * notification, before any send. A crash mid-call leaves it SENDING; the next run asks the transport whether the mail
 * went out before sending again, and marks the resend as a possible duplicate when the transport cannot tell.
 */
@NotAudited
@Entity
@DiscriminatorValue("MEMBER")
class NotificationDelivery extends OutgoingNotification {

    /** The pauses before the second, third, ... attempt; after the last one fails the delivery is dead. */
    static final RetrySchedule RETRIES = RetrySchedule.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));

    // nullable in the table, which webhook messages share; every delivery has them
    @Column(name = "notification_id", updatable = false)
    private UUID notificationId;
    @Column(name = "recipient_id", updatable = false)
    private UUID recipientId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private NotificationChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private PreferenceSource source;
    private String transport;
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

    protected NotificationDelivery() {
    }

    NotificationDelivery(UUID notificationId, UUID recipientId, NotificationChannel channel, PreferenceSource source,
            Instant now) {
        super(id -> "notification-" + id, now);
        this.notificationId = notificationId;
        this.recipientId = recipientId;
        this.channel = channel;
        this.source = source;
    }

    /** Email the recipient gathers into a digest: no attempt of its own, it waits for the digest of its period. */
    static NotificationDelivery forDigest(UUID notificationId, UUID recipientId, PreferenceSource source,
            DeliveryMode period, Instant now) {
        NotificationDelivery waiting = new NotificationDelivery(notificationId, recipientId, NotificationChannel.EMAIL,
                source, now);
        waiting.changing(DeliveryMove.WAIT_FOR_DIGEST, DeliveryStatus.DIGEST, now);
        waiting.digestPeriod = period;
        waiting.attempts().holdUntil(null);
        return waiting;
    }

    @Override
    String noun() {
        return "delivery";
    }

    /** Gathered into the digest {@code digest}, whose own delivery now carries it. */
    void digested(UUID digest, Instant now) {
        changing(DeliveryMove.GATHER, DeliveryStatus.DIGESTED, now);
        digestId = digest;
    }

    /** Waits for the recipient's quiet hours or mute to end: the first attempt is due then. */
    void holdUntil(Instant at, Instant now) {
        attempts().holdUntil(at);
        touched(now);
    }

    /** An attempt begins; committed before the call. */
    void sending(String transportName, Instant now) {
        start(DeliveryMove.START_ATTEMPT, now);
        transport = transportName;
    }

    void sent(Instant now) {
        succeeded(DeliveryMove.RECORD_SENT, now);
    }

    /** Posted to Slack: sent, and where its message is. */
    void postedToSlack(String channel, String ts, Instant now) {
        sent(now);
        slackChannel = channel;
        slackTs = ts;
    }

    /** As {@link #failed(String, boolean, Instant)}, but not again before {@code atLeast} (a 429's Retry-After). */
    Instant failed(String error, boolean permanent, Duration atLeast, Instant now) {
        return failed(DeliveryMove.RECORD_FAILURE, RETRIES, error, permanent, atLeast, now);
    }

    /** The attempt failed: tried again after the next pause, or dead when none is left or retrying cannot help. */
    Instant failed(String error, boolean permanent, Instant now) {
        return failed(error, permanent, null, now);
    }

    /** Given up before any send (the member left the workspace, the notification is gone): nothing went out. */
    void abandon(String why, Instant now) {
        gaveUp(DeliveryMove.GIVE_UP, why, now);
    }

    /** A person asks for another try of a dead delivery: a fresh round of attempts, now. */
    void retry(Instant now) {
        again(DeliveryMove.RETRY, now);
    }

    DeliveryView view() {
        Attempts attempts = attempts();
        return new DeliveryView(getId(), notificationId, recipientId, channel, status(), source, attempts.made(),
                attempts.possibleDuplicate(), transport, attempts.lastError(), createdAt(), attempts.nextAt(),
                attempts.sentAt(), attempts.deadAt());
    }

    UUID notificationId() {
        return notificationId;
    }

    UUID recipientId() {
        return recipientId;
    }

    NotificationChannel channel() {
        return channel;
    }

    PreferenceSource source() {
        return source;
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
