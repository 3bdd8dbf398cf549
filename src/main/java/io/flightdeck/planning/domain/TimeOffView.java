package io.flightdeck.planning.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A member's days off, both ends included; {@code days} counts calendar days. */
public record TimeOffView(UUID id, UUID userId, LocalDate startsOn, LocalDate endsOn, int days, String reason,
        Instant createdAt) {

    static TimeOffView of(TimeOff off) {
        return new TimeOffView(off.getId(), off.getUserId(), off.getStartsOn(), off.getEndsOn(),
                (int) ChronoUnit.DAYS.between(off.getStartsOn(), off.getEndsOn()) + 1, off.getReason(),
                off.getCreatedAt());
    }

    /** Over before {@code today}. */
    public boolean pastOn(LocalDate today) {
        return endsOn.isBefore(today);
    }
}
