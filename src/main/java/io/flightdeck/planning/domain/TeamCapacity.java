package io.flightdeck.planning.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who can take work in a window of days: each assignable member's hours (weekly hours times capacity, minus time off
 * and holidays) and the hours their open tasks already take there. A task's estimate is spread evenly over its working
 * days, so a window sees the share that falls inside it.
 */
@Service
@Transactional(readOnly = true)
public class TeamCapacity {

    private final MemberDirectory members;
    private final TeamProfiles profiles;
    private final TimeOffRepository timeOff;
    private final TaskRepository tasks;
    private final PlanningConfiguration configuration;

    TeamCapacity(MemberDirectory members, TeamProfiles profiles, TimeOffRepository timeOff,
            TaskRepository tasks, PlanningConfiguration configuration) {
        this.members = members;
        this.profiles = profiles;
        this.timeOff = timeOff;
        this.tasks = tasks;
        this.configuration = configuration;
    }

    /** Members who can be assigned work: contributors and up. */
    List<MemberSummary> assignable() {
        return members.members().stream().filter(m -> m.role().includes(Role.CONTRIBUTOR)).toList();
    }

    /** Every assignable member as a candidate for [from, to], not counting the tasks in {@code ignoring}. */
    List<AutoAssignment.Candidate> candidates(LocalDate from, LocalDate to, Collection<UUID> ignoring) {
        return load(from, to, ignoring).candidates(from, to);
    }

    /**
     * The assignable members' hours and assigned work per day over [from, to], in four queries, not counting the
     * tasks in {@code ignoring} (the ones being assigned).
     */
    TeamLoad load(LocalDate from, LocalDate to, Collection<UUID> ignoring) {
        WorkingCalendar calendar = configuration.calendar();
        Map<UUID, TeamProfile> byUser = profiles.profilesByUser();
        Map<UUID, List<TimeOff>> away = timeOff.findByStartsOnLessThanEqualAndEndsOnGreaterThanEqual(to, from)
                .stream().collect(Collectors.groupingBy(TimeOff::getUserId));
        TeamLoad load = new TeamLoad(from, to, calendar);
        for (MemberSummary member : assignable()) {
            TeamProfile profile = byUser.getOrDefault(member.userId(), profiles.defaults(member.userId()));
            List<TimeOff> off = away.getOrDefault(member.userId(), List.of());
            load.addMember(member.userId(), member.displayName(), profile.getSkills(),
                    day -> hoursOn(profile, off, day));
        }
        for (Task task : tasks.findAssignedOpenBetween(from, to)) {
            if (!ignoring.contains(task.getId())) {
                load.addWork(task.getAssigneeId(), task.getStartDate(), task.getDueDate(), task.getEstimateHours());
            }
        }
        return load;
    }

    /** Hours a member works in [from, to]: their weekday hours on working days they are not away. */
    static double availableHours(TeamProfile profile, List<TimeOff> away, LocalDate from, LocalDate to,
            WorkingCalendar calendar) {
        double hours = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                hours += hoursOn(profile, away, day);
            }
        }
        return hours;
    }

    /** A member's hours on a day before the calendar is asked: none while away, else their weekday's share. */
    static double hoursOn(TeamProfile profile, List<TimeOff> away, LocalDate day) {
        return away.stream().anyMatch(off -> off.covers(day)) ? 0 : profile.hoursOn(day);
    }

    /** The share of a task's estimate that falls in [from, to], spread evenly over its working days. */
    static double hoursWithin(Task task, LocalDate from, LocalDate to, WorkingCalendar calendar) {
        if (task.getStartDate() == null || task.getDueDate() == null) {
            return 0;
        }
        int days = 0;
        int inside = 0;
        for (LocalDate day = task.getStartDate(); !day.isAfter(task.getDueDate()); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                days++;
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    inside++;
                }
            }
        }
        return days == 0 ? 0 : task.getEstimateHours() * inside / days;
    }
}
