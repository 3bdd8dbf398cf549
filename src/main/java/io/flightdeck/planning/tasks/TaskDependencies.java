package io.flightdeck.planning.tasks;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.planning.templates.DependencyCycleException;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finish-to-start links between tasks of one campaign. A link that would close a loop is refused with the loop's
 * tasks in order; links of deleted tasks count too, so restoring a task can never bring a cycle back. Every change
 * lays the campaign's timeline out again.
 */
@Service
@Transactional
class TaskDependencies implements TaskLinks {

    private final TaskDependencyRepository dependencies;
    private final TaskRepository tasks;
    private final Tasks service;
    private final TaskViews views;
    private final Clock clock;

    TaskDependencies(TaskDependencyRepository dependencies, TaskRepository tasks, Tasks service, TaskViews views,
            Clock clock) {
        this.dependencies = dependencies;
        this.tasks = tasks;
        this.service = service;
        this.views = views;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public TaskDependencyLinks list(UUID taskId) {
        TaskView view = views.of(service.live(taskId));
        return new TaskDependencyLinks(view.id(), view.predecessors(), view.successors());
    }

    /** Makes {@code taskId} wait for {@code predecessorId}; answers the task with its new predecessors. */
    @Override
    public TaskView add(UUID taskId, UUID predecessorId) {
        Task task = service.live(taskId);
        if (predecessorId == null) {
            throw new InvalidInputException("predecessorId", "is required");
        }
        if (predecessorId.equals(taskId)) {
            throw new InvalidInputException("predecessorId", "a task cannot wait for itself");
        }
        Task predecessor = tasks.findByIdAndDeletedAtIsNull(predecessorId)
                .orElseThrow(() -> new InvalidInputException("predecessorId", "no such task in this workspace"));
        if (!predecessor.getCampaignId().equals(task.getCampaignId())) {
            throw new InvalidInputException("predecessorId", "must be a task of the same campaign");
        }
        if (dependencies.findByPredecessorIdAndSuccessorId(predecessorId, taskId).isPresent()) {
            throw new ConflictException("duplicate-dependency",
                    task.getTitle() + " already waits for " + predecessor.getTitle());
        }
        List<UUID> loop = path(task.getCampaignId(), taskId, predecessorId);
        if (!loop.isEmpty()) {
            Map<UUID, String> titles = new HashMap<>();
            tasks.findAllById(loop).forEach(t -> titles.put(t.getId(), t.getTitle()));
            List<String> cycle = new ArrayList<>(loop.stream().map(titles::get).toList());
            cycle.add(task.getTitle());
            throw new DependencyCycleException(cycle);
        }
        dependencies.saveAndFlush(new TaskDependency(task.getCampaignId(), predecessorId, taskId, clock.instant()));
        service.replan(task);
        return views.of(task);
    }

    @Override
    public TaskView remove(UUID taskId, UUID predecessorId) {
        Task task = service.live(taskId);
        TaskDependency link = dependencies.findByPredecessorIdAndSuccessorId(predecessorId, taskId)
                .orElseThrow(() -> new NotFoundException("The dependency"));
        dependencies.delete(link);
        dependencies.flush();
        service.replan(task);
        return views.of(task);
    }

    /** The campaign's tasks that {@code taskId} could wait for: not itself, not already, not closing a loop. */
    @Override
    @Transactional(readOnly = true)
    public List<TaskRef> candidates(UUID taskId) {
        Task task = service.live(taskId);
        Map<UUID, List<UUID>> successors = successorsIn(task.getCampaignId());
        Set<UUID> downstream = reachable(successors, taskId); // the task and everything after it
        Set<UUID> already = new HashSet<>();
        dependencies.findBySuccessorIdIn(List.of(taskId)).forEach(d -> already.add(d.getPredecessorId()));
        return tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(task.getCampaignId()).stream()
                .filter(t -> !downstream.contains(t.getId()) && !already.contains(t.getId()))
                .map(TaskViews::ref).toList();
    }

    /** The chain from {@code from} along successor links to {@code to}, both included; empty when there is none. */
    private List<UUID> path(UUID campaignId, UUID from, UUID to) {
        Map<UUID, List<UUID>> successors = successorsIn(campaignId);
        Map<UUID, UUID> cameFrom = new HashMap<>();
        Deque<UUID> queue = new ArrayDeque<>(List.of(from));
        Set<UUID> seen = new HashSet<>(List.of(from));
        while (!queue.isEmpty()) {
            UUID at = queue.poll();
            if (at.equals(to)) {
                List<UUID> chain = new ArrayList<>();
                for (UUID step = to; step != null; step = cameFrom.get(step)) {
                    chain.add(step);
                }
                Collections.reverse(chain);
                return chain;
            }
            for (UUID next : successors.getOrDefault(at, List.of())) {
                if (seen.add(next)) {
                    cameFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    private Map<UUID, List<UUID>> successorsIn(UUID campaignId) {
        Map<UUID, List<UUID>> successors = new HashMap<>();
        for (TaskDependency d : dependencies.findByCampaignId(campaignId)) {
            successors.computeIfAbsent(d.getPredecessorId(), k -> new ArrayList<>()).add(d.getSuccessorId());
        }
        return successors;
    }

    private static Set<UUID> reachable(Map<UUID, List<UUID>> successors, UUID from) {
        Set<UUID> seen = new HashSet<>(List.of(from));
        Deque<UUID> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            for (UUID next : successors.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }
}
