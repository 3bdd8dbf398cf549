package io.flightdeck.planning.tasks;

import java.util.List;
import java.util.UUID;

import io.flightdeck.identity.MemberSummary;
import io.flightdeck.planning.TaskAssigned;

/**
 * Who does a task: auto-assignment picks, among members with the skills and the free hours in the task's window, the
 * least loaded, and says why for every candidate; a manager may override it. Every assignment to someone publishes
 * {@link TaskAssigned}.
 */
public interface TaskStaffing {

    /** Chooses someone for the task and, unless {@code dryRun}, assigns them. */
    TaskAssignmentProposal autoAssign(UUID taskId, boolean dryRun);

    /** The manager's choice: any member who can be assigned work, or nobody ({@code assigneeId} null). */
    TaskView assign(UUID taskId, UUID assigneeId);

    /** Every open, unassigned task (not milestone) of the campaign, in plan order. */
    TaskBulkAssignment autoAssignCampaign(UUID campaignId, boolean dryRun);

    /** The given tasks in the given order; each must be an open task (not a milestone) of this workspace. */
    TaskBulkAssignment autoAssignAll(List<UUID> taskIds, boolean dryRun);

    /** Members who can be assigned work (contributors and up), for override pickers. */
    List<MemberSummary> assignableMembers();
}
