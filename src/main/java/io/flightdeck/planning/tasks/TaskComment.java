package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.search.SearchDocument;
import io.flightdeck.shared.search.Searchable;
import io.flightdeck.shared.search.SearchableDocument;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import io.flightdeck.planning.TaskCommented;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A comment on a task. */
@Entity
@Table(name = "task_comments")
@Indexed(index = "search-comments")
@SearchableDocument(dependsOn = {"body", "authorId", "createdAt", "taskId"})
class TaskComment extends TenantOwnedEntity implements Searchable {

    private UUID taskId;
    private UUID authorId;
    private String body;
    private Instant createdAt;

    protected TaskComment() {
    }

    TaskComment(UUID taskId, UUID authorId, String body, Instant now) {
        this.taskId = taskId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = now;
    }

    /** Raised before the first save: the task's discussion hears of it (the notifications module listens). */
    void posted(UUID workspaceId, UUID campaignId, List<UUID> participants) {
        registerEvent(new TaskCommented(workspaceId, taskId, campaignId, getId(), authorId, List.copyOf(participants),
                createdAt));
    }

    UUID getTaskId() {
        return taskId;
    }

    UUID getAuthorId() {
        return authorId;
    }

    String getBody() {
        return body;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public SearchDocument searchDocument() {
        return new SearchDocument("comment", "Comment on a task", body, null, authorId, null, null, createdAt, null,
                "/tasks/" + taskId + "#comment-" + getId(), false);
    }
}
