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
    void send(OutgoingMail mail);

    /**
     * Whether the mail with this key went out: yes or no when this transport can tell (the outbox looks for its
     * file), empty when it cannot (an SMTP server keeps no record a client can ask for).
     */
    Optional<Boolean> sent(UUID workspaceId, String key);

    /** “outbox” or “smtp”, for the delivery log. */
    String name();
}
