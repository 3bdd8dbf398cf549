package io.flightdeck.approvals.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import io.flightdeck.shared.security.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;

/** The delegate-while-you-are-away form: whole days in the member's time zone, the last day included. */
record DelegationForm(UUID delegateId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until, String note) {

    static DelegationForm empty(LocalDate today) {
        return new DelegationForm(null, today, today.plusDays(7), null);
    }

    static ZoneId zone() {
        ZoneId zone = CurrentActor.require().timeZone();
        return zone == null ? ZoneOffset.UTC : zone;
    }

    java.time.Instant startsAt() {
        return from == null ? null : from.atStartOfDay(zone()).toInstant();
    }

    java.time.Instant endsAt() {
        return until == null ? null : until.plusDays(1).atStartOfDay(zone()).toInstant();
    }
}
