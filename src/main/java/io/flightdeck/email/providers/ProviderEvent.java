package io.flightdeck.email.providers;

import java.time.Instant;

/**
 * One thing that happened to a sent message, as Mailjet's or SendGrid's event webhook reported it, in one vocabulary.
 * {@code toString} leaves out the address, IP and user agent: they are personal data and stay out of logs.
 *
 * @param dedupKey the same for the same event however often the provider posts it: SendGrid's {@code sg_event_id}; for
 *        Mailjet, which gives events no id, a hash of the event type, message id, time and link
 * @param ledgerKey the ledger key the message was sent with ({@code CustomID}, the SendGrid custom argument); null for
 *        a message Flightdeck did not send or an event that lost it
 * @param providerMessageId Mailjet's {@code MessageID}, SendGrid's {@code sg_message_id}
 * @param url the link clicked, for {@link Kind#CLICKED}
 */
public record ProviderEvent(Provider provider, Kind kind, String dedupKey, String ledgerKey, String providerMessageId,
        String email, Instant at, String url, String userAgent, String ip) {

    public enum Provider {
        MAILJET, SENDGRID
    }

    public enum Kind {
        /** the receiving server accepted the message (Mailjet {@code sent}, SendGrid {@code delivered}) */
        DELIVERED,
        /** the address cannot receive mail: stop sending to it */
        BOUNCED_HARD,
        /** the receiving server refused this time (full mailbox, a block it may lift) */
        BOUNCED_SOFT,
        /** the recipient reported the message as spam: stop sending to them */
        COMPLAINED,
        /** the recipient unsubscribed through the provider's own link */
        UNSUBSCRIBED,
        OPENED,
        CLICKED,
        /** the receiving server asked the provider to try again later; it will */
        DEFERRED,
        /** the provider did not send the message at all (a suppressed or blocked address) */
        DROPPED
    }

    @Override
    public String toString() {
        return "ProviderEvent[provider=" + provider + ", kind=" + kind + ", dedupKey=" + dedupKey + ", ledgerKey="
                + ledgerKey + ", providerMessageId=" + providerMessageId + ", at=" + at + "]";
    }
}
