package io.flightdeck.planning.team;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.planning.scheduling.WorkingCalendar;
import io.flightdeck.planning.settings.PlanningSettingsService;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time off and the hours a member is available day by day. Time off is kept by the member or a manager; entries of one
 * member never overlap, and one cannot be added wholly in the past (the member's today, in their time zone).
 */
@Service
@Transactional
class TeamAvailability implements TeamTimeOff {

    static final int MAX_TIME_OFF_DAYS = 366;
    static final int MAX_RANGE_DAYS = 92;
    static final int MAX_REASON = 200;

    private final TeamProfiles profiles;
    private final TimeOffRepository timeOff;
    private final PlanningSettingsService settings;
    private final Clock clock;

    TeamAvailability(TeamProfiles profiles, TimeOffRepository timeOff, PlanningSettingsService settings,
            Clock clock) {
        this.profiles = profiles;
        this.timeOff = timeOff;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every entry of a member, earliest first. */
    @Override
    @Transactional(readOnly = true)
    public List<TimeOffView> timeOff(UUID userId) {
        profiles.requireMember(userId);
        return timeOff.findByUserIdOrderByStartsOnAsc(userId).stream().map(TeamAvailability::view).toList();
    }

    @Override
    public TimeOffView addTimeOff(UUID userId, LocalDate startsOn, LocalDate endsOn, String reason) {
        profiles.requireMember(userId);
        TeamProfiles.requireSelfOrManager(userId);
        problems(userId, startsOn, endsOn, reason).throwIfAny("The time off");
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        List<TimeOff> clashes = timeOff.findByUserIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqualOrderByStartsOnAsc(
                userId, endsOn, startsOn);
        if (!clashes.isEmpty()) {
            TimeOff clash = clashes.get(0);
            throw new ConflictException("time-off-overlaps", "This overlaps time off from " + clash.getStartsOn()
                    + " to " + clash.getEndsOn(), Map.of("overlapping", clash.getId(),
                    "overlappingStartsOn", clash.getStartsOn().toString(), "overlappingEndsOn", clash.getEndsOn().toString()));
        }
        return view(timeOff.save(new TimeOff(userId, startsOn, endsOn, why, clock.instant())));
    }

    @Override
    @Transactional(readOnly = true)
    public void checkTimeOff(UUID userId, LocalDate startsOn, LocalDate endsOn, String reason) {
        profiles.requireMember(userId);
        TeamProfiles.requireSelfOrManager(userId);
        problems(userId, startsOn, endsOn, reason).throwIfAny("The time off");
    }

    /** Every rule an entry breaks, so the refusal names all of them; an overlap is only looked for once none. */
    private InputProblems problems(UUID userId, LocalDate startsOn, LocalDate endsOn, String reason) {
        InputProblems problems = new InputProblems();
        if (startsOn == null) {
            problems.add("startsOn", "is required");
        }
        if (endsOn == null) {
            problems.add("endsOn", "is required");
        } else if (startsOn != null && endsOn.isBefore(startsOn)) {
            problems.add("endsOn", "must be on or after the first day off");
        } else if (startsOn != null && ChronoUnit.DAYS.between(startsOn, endsOn) + 1 > MAX_TIME_OFF_DAYS) {
            problems.add("endsOn", "time off lasts at most " + MAX_TIME_OFF_DAYS + " days");
        } else if (endsOn.isBefore(today(userId))) {
            problems.add("endsOn", "lies in the past; time off must end today or later");
        }
        if (reason != null && !reason.isBlank() && reason.strip().length() > MAX_REASON) {
            problems.add("reason", "must be at most " + MAX_REASON + " characters");
        }
        return problems;
    }

    /** Removes an entry (the member or a manager); the view of what was removed. */
    @Override
    public TimeOffView deleteTimeOff(UUID id) {
        TimeOff off = timeOff.findById(id).orElseThrow(() -> new NotFoundException("The time off"));
        TeamProfiles.requireSelfOrManager(off.getUserId());
        timeOff.delete(off);
        return view(off);
    }

    @Override
    @Transactional(readOnly = true)
    public TimeOffView findTimeOff(UUID id) {
        return timeOff.findById(id).map(TeamAvailability::view).orElseThrow(() -> new NotFoundException("The time off"));
    }

    /** Hours per day in [from, to] (at most 92 days); from defaults to the member's today, to to two weeks on. */
    @Override
    @Transactional(readOnly = true)
    public TeamAvailabilityView availability(UUID userId, LocalDate from, LocalDate to) {
        profiles.requireMember(userId);
        TeamProfile profile = profiles.profile(userId);
        LocalDate start = from != null ? from : LocalDate.now(clock.withZone(zone(profile)));
        LocalDate end = to != null ? to : start.plusDays(13);
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "must be on or after from");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_RANGE_DAYS) {
            throw new InvalidInputException("to", "a range covers at most " + MAX_RANGE_DAYS + " days");
        }
        WorkingCalendar calendar = settings.calendar();
        List<TimeOff> away = timeOff.findByUserIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqualOrderByStartsOnAsc(
                userId, end, start);
        List<TeamAvailabilityView.Day> days = new ArrayList<>();
        double total = 0;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            double hours = TeamRoster.availableHours(profile, away, day, day, calendar);
            days.add(new TeamAvailabilityView.Day(day, day.getDayOfWeek(), TeamFigures.round(hours),
                    hours > 0 ? null : reasonOff(day, profile, away, calendar)));
            total += hours;
        }
        return new TeamAvailabilityView(userId, start, end, TeamFigures.round(total), days);
    }

    private static String reasonOff(LocalDate day, TeamProfile profile, List<TimeOff> away, WorkingCalendar calendar) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return "weekend";
        }
        if (!calendar.isWorkingDay(day)) {
            return "holiday";
        }
        if (away.stream().anyMatch(off -> off.covers(day))) {
            return "time-off";
        }
        return "not-scheduled";
    }

    private LocalDate today(UUID userId) {
        return LocalDate.now(clock.withZone(zone(profiles.profile(userId))));
    }

    private static ZoneId zone(TeamProfile profile) {
        try {
            return ZoneId.of(profile.getTimeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    static TimeOffView view(TimeOff off) {
        return new TimeOffView(off.getId(), off.getUserId(), off.getStartsOn(), off.getEndsOn(),
                (int) ChronoUnit.DAYS.between(off.getStartsOn(), off.getEndsOn()) + 1, off.getReason(),
                off.getCreatedAt());
    }
}
