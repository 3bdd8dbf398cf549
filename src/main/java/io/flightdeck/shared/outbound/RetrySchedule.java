package io.flightdeck.shared.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * {@code attempts} attempts in all, the pause doubling after each failure: the first pause, twice it, four times,
     * and so on, at most {@code 2^maxDoublings} times the first (a send to many recipients, a post, a render).
     */
    public static RetrySchedule doubling(Duration first, int attempts, int maxDoublings) {
        List<Duration> pauses = new ArrayList<>();
        for (int failed = 0; failed < attempts - 1; failed++) {
            pauses.add(first.multipliedBy(1L << Math.min(failed, maxDoublings)));
        }
        return new RetrySchedule(pauses);
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
