package io.flightdeck.shared.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Component;

/** Formats instants for pages in the signed-in member's time zone: {@code ${@dates.dateTime(x)}}. */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(CurrentActor.zone()));
    }

    /** A calendar day, in the same words as {@link #date}. */
    public String day(java.time.LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(CurrentActor.zone()));
    }

    /** The date and time with the zone named, where the page says nothing else about its zone. */
    public String zoned(Instant instant) {
        return instant == null ? "" : dateTime(instant) + " (" + CurrentActor.zone().getId() + ")";
    }

    /** The time of day alone, for a calendar whose cell already says the day. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(CurrentActor.zone()));
    }
}
