package io.flightdeck.planning.team;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Time off and the hours a member is available day by day. Time off is kept by the member or a manager; entries of one
 * member never overlap (409 time-off-overlaps), and one cannot be added wholly in the past.
 */
public interface TeamTimeOff {

    /** Every entry of a member, earliest first. */
    List<TimeOffView> timeOff(UUID userId);

    /** Adds an entry; a refusal lists every field at fault. */
    TimeOffView addTimeOff(UUID userId, LocalDate startsOn, LocalDate endsOn, String reason);

    /** Checks an entry without adding it (a form that could not read a date): every problem of the rest at once. */
    void checkTimeOff(UUID userId, LocalDate startsOn, LocalDate endsOn, String reason);

    /** Removes an entry (the member or a manager); the view of what was removed. */
    TimeOffView deleteTimeOff(UUID id);

    TimeOffView findTimeOff(UUID id);

    /** Hours per day in [from, to] (at most 92 days); from defaults to the member's today, to to two weeks on. */
    TeamAvailabilityView availability(UUID userId, LocalDate from, LocalDate to);
}
