package io.flightdeck.notifications.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The morning a digest is due: 08:00 in the member's zone, every day (DAILY) or on Mondays (WEEKLY). The period is
 * named by its local date, so a day of 23 or 25 hours around a daylight-saving change is still one period with one
 * digest; 08:00 exists on every day in every zone that changes its clocks at night.
 *
 * @param key names the period for the member (unique with them): {@code daily:2026-03-29}, {@code weekly:2026-03-23}
 * @param at  the instant of that morning: a digest gathers what waited from before it
 */
record DigestMorning(String key, LocalDate date, Instant at) {

    static final LocalTime MORNING = LocalTime.of(8, 0);

    /** The latest morning of the period at or before {@code now}: the digest that is due. */
    static DigestMorning latest(DeliveryMode period, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (local.toLocalTime().isBefore(MORNING)) {
            date = date.minusDays(1);
        }
        if (period == DeliveryMode.WEEKLY) {
            date = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } else if (period != DeliveryMode.DAILY) {
            throw new IllegalArgumentException(period + " is not a digest");
        }
        Instant at = ZonedDateTime.of(date, MORNING, zone).toInstant();
        return new DigestMorning(period.name().toLowerCase(java.util.Locale.ROOT) + ":" + date, date, at);
    }
}
