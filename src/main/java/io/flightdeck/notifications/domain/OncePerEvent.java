package io.flightdeck.notifications.domain;

import java.time.Duration;

import io.flightdeck.shared.persistence.ConcurrentWrites;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a trigger runs: its reads (who is concerned) and its writes (the notifications) in one transaction, so a
 * listener holds one connection at a time. Reads made outside a transaction in a listener keep their connection until
 * the listener ends, and the writes' transaction then needs a second: a few listeners at once emptied the pool and
 * waited on each other. Two deliveries of one event can also run at once (a resubmitted publication beside a slow
 * first one): both find nobody notified yet, and the unique (recipient, event) key refuses the second writer. Run
 * again in a new transaction, it finds the first one's rows and writes nothing.
 */
@Component
class OncePerEvent {

    private static final RetryTemplate AGAIN = ConcurrentWrites.retrying(
            e -> e instanceof DataIntegrityViolationException, 3, Duration.ofMillis(5));

    private final TransactionTemplate tx;

    OncePerEvent(TransactionTemplate tx) {
        this.tx = tx;
    }

    /** Runs the trigger in one transaction, again in a new one if a racing writer got there first. Call it in scope. */
    void run(Runnable trigger) {
        AGAIN.invoke(() -> {
            tx.executeWithoutResult(status -> trigger.run());
            return null;
        });
    }
}
