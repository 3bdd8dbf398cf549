package io.flightdeck.planning.workload;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.identity.MemberSummary;
import io.flightdeck.planning.tasks.AssignedWork;
import io.flightdeck.planning.team.TeamFigures;
import io.flightdeck.planning.team.TeamRoster;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's workload per ISO week. Built from five queries whatever the team's size or the number of weeks: the
 * roster's four (members, profiles, time off in the window, the workspace calendar) and the open assigned tasks in
 * the window.
 */
@Service
@Transactional(readOnly = true)
class TeamWorkload implements TeamWorkloadReport {

    static final int DEFAULT_WEEKS = 8;
    static final int MAX_WEEKS = 26;

    private final TeamRoster roster;
    private final AssignedWork work;
    private final Clock clock;

    TeamWorkload(TeamRoster roster, AssignedWork work, Clock clock) {
        this.roster = roster;
        this.work = work;
        this.clock = clock;
    }

    @Override
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

        TeamRoster.Roster team = roster.over(start, end);
        Map<UUID, List<AssignedWork.Item>> byAssignee = work.openBetween(start, end).stream()
                .collect(Collectors.groupingBy(AssignedWork.Item::assigneeId));

        List<TeamWorkloadView.Member> rows = new ArrayList<>();
        double teamAvailable = 0;
        double teamAssigned = 0;
        for (MemberSummary member : team.rows(byAssignee.keySet())) {
            UUID id = member.userId();
            List<AssignedWork.Item> theirs = byAssignee.getOrDefault(id, List.of());
            List<TeamWorkloadView.Load> cells = new ArrayList<>();
            double available = 0;
            double assigned = 0;
            int over = 0;
            for (TeamWorkloadView.Week week : columns) {
                double a = team.availableHours(id, week.start(), week.end());
                double w = assignedIn(team, theirs, week.start(), week.end());
                TeamWorkloadView.Load cell = load(week.start(), a, w);
                cells.add(cell);
                over += cell.overAllocated() ? 1 : 0;
                available += a;
                assigned += w;
            }
            rows.add(new TeamWorkloadView.Member(id, member.displayName(), team.jobTitle(id), team.capacityPct(id),
                    cells, load(start, available, assigned), over));
            teamAvailable += available;
            teamAssigned += assigned;
        }
        return new TeamWorkloadView(start, end, columns, rows, load(start, teamAvailable, teamAssigned));
    }

    /** A member's assigned hours in [from, to]: each task's estimate spread evenly over its working days. */
    static double assignedIn(TeamRoster.Roster team, List<AssignedWork.Item> theirs, LocalDate from, LocalDate to) {
        return theirs.stream().mapToDouble(t -> team.calendar().shareWithin(t.estimateHours(), t.startDate(),
                t.dueDate(), from, to)).sum();
    }

    /** One cell (or a total): hours rounded, utilisation, over-allocation and the heat map's band. */
    static TeamWorkloadView.Load load(LocalDate weekStart, double available, double assigned) {
        return new TeamWorkloadView.Load(weekStart, TeamFigures.round(available), TeamFigures.round(assigned),
                TeamFigures.utilisationPct(assigned, available), TeamFigures.overAllocated(assigned, available),
                TeamFigures.band(assigned, available));
    }

    /** Today in the actor's time zone (UTC outside a request). */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CurrentActor.zone()));
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
