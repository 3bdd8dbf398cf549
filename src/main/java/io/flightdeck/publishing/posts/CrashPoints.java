package io.flightdeck.publishing.posts;

import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.jobs.CrashHold;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fault injection for the crash harness ({@code PublishingCrashTests}), off unless
 * {@code flightdeck.publishing.hold-at} names a boundary of an attempt: {@code before-call} (the attempt committed as
 * publishing, the network not called yet), {@code after-call} (the network answered, nothing recorded yet) or
 * {@code after-record} (published and committed, the step not yet back in db-scheduler). See {@link CrashHold}.
 */
@Component
class CrashPoints {

    static final Set<String> BOUNDARIES = Set.of("before-call", "after-call", "after-record");

    private final CrashHold hold;

    CrashPoints(@Value("${flightdeck.publishing.hold-at:}") String holdAt) {
        this.hold = CrashHold.of("flightdeck.publishing.hold-at", holdAt, BOUNDARIES);
    }

    /** Returns at once, unless this is the armed boundary: then holds until the JVM dies (or the thread is interrupted). */
    void reached(String boundary, UUID channelPostId) {
        hold.reached(boundary, "channel post " + channelPostId);
    }
}
