package io.flightdeck.email.providers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One email to one recipient, as a provider adapter sends it. The ledger key is Flightdeck's idempotency key for the
 * send, recorded before the call; it travels with the message (Mailjet's {@code CustomID}, a SendGrid custom argument)
 * and comes back on every event, so it must name the ledger row and hold no personal data.
 * <p>
 * {@code headers} are extra lines such as {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}; the headers that
 * the fields above already set (From, To, Subject and the like) are refused here, because both providers refuse them
 * too and would say so only after the call. {@code List-Unsubscribe-Post} is kept only beside a {@code List-Unsubscribe}
 * with an https address: RFC 8058 offers one-click unsubscribe over https alone, and an adapter that adds the header
 * fields itself goes through this record too. {@code toString} names the ledger key and the header names only: the
 * addresses and the content are personal data and stay out of logs.
 *
 * @param text the plain-text part; {@code html} the HTML part; at least one of them
 * @param replyTo where replies go, when not to the sender; null for the sender
 */
public record OutgoingEmail(String ledgerKey, Mailbox from, Mailbox to, String subject, String text, String html,
        Map<String, String> headers, Mailbox replyTo) {

    /** Headers the record's own fields set; both providers refuse them as extra headers. */
    static final Set<String> RESERVED_HEADERS = Set.of("from", "to", "cc", "bcc", "subject", "reply-to", "sender",
            "content-type", "content-transfer-encoding", "mime-version", "message-id", "date");

    /** An address with an optional display name. */
    public record Mailbox(String email, String name) {

        public Mailbox {
            if (email == null || email.isBlank()) {
                throw new IllegalArgumentException("A mailbox needs an email address");
            }
        }

        public static Mailbox of(String email) {
            return new Mailbox(email, null);
        }

        @Override
        public String toString() {
            return "Mailbox[…]";
        }
    }

    public OutgoingEmail {
        if (ledgerKey == null || ledgerKey.isBlank()) {
            throw new IllegalArgumentException("An outgoing email needs its ledger key");
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("An outgoing email needs a sender and a recipient");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("An outgoing email needs a subject");
        }
        if (isBlank(text) && isBlank(html)) {
            throw new IllegalArgumentException("An outgoing email needs a text part, an HTML part or both");
        }
        Map<String, String> extra = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
        for (String name : extra.keySet()) {
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("The " + name + " header is set from the email's own fields");
            }
        }
        if (!oneClickAllowed(extra)) {
            extra.keySet().removeIf(name -> name.equalsIgnoreCase("List-Unsubscribe-Post"));
        }
        headers = Collections.unmodifiableMap(extra);
    }

    /** An email whose replies go to the sender. */
    public OutgoingEmail(String ledgerKey, Mailbox from, Mailbox to, String subject, String text, String html,
            Map<String, String> headers) {
        this(ledgerKey, from, to, subject, text, html, headers, null);
    }

    /** Whether {@code List-Unsubscribe} offers an https address, as one-click unsubscribe needs (RFC 8058, section 3.1). */
    private static boolean oneClickAllowed(Map<String, String> headers) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("List-Unsubscribe"))
                .anyMatch(h -> h.getValue() != null && h.getValue().toLowerCase(Locale.ROOT).contains("<https://"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "OutgoingEmail[ledgerKey=" + ledgerKey + ", headers=" + headers.keySet() + "]";
    }
}
