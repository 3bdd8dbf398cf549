package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

import io.flightdeck.shared.persistence.ConcurrentWrites;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Two deliveries of one event can run at once (a resubmitted publication beside a slow first one): both find nobody
 * notified yet, and the unique (recipient, event) key refuses the second writer. Tried again, it finds the first one's
 * rows and writes nothing.
 */
final class OncePerEvent {

    private static final RetryTemplate AGAIN = ConcurrentWrites.retrying(
            e -> e instanceof DataIntegrityViolationException, 3, Duration.ofMillis(5));

    private OncePerEvent() {
    }

    static int notify(Notifier notifier, NotificationDraft draft, Collection<UUID> recipients) {
        return AGAIN.invoke(() -> notifier.notify(draft, recipients));
    }
}
