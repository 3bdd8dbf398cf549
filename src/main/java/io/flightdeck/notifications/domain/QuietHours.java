package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A member's quiet hours and mute, and the one question they answer: when may something go out to them by email?
 * The window is in the member's zone and may cross midnight (22:00–07:00); a mute holds everything until its end.
 * Held, never dropped: the answer is the moment the mute and the window are over. Urgent items, and anything due
 * before that moment, go out now.
 *
 * @param enabled    whether the window applies (a mute applies either way)
 * @param start      the window's first minute, in {@code zone}
 * @param end        the minute it ends (excluded); equal to {@code start} means no window
 * @param zone       the member's zone
 * @param mutedUntil the end of a mute, or null
 */
public record QuietHours(boolean enabled, LocalTime start, LocalTime end, ZoneId zone, Instant mutedUntil) {

    /** No window and no mute: everything goes out at once. */
    public static final QuietHours NONE = new QuietHours(false, LocalTime.of(22, 0), LocalTime.of(7, 0),
            ZoneId.of("UTC"), null);

    /** When an item of this priority (and due at {@code dueAt}, or null) may go out, at the earliest {@code now}. */
    Instant release(Instant now, NotificationPriority priority, Instant dueAt) {
        if (priority == NotificationPriority.URGENT) {
            return now;
        }
        Instant release = heldUntil(now);
        return dueAt != null && dueAt.isBefore(release) ? now : release;
    }

    /** The end of the mute and of the window {@code now} falls in, whichever comes later; {@code now} if neither. */
    public Instant heldUntil(Instant now) {
        Instant release = mutedUntil != null && now.isBefore(mutedUntil) ? mutedUntil : now;
        Instant windowEnd = windowEnd(release);
        return windowEnd != null ? windowEnd : release;
    }

    /** Whether {@code at} is inside the mute or the window. */
    public boolean quietAt(Instant at) {
        return heldUntil(at).isAfter(at);
    }

    /** The end of the window {@code at} falls in, or null when it falls outside. */
    private Instant windowEnd(Instant at) {
        if (!enabled || start.equals(end)) {
            return null;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (start.isBefore(end)) { // within one day: 13:00–14:00
            return !time.isBefore(start) && time.isBefore(end) ? endOn(day) : null;
        }
        if (!time.isBefore(start)) { // crossing midnight, in its evening part: ends tomorrow
            return endOn(day.plusDays(1));
        }
        return time.isBefore(end) ? endOn(day) : null; // in its morning part: ends today
    }

    /**
     * The end on a given day. An end that falls in a daylight-saving gap (02:30 on the spring-forward night) is the
     * first minute after the gap; one that falls twice (the autumn night) is the first of the two.
     */
    private Instant endOn(LocalDate day) {
        return ZonedDateTime.of(day, end, zone).toInstant();
    }
}
