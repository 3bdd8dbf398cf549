package io.flightdeck.mcp.server;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a tool that changes something answers, in a dry run and in the confirmed call alike.
 *
 * @param <T> what the tool makes or changes, in the shape its REST endpoint answers
 */
record WriteOutcome<T>(
        @Schema(description = "true: nothing was changed, this is what the call would do; call again with the "
                + "confirmation to do it") boolean dryRun,
        @Schema(description = "As it stood before the change; null when the call makes something new") @Nullable T before,
        @Schema(description = "As it is after the change (in a dry run: as it would be)") T after,
        @Schema(description = "The fields whose value changes, with the value before and after") List<Change> changes,
        @Schema(description = "A dry run's confirmation: pass it as `confirmation` with the same arguments, before it "
                + "expires, to make exactly this change; null once done") @Nullable String confirmation,
        @Schema(description = "When the confirmation expires") @Nullable Instant confirmationExpiresAt,
        @Schema(description = "true when this confirmation had been used already: the change was made once, and "
                + "this is that call's answer again") boolean replayed) {

    /** One field that changes. */
    record Change(String field, @Nullable Object from, @Nullable Object to) {
    }
}
