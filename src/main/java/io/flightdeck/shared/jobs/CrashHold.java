package io.flightdeck.shared.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault injection for a crash test, off unless its property names one of its boundaries: the thread that reaches the
 * armed boundary logs {@code HOLDING at <boundary> for <what>} and stops there for good, so the test can kill the JVM
 * (SIGKILL) at exactly that point and show what the restarted application makes of it. Never set in production.
 * <p>
 * A boundary alone ({@code after-send}) holds every thread that reaches it. With counts
 * ({@code before-send:2,after-send:2}) each boundary holds only its first threads and lets later ones pass on, so one
 * application can be killed with work stopped at every boundary at once: the test sends its items in waves, the first
 * wave stopping at the first boundary, the next passing it and stopping at the second. One kill and one restart then
 * prove every boundary, instead of a pair of JVMs for each.
 */
public final class CrashHold {

    private static final Logger log = LoggerFactory.getLogger(CrashHold.class);

    /** The armed boundaries and how many more threads each holds (-1: every one). */
    private final Map<String, AtomicInteger> armed;

    private CrashHold(Map<String, AtomicInteger> armed) {
        this.armed = armed;
    }

    /** Armed as {@code value} says (boundaries, each with an optional {@code :count}), or off when it is empty. */
    public static CrashHold of(String property, String value, Set<String> boundaries) {
        Map<String, AtomicInteger> armed = new LinkedHashMap<>();
        for (String part : value.isBlank() ? new String[0] : value.split(",")) {
            String[] boundaryAndCount = part.trim().split(":", 2);
            int count = -1;
            if (boundaryAndCount.length == 2) {
                try {
                    count = Integer.parseInt(boundaryAndCount[1]);
                } catch (NumberFormatException e) {
                    count = 0;
                }
                if (count < 1) {
                    throw new IllegalArgumentException(property + ": a count must be a whole number above 0, not "
                            + boundaryAndCount[1]);
                }
            }
            if (!boundaries.contains(boundaryAndCount[0])) {
                throw new IllegalArgumentException(property + " must name boundaries of " + boundaries
                        + " (each with an optional :count) or be empty, not " + value);
            }
            armed.put(boundaryAndCount[0], new AtomicInteger(count));
        }
        return new CrashHold(Map.copyOf(armed));
    }

    /**
     * Returns at once, unless this is an armed boundary that still holds threads: then holds until the JVM dies (or
     * the thread is interrupted).
     */
    public void reached(String boundary, String what) {
        AtomicInteger left = armed.get(boundary);
        if (left == null || left.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
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
