package io.flightdeck.publishing.posts;

import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fault injection for the crash harness ({@code PublishingCrashTests}), off unless
 * {@code flightdeck.publishing.hold-at} names a boundary of an attempt: {@code before-call} (the attempt committed as
 * publishing, the network not called yet), {@code after-call} (the network answered, nothing recorded yet) or
 * {@code after-record} (published and committed, the step not yet back in db-scheduler). The runner thread that
 * reaches it logs one line and stops there for good, so that a test can kill the JVM (SIGKILL) at exactly that point
 * and show that the restarted application neither loses nor doubles a post. Never set it in production.
 */
@Component
class CrashPoints {

    static final Set<String> BOUNDARIES = Set.of("before-call", "after-call", "after-record");

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

    private final String holdAt;

    CrashPoints(@Value("${flightdeck.publishing.hold-at:}") String holdAt) {
        if (!holdAt.isEmpty() && !BOUNDARIES.contains(holdAt)) {
            throw new IllegalArgumentException("flightdeck.publishing.hold-at must be one of " + BOUNDARIES
                    + " or empty, not " + holdAt);
        }
        this.holdAt = holdAt;
    }

    /** Returns at once, unless this is the armed boundary: then holds until the JVM dies (or the thread is interrupted). */
    void reached(String boundary, UUID channelPostId) {
        if (!boundary.equals(holdAt)) {
            return;
        }
        log.warn("HOLDING at {} for channel post {}", boundary, channelPostId);
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            // a shutdown: end the step as a crash would, leaving the post where it stands
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while holding at " + boundary, e);
        }
    }
}
