package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.util.UUID;

/** A comment on a task with its author's name. */
public record TaskCommentView(UUID id, UUID taskId, UUID authorId, String authorName, String body, Instant createdAt) {
}
