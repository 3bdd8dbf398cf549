package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalState;
import org.jspecify.annotations.Nullable;

/** One history line: {@code actor} {@code verb} at stage {@code stage}, moving {@code from} → {@code to}. */
public record HistoryView(UUID id, String kind, String verb, @Nullable ApprovalState from, ApprovalState to,
        String stage, Integer stageNumber, @Nullable UUID actorId, String actor, @Nullable String comment, Instant at) {
}
