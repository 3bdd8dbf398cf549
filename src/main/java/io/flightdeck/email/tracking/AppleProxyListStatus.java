package io.flightdeck.email.tracking;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where this installation's copy of Apple's egress list stands.
 *
 * @param address    where the daily job fetches it from; null when no address is set (the built-in ranges apply)
 * @param source     where the copy in use came from; null before the first good fetch
 * @param ranges     the ranges in the copy in use; 0 before the first good fetch
 * @param fetchedAt  when the copy in use was fetched
 * @param attemptedAt when the job last tried
 * @param error      why the last try failed; null when it did not
 * @param builtInRanges the ranges that apply until a first good fetch
 */
public record AppleProxyListStatus(@Schema(example = "https://mask-api.icloud.com/egress-ip-ranges.csv") String address,
        @Schema(example = "https://mask-api.icloud.com/egress-ip-ranges.csv") String source,
        @Schema(example = "291842") int ranges, Instant fetchedAt, Instant attemptedAt,
        @Schema(example = "Apple's egress list answered 503") String error,
        @Schema(example = "4") int builtInRanges) {

    /** Whether Apple's whole list is in use, rather than the built-in ranges. */
    public boolean fullList() {
        return fetchedAt != null;
    }

    /** Whether the last try failed, whatever copy is in use. */
    public boolean failing() {
        return error != null;
    }
}
