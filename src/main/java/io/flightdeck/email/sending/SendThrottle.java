package io.flightdeck.email.sending;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.LocalBucketBuilder;
import org.springframework.stereotype.Component;

/**
 * This node's pace for campaign mail: token buckets (Bucket4j) for the rate a second and the quota an hour, shared
 * by every send on the node. The second's bucket holds a tenth of a second's tokens, so a run starts without a burst
 * and the measured rate stays within a few per cent of the setting.
 */
@Component
class SendThrottle {

    private final Bucket bucket;

    SendThrottle(SendingProperties properties) {
        LocalBucketBuilder builder = Bucket.builder();
        boolean limited = false;
        if (properties.ratePerSecond() > 0) {
            int rate = properties.ratePerSecond();
            builder.addLimit(Bandwidth.builder().capacity(Math.max(1, rate / 10))
                    .refillGreedy(rate, Duration.ofSeconds(1)).initialTokens(0).build());
            limited = true;
        }
        if (properties.ratePerHour() > 0) {
            builder.addLimit(Bandwidth.builder().capacity(properties.ratePerHour())
                    .refillGreedy(properties.ratePerHour(), Duration.ofHours(1)).build());
            limited = true;
        }
        this.bucket = limited ? builder.build() : null;
    }

    /** Waits for the next message's turn. */
    void acquire() throws InterruptedException {
        if (bucket != null) {
            bucket.asBlocking().consume(1);
        }
    }
}
