package io.flightdeck.email.sending;

import java.time.Instant;
import java.util.UUID;

/** One row of a send's ledger: who, what became of their message, and why when it did not go. */
public record RecipientView(UUID id, UUID contactId, String address, RecipientState state, int attempts,
        String error, boolean permanent, Instant nextAttemptAt, Instant sentAt, Instant updatedAt) {
}
