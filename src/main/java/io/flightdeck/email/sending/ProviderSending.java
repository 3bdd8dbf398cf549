package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.flightdeck.email.delivery.ProviderClients;
import io.flightdeck.email.providers.EmailProviderException;
import io.flightdeck.email.providers.MailjetSendApi;
import io.flightdeck.email.providers.OutgoingEmail;
import io.flightdeck.email.providers.SendResult;
import io.flightdeck.shared.jobs.CrashHold;
import io.flightdeck.shared.mail.OutgoingMail;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sending through a workspace's provider: Mailjet a call of up to 50 messages, SendGrid one message a call. As on the
 * SMTP path, a message's hand-over is committed before it leaves (a Mailjet call's rows all together, before the
 * call), so a crash never sends anyone twice; the provider's answer is recorded with its id for the message. A refusal
 * of the message fails that recipient with the provider's words; a provider that asked to wait (429) or failed (5xx)
 * puts them back in the queue; a call whose answer was lost leaves them handed over, unconfirmed. With Mailjet, those
 * are looked up by their ledger key before the send goes on ({@link #settleInDoubt}).
 * <p>
 * Only the ledger key travels as Mailjet's CustomID or SendGrid's custom argument: no address or name.
 * <p>
 * {@code flightdeck.email.sending.hold-at} can hold a Mailjet call's thread, for the crash test only, once
 * {@code hold-after} messages went from this node: before-provider-call (its rows handed over, the call not made) or
 * after-provider-call (the call answered, the answer not yet recorded).
 */
@Component
class ProviderSending {

    private static final Logger log = LoggerFactory.getLogger(ProviderSending.class);
    private static final int LOOK_UPS_PER_STEP = 50;

    private final SendLedger ledger;
    private final SendThrottle throttle;
    private final ProviderClients clients;
    private final SendingProperties properties;
    private final Clock clock;
    private final CrashHold hold;
    /** Messages handed to a provider from this node, for the crash test's hold. */
    private final AtomicInteger handedOver = new AtomicInteger();

    ProviderSending(SendLedger ledger, SendThrottle throttle, ProviderClients clients, SendingProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.throttle = throttle;
        this.clients = clients;
        this.properties = properties;
        this.clock = clock;
        this.hold = CrashHold.of("flightdeck.email.sending.hold-at", properties.holdAt(), SendRunner.BOUNDARIES);
    }

    /** One Mailjet call for up to 50 rows; the outcome of each row that was made or sent. */
    List<Outcome> mailjet(SendRunner.Batch batch, List<SendLedger.Due> rows) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        Map<UUID, SendLedger.Due> byId = new LinkedHashMap<>();
        Map<UUID, OutgoingEmail> messages = new LinkedHashMap<>();
        for (SendLedger.Due row : rows) {
            try {
                messages.put(row.id(), email(batch.composer(row.variant()).compose(row)));
                byId.put(row.id(), row);
            } catch (RuntimeException e) {
                outcomes.add(Outcome.failed(row.id(), "Could not be made: " + e.getMessage(), true, false));
            }
        }
        for (int i = 0; i < messages.size(); i++) {
            throttle.acquire();
        }
        Set<UUID> handed = ledger.handOverAll(batch.tenantId(), new ArrayList<>(messages.keySet()), clock.instant());
        messages.keySet().retainAll(handed);
        if (messages.isEmpty()) {
            return outcomes;
        }
        MailjetSendApi api = clients.mailjet(batch.tenantId(), batch.account());
        String call = "email recipients " + messages.keySet().iterator().next() + " and " + (messages.size() - 1) + " more";
        if (handedOver.get() >= properties.holdAfter()) {
            hold.reached("before-provider-call", call);
        }
        try {
            List<SendResult> results = api.send(new ArrayList<>(messages.values()));
            if (handedOver.addAndGet(messages.size()) > properties.holdAfter()) {
                hold.reached("after-provider-call", call);
            }
            for (SendResult result : results) {
                SendLedger.Due row = byId.get(UUID.fromString(result.ledgerKey()));
                outcomes.add(outcome(row, result, "Mailjet"));
            }
        } catch (EmailProviderException e) {
            messages.keySet().forEach(id -> outcomes.add(outcome(byId.get(id), e)));
        }
        return outcomes;
    }

    /** One SendGrid call for one row; null when the row was no longer queued at its hand-over. */
    Outcome sendGrid(SendRunner.Batch batch, SendLedger.Due row) throws InterruptedException {
        OutgoingEmail message;
        try {
            message = email(batch.composer(row.variant()).compose(row));
        } catch (RuntimeException e) {
            return Outcome.failed(row.id(), "Could not be made: " + e.getMessage(), true, false);
        }
        throttle.acquire();
        if (!ledger.handOver(batch.tenantId(), row.id(), clock.instant())) {
            return null;
        }
        try {
            return outcome(row, clients.sendGrid(batch.tenantId(), batch.account()).send(message), "SendGrid");
        } catch (EmailProviderException e) {
            return outcome(row, e);
        }
    }

    /**
     * Looks up the rows of a Mailjet send left handed over and unconfirmed (a crash, a lost answer) once Mailjet's
     * message list had time to show them: found, they are sent, with Mailjet's id; not found, they are queued again.
     * Answers when to look again, or null when nothing is in doubt.
     */
    Instant settleInDoubt(SendRunner.Batch batch) {
        Duration wait = clients.lookUpAfter();
        Instant now = clock.instant();
        List<UUID> rows = ledger.inDoubt(batch.tenantId(), batch.emailCampaignId(), now.minus(wait), LOOK_UPS_PER_STEP);
        if (!rows.isEmpty()) {
            MailjetSendApi api = clients.mailjet(batch.tenantId(), batch.account());
            for (UUID id : rows) {
                List<String> found;
                try {
                    found = api.lookUp(id.toString());
                } catch (EmailProviderException e) {
                    log.warn("Email {}: could not look up unconfirmed messages at Mailjet: {}",
                            batch.emailCampaignId(), e.getMessage());
                    return now.plus(e.retryAfter().orElse(properties.retryPause()));
                }
                if (found.isEmpty()) {
                    ledger.requeueUnsent(batch.tenantId(), id, "Not found at Mailjet after its answer was lost: sent again", now);
                } else {
                    ledger.confirmSent(batch.tenantId(), id, found.get(0), now);
                }
            }
        }
        Instant oldest = ledger.oldestInDoubt(batch.tenantId(), batch.emailCampaignId());
        return oldest == null ? null : oldest.plus(wait).isBefore(now) ? now : oldest.plus(wait);
    }

    private Outcome outcome(SendLedger.Due row, SendResult result, String provider) {
        return switch (result.outcome()) {
            case ACCEPTED -> Outcome.accepted(row.id(), result.providerMessageId());
            case REFUSED_PERMANENTLY -> Outcome.failed(row.id(), clip(provider + " refused it: " + result.reason()),
                    true, true);
            case REFUSED_FOR_NOW -> Retries.later(row, clip(provider + " refused it for now: " + result.reason()),
                    null, true, properties, clock.instant());
        };
    }

    /**
     * A failure of the whole call. Permanent ones (a wrong key, a sender not allowed) fail the recipients, but not for
     * good: once a person fixes the settings, Send to the rest queues them again.
     */
    private Outcome outcome(SendLedger.Due row, EmailProviderException e) {
        String why = clip(e.getMessage());
        if (e.mayHaveSent()) {
            return Outcome.unconfirmed(row.id(), why);
        }
        if (e.permanent()) {
            return Outcome.failed(row.id(), why, false, true);
        }
        return Retries.later(row, why, e.retryAfter().orElse(null), true, properties, clock.instant());
    }

    /** The composed mail in a provider's terms: From as sender, the unsubscribe header fields as extra headers. */
    static OutgoingEmail email(OutgoingMail mail) {
        Map<String, String> headers = new LinkedHashMap<>(mail.headers());
        OutgoingEmail.Mailbox from = mailbox(headers.remove("From"));
        // both providers take Reply-To as a field of its own, and refuse it as a header
        String replyTo = headers.remove("Reply-To");
        return new OutgoingEmail(mail.key(), from, OutgoingEmail.Mailbox.of(mail.to()), mail.subject(), mail.text(),
                mail.html(), headers, replyTo == null ? null : mailbox(replyTo));
    }

    /** A header's address (RFC 2047-encoded name and all) as a provider's address and name. */
    private static OutgoingEmail.Mailbox mailbox(String header) {
        try {
            InternetAddress address = new InternetAddress(header, false);
            return new OutgoingEmail.Mailbox(address.getAddress(), address.getPersonal());
        } catch (AddressException | NullPointerException e) {
            throw new IllegalStateException("An address of the sender settings is not usable: " + e.getMessage(), e);
        }
    }

    private static String clip(String why) {
        return why == null ? null : why.length() > 480 ? why.substring(0, 479) + "…" : why;
    }
}
