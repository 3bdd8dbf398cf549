package io.flightdeck.email.sending;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * How long a message sent over SMTP is in doubt around its hand-over, as the timer {@code flightdeck.email.hand-over}:
 * {@code part="commit"} is the hand-over's own commit, and {@code part="answer"} runs from that commit to the server's
 * answer to the line that ends the data. A process killed within either leaves its row unconfirmed. The hand-over is
 * committed after the data and before that line (HandOverSmtpTransport), so the answer part is one round trip of the
 * line and its reply: the protocol allows none shorter.
 */
@Component
class HandOverTimes {

    private final Timer commit;
    private final Timer answer;

    HandOverTimes(MeterRegistry registry) {
        this.commit = timer(registry, "commit", "The hand-over's commit of an SMTP message");
        this.answer = timer(registry, "answer", "From the hand-over's commit to the server's answer to the end of data");
    }

    private static Timer timer(MeterRegistry registry, String part, String description) {
        return Timer.builder("flightdeck.email.hand-over").tag("part", part).description(description)
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Records the commit begun at {@code startNanos} ({@link System#nanoTime()}); returns when it ended. */
    long committed(long startNanos) {
        long now = System.nanoTime();
        commit.record(now - startNanos, TimeUnit.NANOSECONDS);
        return now;
    }

    /** Records the server's answer to a message whose hand-over was committed at {@code committedNanos}. */
    void answered(long committedNanos) {
        answer.record(System.nanoTime() - committedNanos, TimeUnit.NANOSECONDS);
    }
}
