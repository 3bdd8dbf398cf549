package io.flightdeck.shared.outbound;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One item of an outgoing-message ledger as an admin reads it.
 *
 * @param what          what goes out, in words ("Email: Approval requested for Spring launch")
 * @param to            who or where it goes: a person, an address, an endpoint
 * @param ownState      the ledger's own word for the state, as its own page shows it
 * @param reason        the last error in plain words; null when there was none
 * @param attempts      attempts made so far; null where the ledger does not count them (a person retries a report run)
 * @param at            when it was written, or last moved where the ledger does not keep when it was written
 * @param nextAttemptAt when the next attempt is due; null when none is
 * @param retriable     whether a person may send it again from the operations page now
 * @param link          the page of the thing it belongs to (an email, an endpoint, a schedule); null when none
 */
public record LedgerItem(UUID id, String what, String to, LedgerState state, String ownState, @Nullable String reason,
        @Nullable Integer attempts, Instant at, @Nullable Instant nextAttemptAt, boolean retriable,
        @Nullable String link) {
}
