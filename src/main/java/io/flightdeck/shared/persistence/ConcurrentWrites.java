package io.flightdeck.shared.persistence;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Writes that may meet another writer of the same rows (a job and a person, two nodes) and start again on the rows as
 * they are now: Spring's {@link RetryTemplate}, one policy per kind of clash, so no module writes its own loop.
 */
public final class ConcurrentWrites {

    /** A version clash: tried three times at once (the work reads its rows afresh each time), then the last error. */
    private static final RetryTemplate OPTIMISTIC = new RetryTemplate(RetryPolicy.builder()
            .includes(OptimisticLockingFailureException.class).maxRetries(2).delay(Duration.ofMillis(1)).build());

    private ConcurrentWrites() {
    }

    /** Runs {@code work} (its own transaction) again when another write changed its rows meanwhile. */
    public static <T> T retryingOnClash(Supplier<T> work) {
        return OPTIMISTIC.invoke(work);
    }

    public static void retryingOnClash(Runnable work) {
        OPTIMISTIC.invoke(work);
    }

    /**
     * A policy for clashes the caller recognises ({@code clash}), tried {@code attempts} times with a growing pause from
     * {@code firstPause}; after the last the caller's {@code invoke} gets the last error.
     */
    public static RetryTemplate retrying(Predicate<Throwable> clash, int attempts, Duration firstPause) {
        return new RetryTemplate(RetryPolicy.builder().predicate(clash).maxRetries(attempts - 1L).delay(firstPause)
                .multiplier(2).maxDelay(firstPause.multipliedBy(20)).jitter(firstPause.dividedBy(2)).build());
    }
}
