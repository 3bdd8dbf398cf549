package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.flightdeck.identity.MemberSummary;
import io.flightdeck.planning.scheduling.AutoAssignment;
import io.flightdeck.planning.scheduling.TeamLoad;
import io.flightdeck.planning.team.TeamRoster;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who can take work in a window of days: each assignable member's hours (weekly hours times capacity, minus time off
 * and holidays, from the {@link TeamRoster}) and the hours their open tasks already take there. A task's estimate is
 * spread evenly over its working days, so a window sees the share that falls inside it.
 */
@Service
@Transactional(readOnly = true)
class TeamCapacity {

    private final TeamRoster roster;
    private final TaskRepository tasks;

    TeamCapacity(TeamRoster roster, TaskRepository tasks) {
        this.roster = roster;
        this.tasks = tasks;
    }

    /** Members who can be assigned work: contributors and up. */
    List<MemberSummary> assignable() {
        return roster.assignable();
    }

    /** Every assignable member as a candidate for [from, to], not counting the tasks in {@code ignoring}. */
    List<AutoAssignment.Candidate> candidates(LocalDate from, LocalDate to, Collection<UUID> ignoring) {
        return load(from, to, ignoring).candidates(from, to);
    }

    /**
     * The assignable members' hours and assigned work per day over [from, to]: the roster's four queries and one for
     * the open assigned tasks, not counting the tasks in {@code ignoring} (the ones being assigned).
     */
    TeamLoad load(LocalDate from, LocalDate to, Collection<UUID> ignoring) {
        TeamRoster.Roster team = roster.over(from, to);
        TeamLoad load = new TeamLoad(from, to, team.calendar());
        for (MemberSummary member : team.assignable()) {
            load.addMember(member.userId(), member.displayName(), team.skills(member.userId()),
                    day -> team.hoursOn(member.userId(), day));
        }
        for (Task task : tasks.findAssignedOpenBetween(from, to)) {
            if (!ignoring.contains(task.getId())) {
                load.addWork(task.getAssigneeId(), task.getStartDate(), task.getDueDate(), task.getEstimateHours());
            }
        }
        return load;
    }
}
