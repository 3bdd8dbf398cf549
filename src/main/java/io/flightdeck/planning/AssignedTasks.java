package io.flightdeck.planning;

import java.util.List;
import java.util.UUID;

/** A member's open tasks for other modules: guidance ranks them with the rest of the member's work on the home page. */
public interface AssignedTasks {

    /** The member's open tasks in the current workspace, soonest due first (undated last), at most {@code limit}. */
    List<AssignedTask> openFor(UUID memberId, int limit);
}
