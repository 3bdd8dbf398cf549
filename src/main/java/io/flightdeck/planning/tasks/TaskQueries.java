package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reading side of {@link Tasks}: lists with filters, counts, a campaign's board, summary and milestones. */
@Service
@Transactional(readOnly = true)
class TaskQueries {

    private final TaskRepository tasks;
    private final TaskViews views;
    private final CampaignDirectory campaigns;

    TaskQueries(TaskRepository tasks, TaskViews views, CampaignDirectory campaigns) {
        this.tasks = tasks;
        this.views = views;
        this.campaigns = campaigns;
    }

    Page<TaskView> list(TaskFilter filter, TaskSort sort, Pageable pageable) {
        if (filter.campaignId() != null) {
            requireCampaign(filter.campaignId());
        }
        var specification = TaskSpecifications.of(filter, views.today(), sort);
        if (!filter.atRisk()) {
            Page<Task> page = tasks.findAll(specification,
                    PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
            return new PageImpl<>(views.of(page.getContent()), pageable, page.getTotalElements());
        }
        // at risk needs the timeline and the calendar: narrowed in the query to open critical tasks, decided here
        List<Task> risky = views.atRisk(tasks.findAll(specification));
        int from = (int) Math.min(pageable.getOffset(), risky.size());
        int to = Math.min(from + pageable.getPageSize(), risky.size());
        return new PageImpl<>(views.of(risky.subList(from, to)), pageable, risky.size());
    }

    long count(TaskFilter filter) {
        if (filter.atRisk()) {
            throw new IllegalArgumentException("at risk is decided after the query, so it cannot be counted by one");
        }
        return tasks.count(TaskSpecifications.of(filter, views.today(), TaskSort.POSITION));
    }

    /** Every live task of a campaign in plan order (the board). */
    List<TaskView> ofCampaign(UUID campaignId) {
        requireCampaign(campaignId);
        return views.of(tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaignId));
    }

    TaskSummary summary(UUID campaignId) {
        requireCampaign(campaignId);
        List<Task> all = tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaignId);
        Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
        all.forEach(t -> byStatus.merge(t.getStatus(), 1, Integer::sum));
        LocalDate today = views.today();
        int overdue = (int) all.stream().filter(t -> t.overdue(today)).count();
        int unassigned = (int) all.stream()
                .filter(t -> t.getKind() == TaskKind.TASK && t.getStatus().open() && t.getAssigneeId() == null).count();
        return new TaskSummary(all.size(), byStatus, overdue, views.atRisk(all).size(), unassigned,
                !tasks.timelinesOf(List.of(campaignId)).isEmpty());
    }

    /** The campaign's live milestones, for pickers. */
    List<TaskRef> milestones(UUID campaignId) {
        return tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaignId).stream()
                .filter(t -> t.getKind() == TaskKind.MILESTONE).map(TaskViews::ref).toList();
    }

    boolean hasTimeline(UUID campaignId) {
        return !tasks.timelinesOf(List.of(campaignId)).isEmpty();
    }

    private void requireCampaign(UUID campaignId) {
        campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
    }
}
