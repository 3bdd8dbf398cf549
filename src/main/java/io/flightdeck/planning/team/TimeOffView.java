package io.flightdeck.planning.team;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member's days off, both ends included; {@code days} counts calendar days. */
public record TimeOffView(UUID id, UUID userId, LocalDate startsOn, LocalDate endsOn, int days, String reason,
        Instant createdAt) {

    /** Over before {@code today}. */
    public boolean pastOn(LocalDate today) {
        return endsOn.isBefore(today);
    }
}
