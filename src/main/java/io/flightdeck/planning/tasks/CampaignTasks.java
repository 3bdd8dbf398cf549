package io.flightdeck.planning.tasks;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import io.flightdeck.planning.TaskCompleted;

/**
 * A campaign's tasks and milestones: create, edit, delete and restore them, move them through their statuses
 * ({@link TaskStatus#next()}), and list them with filters. A task of a campaign with a timeline gets its dates from the
 * plan; a task of a campaign without one carries dates set by hand.
 */
public interface CampaignTasks {

    TaskView create(UUID campaignId, TaskChange change);

    TaskView get(UUID id);

    /** Changes the given fields; see {@link TaskChange} for what a timeline task leaves to its schedule. */
    TaskView update(UUID id, TaskChange change, Long expectedVersion);

    /** Ticks or unticks one checklist item (0-based). */
    TaskView toggleChecklistItem(UUID id, int index);

    /** Soft delete: the task leaves lists and the plan; {@link #restore} brings it back with its links. */
    void delete(UUID id);

    TaskView restore(UUID id);

    /**
     * Moves a task to another status: only the moves its status allows (else 409 illegal-transition), and a
     * start (in progress, in review, done) only once every predecessor is done or cancelled (else 409
     * predecessors-open naming them). Publishes {@link TaskCompleted} when the task is done.
     */
    TaskView move(UUID id, TaskStatus target);

    Page<TaskView> list(TaskFilter filter, TaskSort sort, Pageable pageable);

    /** How many tasks the filter keeps, in one count query (badges); {@code atRisk} is not counted this way. */
    long count(TaskFilter filter);

    /** Every live task of a campaign in plan order (the board). */
    List<TaskView> ofCampaign(UUID campaignId);

    /** The campaign's tasks in numbers, for its card on the campaign page. */
    TaskSummary summary(UUID campaignId);

    /** The campaign's live milestones, for pickers. */
    List<TaskRef> milestones(UUID campaignId);

    boolean hasTimeline(UUID campaignId);
}
