package io.flightdeck.planning.tasks;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The discussion on a task, oldest first. Contributors and up post (the controllers check the role). */
@Service
@Transactional
class TaskComments implements TaskDiscussion {

    static final int BODY_MAX = 4_000;

    private final TaskCommentRepository comments;
    private final Tasks tasks;
    private final MemberDirectory members;
    private final Clock clock;

    TaskComments(TaskCommentRepository comments, Tasks tasks, MemberDirectory members, Clock clock) {
        this.comments = comments;
        this.tasks = tasks;
        this.members = members;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskCommentView> list(UUID taskId) {
        tasks.live(taskId);
        List<TaskComment> all = comments.findByTaskIdOrderByCreatedAtAsc(taskId);
        Map<UUID, String> names = members.displayNames(all.stream().map(TaskComment::getAuthorId).distinct().toList());
        return all.stream().map(c -> view(c, names.getOrDefault(c.getAuthorId(), "Former member"))).toList();
    }

    @Override
    public TaskCommentView post(UUID taskId, String body) {
        Task task = tasks.live(taskId);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > BODY_MAX) {
            throw new InvalidInputException("body", "must be 1 to " + BODY_MAX + " characters");
        }
        Actor actor = CurrentActor.require();
        Set<UUID> participants = new LinkedHashSet<>();
        if (task.getAssigneeId() != null) {
            participants.add(task.getAssigneeId());
        }
        comments.findByTaskIdOrderByCreatedAtAsc(taskId).forEach(c -> participants.add(c.getAuthorId()));
        TaskComment posted = new TaskComment(taskId, actor.userId(), text, clock.instant());
        posted.posted(TenantScope.require(), task.getCampaignId(), List.copyOf(participants));
        TaskComment comment = comments.save(posted);
        return view(comment, actor.displayName());
    }

    private static TaskCommentView view(TaskComment c, String author) {
        return new TaskCommentView(c.getId(), c.getTaskId(), c.getAuthorId(), author, c.getBody(), c.getCreatedAt());
    }
}
