package io.flightdeck.guidance.recommendations;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.flightdeck.shared.crypto.Hashing;

/**
 * A recommendation's evidence reduced to coarse buckets and hashed, so that a dismissed recommendation stays away
 * while its figures wiggle and comes back when they change materially. The buckets:
 * <ul>
 *   <li>a share or ratio (a click rate against the workspace's, spend against the plan) falls in steps of 10 %
 *   of its reference, rounded down: 34 % and 37 % are one bucket, 41 % the next;</li>
 *   <li>a count (recipients that failed, posts to move) falls in powers of two: 1, 2 to 3, 4 to 7, 8 to 15 and so on;</li>
 *   <li>a set of objects (the failed posts, the best posting slots) counts as it is, so one more failed post is a
 *   change.</li>
 * </ul>
 * A figure right at a bucket's edge can cross it with a small move; that is the price of buckets, and it errs toward
 * showing the recommendation again.
 */
final class EvidenceFingerprint {

    private EvidenceFingerprint() {
    }

    /** The fingerprint of the bucketed parts, in order. */
    static String of(Object... parts) {
        String joined = Stream.of(parts).map(Objects::toString).collect(Collectors.joining("|"));
        return Hashing.sha256Hex(joined).substring(0, 32);
    }

    /** The 10 % step a share falls in: 0.34 is step 3, 1.35 is step 13. */
    static long tenPercentStep(double share) {
        // the small nudge keeps a share computed as 0.29999999999999993 in the step of 0.3
        return (long) Math.floor(share * 10 + 1e-9);
    }

    /** The power of two a count falls in: 0 for none, 1 for one, 2 for two or three, 3 for four to seven. */
    static int powerOfTwo(long count) {
        return count <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(count);
    }

    /** A set of ids in a stable order. */
    static String set(Collection<?> ids) {
        return ids.stream().map(Objects::toString).sorted().distinct().collect(Collectors.joining(","));
    }
}
