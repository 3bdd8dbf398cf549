package io.flightdeck.shared.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The pauses between a ledger item's attempts: after the first fails the next is due after the first pause, and so
 * on; after the last pause's attempt fails there is none left and the item is dead. Each ledger names its own
 * schedule (a member's mail waits minutes, a webhook follows Standard Webhooks' hours), and {@link Attempts} applies it.
 */
public record RetrySchedule(List<Duration> pauses) {

    public RetrySchedule {
        pauses = List.copyOf(pauses);
    }

    public static RetrySchedule of(Duration... pauses) {
        return new RetrySchedule(List.of(pauses));
    }

    /** How many attempts an item gets in all. */
    public int attempts() {
        return pauses.size() + 1;
    }

    /** When the attempt after {@code made} failed ones is due, or null when none is left. */
    public Instant next(int made, Instant now) {
        return made < 1 || made > pauses.size() ? null : now.plus(pauses.get(made - 1));
    }
}
