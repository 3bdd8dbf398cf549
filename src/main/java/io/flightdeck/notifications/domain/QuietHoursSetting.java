package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A member's quiet hours and mute as stored: one row per member and workspace, made on the first change. */
@Entity
@Table(name = "notification_quiet_hours")
class QuietHoursSetting extends VersionedEntity {

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "start_time", nullable = false)
    private String startTime;
    @Column(name = "end_time", nullable = false)
    private String endTime;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @Column(name = "muted_until")
    private Instant mutedUntil;

    protected QuietHoursSetting() {
    }

    QuietHoursSetting(UUID memberId, ZoneId zone, Instant now) {
        this.memberId = memberId;
        this.startTime = QuietHours.NONE.start().toString();
        this.endTime = QuietHours.NONE.end().toString();
        this.timeZone = zone.getId();
        this.updatedAt = now;
    }

    void window(boolean on, LocalTime start, LocalTime end, ZoneId zone, Instant now) {
        enabled = on;
        startTime = start.toString();
        endTime = end.toString();
        timeZone = zone.getId();
        updatedAt = now;
    }

    void mute(Instant until, Instant now) {
        mutedUntil = until;
        updatedAt = now;
    }

    UUID memberId() {
        return memberId;
    }

    QuietHours hours() {
        return new QuietHours(enabled, LocalTime.parse(startTime), LocalTime.parse(endTime), ZoneId.of(timeZone),
                mutedUntil);
    }
}
