package io.flightdeck.planning.workload;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.identity.MemberSummary;
import io.flightdeck.planning.MemberUtilisation;
import io.flightdeck.planning.PlanningTrends;
import io.flightdeck.planning.TeamTrendReport;
import io.flightdeck.planning.WeeklyTaskTrend;
import io.flightdeck.planning.WeeklyUtilisation;
import io.flightdeck.planning.tasks.AssignedWork;
import io.flightdeck.planning.team.TeamFigures;
import io.flightdeck.planning.team.TeamRoster;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completion trends and utilisation per week in a fixed number of queries whatever the range or the team: the
 * workspace's zone, the tasks of the range (one query, counted per week here), and the roster's and assigned work's
 * queries the workload heat map uses, with its calculation ({@link TeamWorkload#assignedIn}). Past weeks count done
 * work too, as the performance report does: it was the work of that week.
 */
@Service
@Transactional(readOnly = true)
class TeamTrends implements PlanningTrends {

    private final TaskTrendRows rows;
    private final TeamRoster roster;
    private final AssignedWork work;
    private final Clock clock;

    TeamTrends(TaskTrendRows rows, TeamRoster roster, AssignedWork work, Clock clock) {
        this.rows = rows;
        this.roster = roster;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public TeamTrendReport weekly(LocalDate from, LocalDate to) {
        UUID tenant = TenantScope.require();
        ZoneId zone = rows.zoneOf(tenant);
        Instant now = clock.instant();
        LocalDate thisWeek = TeamWorkload.monday(LocalDate.ofInstant(now, zone));
        LocalDate last = to != null ? TeamWorkload.monday(to) : thisWeek;
        LocalDate first = from != null ? TeamWorkload.monday(from) : last.minusWeeks(DEFAULT_WEEKS - 1);
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", "The range starts after it ends: " + from + " to " + to);
        }
        if (last.isAfter(thisWeek)) {
            throw new InvalidInputException("to", "Trends end with the current week at the latest; " + to
                    + " is later");
        }
        long weeks = ChronoUnit.WEEKS.between(first, last) + 1;
        if (weeks > MAX_WEEKS) {
            throw new InvalidInputException("to", "Trends cover at most " + MAX_WEEKS + " weeks; this range has "
                    + weeks);
        }
        LocalDate end = last.plusDays(6);
        List<TaskTrendRows.Row> tasks = rows.between(tenant, first.atStartOfDay(zone).toInstant(),
                end.plusDays(1).atStartOfDay(zone).toInstant(), first, end);

        List<WeeklyTaskTrend> trend = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            trend.add(week(monday, zone, now, tasks));
        }
        return new TeamTrendReport(zone.getId(), first, end, now, trend, utilisation(first, end));
    }

    /** One week's counts from the range's rows. */
    static WeeklyTaskTrend week(LocalDate monday, ZoneId zone, Instant now, List<TaskTrendRows.Row> tasks) {
        LocalDate sunday = monday.plusDays(6);
        Instant start = monday.atStartOfDay(zone).toInstant();
        Instant next = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        // the current week is counted as it stands now, not as it may stand on Sunday night
        Instant cut = next.isAfter(now) ? now : next;
        LocalDate cutDay = LocalDate.ofInstant(cut, zone);
        int completed = 0;
        int onTime = 0;
        int late = 0;
        int due = 0;
        int open = 0;
        int overdue = 0;
        for (TaskTrendRows.Row t : tasks) {
            Instant done = t.completedAt();
            if (done != null && !done.isBefore(start) && done.isBefore(next)) {
                completed++;
                if (t.dueDate() != null) {
                    if (LocalDate.ofInstant(done, zone).isAfter(t.dueDate())) {
                        late++;
                    } else {
                        onTime++;
                    }
                }
            }
            if (t.dueDate() != null && !t.dueDate().isBefore(monday) && !t.dueDate().isAfter(sunday)) {
                due++;
            }
            if (t.createdAt().isBefore(cut) && (done == null || !done.isBefore(cut))) {
                open++;
                if (t.dueDate() != null && t.dueDate().isBefore(cutDay)) {
                    overdue++;
                }
            }
        }
        return new WeeklyTaskTrend(monday, sunday, completed, onTime, late, due, open, overdue);
    }

    /** Each week's utilisation, per member and for the team, as the workload heat map counts a cell. */
    private List<WeeklyUtilisation> utilisation(LocalDate first, LocalDate end) {
        TeamRoster.Roster team = roster.over(first, end);
        Map<UUID, List<AssignedWork.Item>> byAssignee = work.notCancelledBetween(first, end).stream()
                .collect(Collectors.groupingBy(AssignedWork.Item::assigneeId));
        List<MemberSummary> members = team.rows(byAssignee.keySet());
        List<WeeklyUtilisation> weeks = new ArrayList<>();
        for (LocalDate monday = first; monday.isBefore(end); monday = monday.plusWeeks(1)) {
            LocalDate sunday = monday.plusDays(6);
            List<MemberUtilisation> cells = new ArrayList<>();
            double available = 0;
            double assigned = 0;
            int over = 0;
            for (MemberSummary member : members) {
                UUID id = member.userId();
                double a = team.availableHours(id, monday, sunday);
                double w = TeamWorkload.assignedIn(team, byAssignee.getOrDefault(id, List.of()), monday, sunday);
                var cell = TeamWorkload.load(monday, a, w);
                cells.add(new MemberUtilisation(id, member.displayName(), cell.assignedHours(), cell.availableHours(),
                        cell.utilisationPct(), cell.overAllocated()));
                over += cell.overAllocated() ? 1 : 0;
                available += a;
                assigned += w;
            }
            weeks.add(new WeeklyUtilisation(monday, TeamFigures.round(assigned), TeamFigures.round(available),
                    TeamFigures.utilisationPct(assigned, available), TeamFigures.overAllocated(assigned, available),
                    over, cells));
        }
        return weeks;
    }
}
