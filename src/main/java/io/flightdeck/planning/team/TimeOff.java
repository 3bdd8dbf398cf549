package io.flightdeck.planning.team;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A member's days off, both ends inclusive. */
@Entity
@Table(name = "team_time_off")
class TimeOff extends TenantOwnedEntity {

    private UUID userId;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String reason;
    private Instant createdAt;

    protected TimeOff() {
    }

    TimeOff(UUID userId, LocalDate startsOn, LocalDate endsOn, String reason, Instant now) {
        this.userId = userId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.reason = reason;
        this.createdAt = now;
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    UUID getUserId() {
        return userId;
    }

    LocalDate getStartsOn() {
        return startsOn;
    }

    LocalDate getEndsOn() {
        return endsOn;
    }

    String getReason() {
        return reason;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
