package io.flightdeck.planning.domain;

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
public class TeamPerformance {

    static final int DEFAULT_WEEKS = 12;
    static final int MAX_WEEKS = 52;
    private static final double SECONDS_PER_DAY = 86_400;

    private final MemberDirectory members;
    private final TeamProfiles profiles;
    private final TimeOffRepository timeOff;
    private final TaskRepository tasks;
    private final PlanningConfiguration configuration;
    private final Clock clock;

    TeamPerformance(MemberDirectory members, TeamProfiles profiles, TimeOffRepository timeOff, TaskRepository tasks,
            PlanningConfiguration configuration, Clock clock) {
        this.members = members;
        this.profiles = profiles;
        this.timeOff = timeOff;
        this.tasks = tasks;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** The last {@code weeks} weeks (default 12, at most 52) up to and including today. */
    public TeamPerformanceView performance(Integer weeks) {
        int count = weeks == null ? DEFAULT_WEEKS : weeks;
        if (count < 1 || count > MAX_WEEKS) {
            throw new InvalidInputException("weeks", "must be from 1 to " + MAX_WEEKS);
        }
        ZoneId zone = CurrentActor.zone();
        LocalDate to = LocalDate.now(clock.withZone(zone));
        LocalDate from = to.minusWeeks(count).plusDays(1);
        Instant since = from.atStartOfDay(zone).toInstant();

        WorkingCalendar calendar = configuration.calendar();
        Map<UUID, TeamProfile> byUser = profiles.profilesByUser();
        Map<UUID, List<TimeOff>> away = timeOff.findByStartsOnLessThanEqualAndEndsOnGreaterThanEqual(to, from)
                .stream().collect(Collectors.groupingBy(TimeOff::getUserId));
        Map<UUID, List<Task>> completed = tasks.findCompletedSince(since).stream()
                .filter(t -> t.getAssigneeId() != null).collect(Collectors.groupingBy(Task::getAssigneeId));
        Map<UUID, List<Task>> planned = tasks.findAssignedNotCancelledBetween(from, to).stream()
                .collect(Collectors.groupingBy(Task::getAssigneeId));

        List<TeamPerformanceView.Figures> rows = new ArrayList<>();
        Tally team = new Tally();
        Set<UUID> withWork = new HashSet<>(completed.keySet());
        withWork.addAll(planned.keySet()); // the same rows as the workload: anyone who had work in the window
        for (MemberSummary member : TeamWorkload.rowsFor(members.members(), withWork)) {
            Tally tally = new Tally();
            completed.getOrDefault(member.userId(), List.of()).forEach(t -> tally.complete(t, zone));
            TeamProfile profile = byUser.getOrDefault(member.userId(), profiles.defaults(member.userId()));
            tally.available = TeamCapacity.availableHours(profile, away.getOrDefault(member.userId(), List.of()),
                    from, to, calendar);
            tally.assigned = planned.getOrDefault(member.userId(), List.of()).stream()
                    .mapToDouble(t -> TeamCapacity.hoursWithin(t, from, to, calendar)).sum();
            rows.add(tally.figures(member.userId(), member.displayName(), count));
            team.add(tally);
        }
        return new TeamPerformanceView(count, from, to, rows, team.figures(null, null, count));
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

        void complete(Task task, ZoneId zone) {
            completed++;
            if (task.getDueDate() != null) {
                withDueDate++;
                if (!task.getCompletedAt().atZone(zone).toLocalDate().isAfter(task.getDueDate())) {
                    onTime++;
                }
            }
            if (task.getStartedAt() != null && !task.getStartedAt().isAfter(task.getCompletedAt())) {
                cycles++;
                cycleDays += Duration.between(task.getStartedAt(), task.getCompletedAt()).toSeconds() / SECONDS_PER_DAY;
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
