package io.flightdeck.email.sending;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of a send's ledger: who, what became of their message, and why when it did not go.
 *
 * @param providerId the provider's id for the message (Mailjet's MessageID, SendGrid's X-Message-Id); null over SMTP
 * @param deliveredAt when the provider reported it delivered; {@code bouncedAt} and {@code complainedAt} likewise
 */
public record RecipientView(UUID id, UUID contactId, String address, RecipientState state, int attempts,
        @Nullable String error, boolean permanent, Instant nextAttemptAt, @Nullable Instant sentAt, Instant updatedAt,
        @Nullable String providerId, @Nullable Instant deliveredAt, @Nullable Instant bouncedAt,
        @Nullable Instant complainedAt, @Nullable Instant resentAt) {
}
