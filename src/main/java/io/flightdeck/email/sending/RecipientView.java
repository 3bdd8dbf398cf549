package io.flightdeck.email.sending;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of a send's ledger: who, what became of their message, and why when it did not go.
 *
 * @param providerId the provider's id for the message (Mailjet's MessageID, SendGrid's X-Message-Id); null over SMTP
 * @param deliveredAt when the provider reported it delivered; {@code bouncedAt} and {@code complainedAt} likewise
 */
public record RecipientView(UUID id, UUID contactId, String address, RecipientState state, int attempts,
        String error, boolean permanent, Instant nextAttemptAt, Instant sentAt, Instant updatedAt, String providerId,
        Instant deliveredAt, Instant bouncedAt, Instant complainedAt) {
}
