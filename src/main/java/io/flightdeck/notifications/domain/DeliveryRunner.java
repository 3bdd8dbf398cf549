package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.jobs.CrashHold;
import io.flightdeck.shared.mail.MailFailure;
import io.flightdeck.shared.mail.MailTransport;
import io.flightdeck.shared.mail.OutgoingMail;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt of one email delivery, in three steps with their own transactions: begin (the attempt committed as
 * SENDING, the mail composed), send (outside any transaction), record (SENT, or FAILED with the next attempt's time,
 * or DEAD).
 * A delivery found SENDING was cut off mid-attempt by a crash: the transport is asked whether the mail went out
 * (the outbox can tell); if it cannot tell (SMTP) the mail is sent again and the row says it may be a duplicate.
 * <p>
 * {@code flightdeck.notifications.hold-at} ({@code before-send}, {@code after-send}) holds a runner thread for the
 * crash test ({@link CrashHold}); never set in production.
 */
@Component
class DeliveryRunner {

    static final Set<String> BOUNDARIES = Set.of("before-send", "after-send");

    private final NotificationDeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final MemberDirectory members;
    private final NotificationEmails emails;
    private final DigestEmails digests;
    private final MailTransport mail;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CrashHold hold;

    DeliveryRunner(NotificationDeliveryRepository deliveries, NotificationRepository notifications,
            MemberDirectory members, NotificationEmails emails, DigestEmails digests, MailTransport mail,
            TransactionTemplate tx, Clock clock, @Value("${flightdeck.notifications.hold-at:}") String holdAt) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.members = members;
        this.emails = emails;
        this.digests = digests;
        this.mail = mail;
        this.tx = tx;
        this.clock = clock;
        this.hold = CrashHold.of("flightdeck.notifications.hold-at", holdAt, BOUNDARIES);
    }

    /** Runs the delivery's attempt that is due; answers when the next one is, or empty when it is settled. */
    Optional<Instant> step(UUID deliveryId) {
        OutgoingMail attempt = tx.execute(status -> begin(deliveryId));
        if (attempt == null) {
            return Optional.empty();
        }
        hold.reached("before-send", "notification delivery " + deliveryId);
        try {
            mail.send(attempt);
        } catch (MailFailure failure) {
            return Optional.ofNullable(tx.execute(status -> deliveries.findById(deliveryId).orElseThrow()
                    .failed(failure.getMessage(), failure.permanent(), clock.instant())));
        }
        hold.reached("after-send", "notification delivery " + deliveryId);
        tx.executeWithoutResult(status -> deliveries.findById(deliveryId).orElseThrow().sent(clock.instant()));
        return Optional.empty();
    }

    /** The attempt begun (committed as SENDING) with its mail, or null when there is nothing left to do. */
    private OutgoingMail begin(UUID deliveryId) {
        NotificationDelivery delivery = deliveries.findById(deliveryId).orElse(null);
        if (delivery == null || !delivery.open()) {
            return null;
        }
        // db-scheduler runs it at its time (the attempt's own, or a person's retry): its clock decides, not this node's
        Instant now = clock.instant();
        if (delivery.interruptedAt() != null) {
            Optional<Boolean> went = mail.sent(TenantScope.require(), delivery.idempotencyKey());
            if (went.orElse(false)) {
                delivery.sent(now);
                return null;
            }
            if (went.isEmpty()) {
                delivery.markPossibleDuplicate();
            }
        }
        Notification notification = notifications.findById(delivery.notificationId()).orElse(null);
        Optional<MemberSummary> member = members.find(delivery.recipientId());
        if (notification == null || member.isEmpty()) {
            delivery.abandon("Not sent: the recipient is no longer a member of the workspace", now);
            return null;
        }
        OutgoingMail outgoing = notification.trigger() == NotificationTrigger.DIGEST
                ? digests.compose(TenantScope.require(), notification, delivery, member.get().email())
                : emails.compose(TenantScope.require(), notification, delivery, member.get().email());
        delivery.sending(mail.name(), now);
        return outgoing;
    }
}
