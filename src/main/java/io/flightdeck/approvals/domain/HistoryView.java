package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalState;

/** One history line: {@code actor} {@code verb} at stage {@code stage}, moving {@code from} → {@code to}. */
public record HistoryView(UUID id, String kind, String verb, ApprovalState from, ApprovalState to, String stage,
        Integer stageNumber, UUID actorId, String actor, String comment, Instant at) {
}
