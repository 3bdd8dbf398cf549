package io.flightdeck.email.sending;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.email.providers.EmailProviderException;
import io.flightdeck.email.providers.OutgoingEmail;
import io.flightdeck.email.providers.SendResult;
import io.flightdeck.shared.mail.OutgoingMail;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Component;

/**
 * What the provider channels share ({@link MailjetChannel}, {@link SendGridChannel}): the composed mail in a
 * provider's terms, and a provider's answer as a row's outcome. A refusal of the message fails that recipient with the
 * provider's words; a provider that asked to wait (429) or failed (5xx) puts them back in the queue; a call whose
 * answer was lost leaves them handed over, unconfirmed.
 * <p>
 * Only the ledger key travels as Mailjet's CustomID or SendGrid's custom argument: no address or name.
 */
@Component
class ProviderSending {

    private final SendingProperties properties;
    private final Clock clock;

    ProviderSending(SendingProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Outcome outcome(SendLedger.Due row, SendResult result, String provider) {
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
    Outcome outcome(SendLedger.Due row, EmailProviderException e) {
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
