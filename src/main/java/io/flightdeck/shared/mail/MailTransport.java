package io.flightdeck.shared.mail;

import java.util.Optional;
import java.util.UUID;

/**
 * How this installation hands mail on: the outbox (the default, {@code .eml} files an admin opens in the app) or SMTP
 * ({@code flightdeck.mail.transport=smtp} with {@code spring.mail.*}). Callers keep a ledger row per mail, written
 * before {@link #send}, and ask {@link #sent} after a crash before sending again.
 */
public interface MailTransport {

    /** Hands the mail on, or throws {@link MailFailure}. */
    default void send(OutgoingMail mail) {
        send(mail, () -> {
        });
    }

    /**
     * Hands the mail on, running {@code handOver} at the last moment it has not yet left: over SMTP just before the
     * end of the message's data (a server discards a message whose data never ended, so a mail whose hand-over did
     * not run was not sent), in the outbox just before its file is moved into place. A sender commits there that the
     * mail is leaving, so after a crash it knows which mails may have gone; if {@code handOver} throws, the mail is
     * abandoned unsent and the exception passes through.
     */
    void send(OutgoingMail mail, Runnable handOver);

    /**
     * Whether the mail with this key went out: yes or no when this transport can tell (the outbox looks for its
     * file), empty when it cannot (an SMTP server keeps no record a client can ask for).
     */
    Optional<Boolean> sent(UUID workspaceId, String key);

    /** “outbox” or “smtp”, for the delivery log. */
    String name();
}
