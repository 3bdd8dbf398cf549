package io.flightdeck.email.sending;

import java.util.Map;

/**
 * How far a send has gone, from its ledger: every row is in exactly one count, so they add up to the total.
 *
 * @param handedOver given to the server, its answer not yet recorded: on its way, or left so by a crash (unconfirmed)
 * @param held waiting for an A/B test's winner
 * @param notReached queued, held, failed and skipped: the people who did not get it (yet)
 */
public record SendProgress(long total, long queued, long held, long handedOver, long sent, long delivered, long bounced,
        long complained, long failed, long skipped, long notReached, int percentDone) {

    static SendProgress of(Map<RecipientState, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long queued = n(counts, RecipientState.QUEUED);
        long failed = n(counts, RecipientState.FAILED);
        long skipped = n(counts, RecipientState.SKIPPED);
        long held = n(counts, RecipientState.HELD);
        int percent = total == 0 ? 0 : (int) Math.floor(100.0 * (total - queued - held) / total);
        return new SendProgress(total, queued, held, n(counts, RecipientState.HANDED_OVER), n(counts, RecipientState.SENT),
                n(counts, RecipientState.DELIVERED), n(counts, RecipientState.BOUNCED),
                n(counts, RecipientState.COMPLAINED), failed, skipped, queued + held + failed + skipped, percent);
    }

    private static long n(Map<RecipientState, Long> counts, RecipientState state) {
        return counts.getOrDefault(state, 0L);
    }
}
