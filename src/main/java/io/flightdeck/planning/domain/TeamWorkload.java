package io.flightdeck.planning.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's workload per ISO week. Built from five queries whatever the team's size or the number of weeks: members,
 * profiles, time off in the window, open assigned tasks in the window, and the workspace calendar.
 */
@Service
@Transactional(readOnly = true)
public class TeamWorkload {

    static final int DEFAULT_WEEKS = 8;
    static final int MAX_WEEKS = 26;

    private final MemberDirectory members;
    private final TeamProfiles profiles;
    private final TimeOffRepository timeOff;
    private final TaskRepository tasks;
    private final PlanningConfiguration configuration;
    private final Clock clock;

    TeamWorkload(MemberDirectory members, TeamProfiles profiles, TimeOffRepository timeOff, TaskRepository tasks,
            PlanningConfiguration configuration, Clock clock) {
        this.members = members;
        this.profiles = profiles;
        this.timeOff = timeOff;
        this.tasks = tasks;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * {@code weeks} weeks (default 8, at most 26) from the Monday of {@code from}'s week (default: this week in the
     * actor's time zone). Rows: members who can be assigned work (contributors and up), and anyone else who has some.
     */
    public TeamWorkloadView workload(LocalDate from, Integer weeks) {
        int count = weeks == null ? DEFAULT_WEEKS : weeks;
        if (count < 1 || count > MAX_WEEKS) {
            throw new InvalidInputException("weeks", "must be from 1 to " + MAX_WEEKS);
        }
        LocalDate start = monday(from != null ? from : today(clock));
        LocalDate end = start.plusWeeks(count).minusDays(1);
        List<TeamWorkloadView.Week> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate monday = start.plusWeeks(i);
            int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            columns.add(new TeamWorkloadView.Week(monday, monday.plusDays(6),
                    monday.get(IsoFields.WEEK_BASED_YEAR), week, "W" + week));
        }

        WorkingCalendar calendar = configuration.calendar();
        Map<UUID, TeamProfile> byUser = profiles.profilesByUser();
        Map<UUID, List<TimeOff>> away = timeOff.findByStartsOnLessThanEqualAndEndsOnGreaterThanEqual(end, start)
                .stream().collect(Collectors.groupingBy(TimeOff::getUserId));
        Map<UUID, List<Task>> work = tasks.findAssignedOpenBetween(start, end).stream()
                .collect(Collectors.groupingBy(Task::getAssigneeId));

        List<TeamWorkloadView.Member> rows = new ArrayList<>();
        double teamAvailable = 0;
        double teamAssigned = 0;
        for (MemberSummary member : rowsFor(members.members(), work.keySet())) {
            TeamProfile profile = byUser.getOrDefault(member.userId(), profiles.defaults(member.userId()));
            List<TimeOff> off = away.getOrDefault(member.userId(), List.of());
            List<Task> theirs = work.getOrDefault(member.userId(), List.of());
            List<TeamWorkloadView.Load> cells = new ArrayList<>();
            double available = 0;
            double assigned = 0;
            int over = 0;
            for (TeamWorkloadView.Week week : columns) {
                double a = TeamCapacity.availableHours(profile, off, week.start(), week.end(), calendar);
                double w = theirs.stream()
                        .mapToDouble(t -> TeamCapacity.hoursWithin(t, week.start(), week.end(), calendar)).sum();
                TeamWorkloadView.Load cell = TeamWorkloadView.Load.of(week.start(), a, w);
                cells.add(cell);
                over += cell.overAllocated() ? 1 : 0;
                available += a;
                assigned += w;
            }
            rows.add(new TeamWorkloadView.Member(member.userId(), member.displayName(), profile.getJobTitle(),
                    profile.getCapacityPct(), cells, TeamWorkloadView.Load.of(start, available, assigned), over));
            teamAvailable += available;
            teamAssigned += assigned;
        }
        return new TeamWorkloadView(start, end, columns, rows, TeamWorkloadView.Load.of(start, teamAvailable, teamAssigned));
    }

    /** Assignable members, plus anyone else who has assigned work, by name. */
    static List<MemberSummary> rowsFor(List<MemberSummary> all, Set<UUID> withWork) {
        return TeamProfiles.sorted(all.stream()
                .filter(m -> m.role().includes(Role.CONTRIBUTOR) || withWork.contains(m.userId())).toList());
    }

    /** Today in the actor's time zone (UTC outside a request). */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CurrentActor.zone()));
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
