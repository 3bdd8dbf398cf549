package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;

/** @param active whether it is in force right now */
public record DelegationView(UUID id, UUID delegatorId, String delegator, UUID delegateId, String delegate,
        Instant startsAt, Instant endsAt, String note, boolean active, boolean revoked) {
}
