package io.flightdeck.planning;

import java.util.Optional;
import java.util.UUID;

/** Tasks as other modules see them: for notifications that name the task they are about. */
public interface TaskDirectory {

    /** A live task of the current workspace. */
    Optional<TaskCard> find(UUID taskId);
}
