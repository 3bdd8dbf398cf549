package io.flightdeck.shared.outbound;

import java.time.Duration;
import java.time.Instant;

import io.flightdeck.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The attempt bookkeeping of an item of an outgoing-message ledger, embedded in the item's row: how many attempts were
 * made, when the next is due, the last error in plain words, when the last began, when it went out or was given up,
 * and whether a resend may have doubled it. The item's own state machine says which of these moves it may make; this
 * records them the same way in every ledger, with the item's {@link RetrySchedule}.
 */
@Embeddable
public class Attempts {

    /** The longest reason kept; a longer one is cut with an ellipsis. */
    public static final int MAX_ERROR = 500;

    @Column(name = "attempts", nullable = false)
    private int made;
    @Column(name = "possible_duplicate", nullable = false)
    private boolean possibleDuplicate;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "next_attempt_at")
    private Instant nextAt;
    @Column(name = "sending_at")
    private Instant startedAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "dead_at")
    private Instant deadAt;

    protected Attempts() {
    }

    /** A new item, its first attempt due at {@code at} (null: not before something else makes it due). */
    public static Attempts dueAt(Instant at) {
        Attempts attempts = new Attempts();
        attempts.nextAt = at;
        return attempts;
    }

    /** An attempt begins; the caller commits it before the call, so a crash leaves it visibly started. */
    public void start(Instant now) {
        made++;
        startedAt = now;
        nextAt = null;
    }

    public void succeeded(Instant now) {
        sentAt = now;
        lastError = null;
        nextAt = null;
    }

    /**
     * The attempt failed: answers when the next is due (not before {@code atLeast}, a 429's Retry-After, when given),
     * or null when none is left or retrying cannot help ({@code permanent}), and the item is dead.
     */
    public Instant failed(RetrySchedule schedule, String error, boolean permanent, Duration atLeast, Instant now) {
        lastError = clip(error);
        Instant next = permanent ? null : schedule.next(made, now);
        if (next == null) {
            dead(now);
            return null;
        }
        nextAt = atLeast != null && next.isBefore(now.plus(atLeast)) ? now.plus(atLeast) : next;
        return nextAt;
    }

    /** No more attempts (the recipient or the endpoint is gone): the reason stays for whoever reads the ledger. */
    public void giveUp(String why, Instant now) {
        lastError = clip(why);
        dead(now);
    }

    /** A person asks for it again: a fresh round of attempts, the first due now. */
    public void again(Instant now) {
        made = 0;
        deadAt = null;
        nextAt = now;
    }

    /** The next attempt waits until then (quiet hours, a mute). */
    public void holdUntil(Instant at) {
        nextAt = at;
    }

    /** A resend after an attempt that may have gone out: whoever reads the ledger is told. */
    public void markPossibleDuplicate() {
        possibleDuplicate = true;
    }

    /** A look-up showed the cut-off attempt delivered nothing, so the resend is no duplicate. */
    public void notADuplicate() {
        possibleDuplicate = false;
    }

    private void dead(Instant now) {
        deadAt = now;
        nextAt = null;
    }

    private static String clip(String why) {
        return Text.cut(why, MAX_ERROR);
    }

    public int made() {
        return made;
    }

    public boolean possibleDuplicate() {
        return possibleDuplicate;
    }

    public String lastError() {
        return lastError;
    }

    public Instant nextAt() {
        return nextAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant deadAt() {
        return deadAt;
    }
}
