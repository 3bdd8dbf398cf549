package io.flightdeck.planning.workload;

import java.time.LocalDate;

/** The team's workload per ISO week: assigned against available hours per member. */
public interface TeamWorkloadReport {

    /**
     * {@code weeks} weeks (default 8, at most 26) from the Monday of {@code from}'s week (default: this week in the
     * actor's time zone). Rows: members who can be assigned work (contributors and up), and anyone else who has some.
     */
    TeamWorkloadView workload(LocalDate from, Integer weeks);
}
