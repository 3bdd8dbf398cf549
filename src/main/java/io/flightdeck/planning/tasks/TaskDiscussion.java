package io.flightdeck.planning.tasks;

import java.util.List;
import java.util.UUID;

/** The discussion on a task, oldest first. Contributors and up post (the controllers check the role). */
public interface TaskDiscussion {

    List<TaskCommentView> list(UUID taskId);

    TaskCommentView post(UUID taskId, String body);
}
