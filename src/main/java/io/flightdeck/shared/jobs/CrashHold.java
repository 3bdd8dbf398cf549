package io.flightdeck.shared.jobs;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault injection for a crash test, off unless its property names one of its boundaries: the thread that reaches the
 * armed boundary logs {@code HOLDING at <boundary> for <what>} and stops there for good, so the test can kill the JVM
 * (SIGKILL) at exactly that point and show what the restarted application makes of it. Never set in production.
 */
public final class CrashHold {

    private static final Logger log = LoggerFactory.getLogger(CrashHold.class);

    private final String armed;

    private CrashHold(String armed) {
        this.armed = armed;
    }

    /** Armed at {@code value} (one of the boundaries), or off when the value is empty. */
    public static CrashHold of(String property, String value, Set<String> boundaries) {
        if (!value.isEmpty() && !boundaries.contains(value)) {
            throw new IllegalArgumentException(property + " must be one of " + boundaries + " or empty, not " + value);
        }
        return new CrashHold(value);
    }

    /** Returns at once, unless this is the armed boundary: then holds until the JVM dies (or the thread is interrupted). */
    public void reached(String boundary, String what) {
        if (!boundary.equals(armed)) {
            return;
        }
        log.warn("HOLDING at {} for {}", boundary, what);
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            // a shutdown: end the step as a crash would, leaving the object where it stands
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while holding at " + boundary, e);
        }
    }
}
