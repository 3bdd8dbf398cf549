package io.flightdeck.planning.workload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.planning.tasks.AssignedWork;
import io.flightdeck.planning.team.TeamFigures;
import io.flightdeck.planning.team.TeamRoster;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery figures over the last weeks: tasks completed, the share completed on time, throughput, cycle time and
 * utilisation. A task counts for its assignee; completion dates are read in the actor's time zone. Utilisation counts
 * every assigned task that was not cancelled (done ones too: that was the work), spread over its working days.
 */
@Service
@Transactional(readOnly = true)
class TeamPerformance implements TeamPerformanceReport {

    static final int DEFAULT_WEEKS = 12;
    static final int MAX_WEEKS = 52;
    private static final double SECONDS_PER_DAY = 86_400;

    private final TeamRoster roster;
    private final AssignedWork work;
    private final Clock clock;

    TeamPerformance(TeamRoster roster, AssignedWork work, Clock clock) {
        this.roster = roster;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public TeamPerformanceView performance(Integer weeks) {
        int count = weeks == null ? DEFAULT_WEEKS : weeks;
        if (count < 1 || count > MAX_WEEKS) {
            throw new InvalidInputException("weeks", "must be from 1 to " + MAX_WEEKS);
        }
        ZoneId zone = CurrentActor.zone();
        LocalDate to = LocalDate.now(clock.withZone(zone));
        LocalDate from = to.minusWeeks(count).plusDays(1);
        Instant since = from.atStartOfDay(zone).toInstant();

        TeamRoster.Roster team = roster.over(from, to);
        Map<UUID, List<AssignedWork.Item>> completed = work.completedSince(since).stream()
                .collect(Collectors.groupingBy(AssignedWork.Item::assigneeId));
        Map<UUID, List<AssignedWork.Item>> planned = work.notCancelledBetween(from, to).stream()
                .collect(Collectors.groupingBy(AssignedWork.Item::assigneeId));

        List<TeamPerformanceView.Figures> rows = new ArrayList<>();
        Tally total = new Tally();
        Set<UUID> withWork = new HashSet<>(completed.keySet());
        withWork.addAll(planned.keySet()); // the same rows as the workload: anyone who had work in the window
        for (MemberSummary member : team.rows(withWork)) {
            UUID id = member.userId();
            Tally tally = new Tally();
            completed.getOrDefault(id, List.of()).forEach(t -> tally.complete(t, zone));
            tally.available = team.availableHours(id, from, to);
            tally.assigned = planned.getOrDefault(id, List.of()).stream().mapToDouble(t -> team.calendar()
                    .shareWithin(t.estimateHours(), t.startDate(), t.dueDate(), from, to)).sum();
            rows.add(tally.figures(id, member.displayName(), count));
            total.add(tally);
        }
        return new TeamPerformanceView(count, from, to, rows, total.figures(null, null, count));
    }

    /** Running counts for one member or the whole team. */
    private static final class Tally {

        int completed;
        int withDueDate;
        int onTime;
        int cycles;
        double cycleDays;
        double available;
        double assigned;

        void complete(AssignedWork.Item task, ZoneId zone) {
            completed++;
            if (task.dueDate() != null) {
                withDueDate++;
                if (!task.completedAt().atZone(zone).toLocalDate().isAfter(task.dueDate())) {
                    onTime++;
                }
            }
            if (task.startedAt() != null && !task.startedAt().isAfter(task.completedAt())) {
                cycles++;
                cycleDays += Duration.between(task.startedAt(), task.completedAt()).toSeconds() / SECONDS_PER_DAY;
            }
        }

        void add(Tally other) {
            completed += other.completed;
            withDueDate += other.withDueDate;
            onTime += other.onTime;
            cycles += other.cycles;
            cycleDays += other.cycleDays;
            available += other.available;
            assigned += other.assigned;
        }

        TeamPerformanceView.Figures figures(UUID userId, String name, int weeks) {
            Integer onTimeRate = withDueDate == 0 ? null : (int) Math.round(100.0 * onTime / withDueDate);
            Double cycle = cycles == 0 ? null : TeamFigures.round(cycleDays / cycles);
            return new TeamPerformanceView.Figures(userId, name, completed, withDueDate, onTime, onTimeRate,
                    Math.round(100.0 * completed / weeks) / 100.0, cycle, TeamFigures.round(available),
                    TeamFigures.round(assigned), TeamFigures.utilisationPct(assigned, available));
        }
    }
}
