package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** @param active whether it is in force right now */
public record DelegationView(UUID id, UUID delegatorId, String delegator, UUID delegateId, String delegate,
        Instant startsAt, Instant endsAt, @Nullable String note, boolean active, boolean revoked) {
}
