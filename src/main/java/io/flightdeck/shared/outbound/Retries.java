package io.flightdeck.shared.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The retry bookkeeping of work handed to another service under an idempotency key until it lands, embedded in the
 * row that owns the work (a post on a channel, a render job): the attempt number, which with the row's id is the key;
 * the retries made and allowed; and when the next one is due. The owner's state machine says which move it may make;
 * this keeps the count and the doubling pause ({@link RetrySchedule#doubling}) the same everywhere. (A ledger of messages, which gives up after a
 * schedule rather than a count, embeds {@link Attempts} instead.)
 */
@Embeddable
public class Retries {

    /** Doubling stops here: 2^16 times the first pause is already more than a month of thirty-second pauses. */
    private static final int MAX_DOUBLINGS = 16;

    @Column(name = "attempt", nullable = false)
    private int attempt;
    @Column(name = "retry_count", nullable = false)
    private int made;
    @Column(name = "max_retries", nullable = false)
    private int allowed;
    @Column(name = "next_attempt_at")
    private Instant nextAt;

    protected Retries() {
    }

    public Retries(int allowed) {
        this.allowed = allowed;
    }

    /** The next attempt begins; answers its number. */
    public int start() {
        attempt++;
        nextAt = null;
        return attempt;
    }

    /** The key the current attempt is sent under: the same when it is sent again, a new one for the next attempt. */
    public String key(UUID owner) {
        return owner + ":" + attempt;
    }

    /** The other side never received the current attempt: the next start sends it again, under the same key. */
    public void sameKeyNextTime() {
        attempt--;
    }

    /**
     * A failed attempt. While trying again could fix it and retries remain, the next is due after a pause that doubles
     * with each retry, or after {@code atLeast} when the other side asked for longer (null: it did not).
     *
     * @return when the next attempt is due; null when it failed for good
     */
    public Instant failed(boolean retryable, Duration firstPause, Duration atLeast, Instant now) {
        Instant next = retryable ? RetrySchedule.doubling(firstPause, allowed + 1, MAX_DOUBLINGS).next(made + 1, now)
                : null;
        if (next == null) {
            nextAt = null;
            return null;
        }
        made++;
        nextAt = atLeast != null && next.isBefore(now.plus(atLeast)) ? now.plus(atLeast) : next;
        return nextAt;
    }

    /**
     * The other side asked to wait before it did anything (a rate limit): the next attempt is due then, and the wait
     * is not counted as a retry, since nothing failed.
     */
    public Instant held(Duration wait, Instant now) {
        nextAt = now.plus(wait);
        return nextAt;
    }

    /** A person starts the work over: the retries count from none again. */
    public void restart() {
        made = 0;
        nextAt = null;
    }

    /** Nothing more is due (cancelled, missed, done). */
    public void stop() {
        nextAt = null;
    }

    public int attempt() {
        return attempt;
    }

    public int made() {
        return made;
    }

    public int allowed() {
        return allowed;
    }

    /** When the next attempt is due after a failure; null when none is waiting. */
    public Instant nextAt() {
        return nextAt;
    }
}
