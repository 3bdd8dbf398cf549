package io.flightdeck.planning.web;

import java.io.IOException;
import java.util.List;

import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.planning.tasks.TaskFilter;
import io.flightdeck.planning.tasks.TaskRef;
import io.flightdeck.planning.tasks.TaskSort;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.export.ExportColumn;
import io.flightdeck.shared.export.ExportFormat;
import io.flightdeck.shared.export.ExportRows;
import io.flightdeck.shared.export.ListExport;
import io.flightdeck.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * A task list (one campaign's or the workspace's) as a CSV or Excel file, for the API and the page alike, with the
 * list's filters and order: read a page at a time through the list's own query, whose views fetch names,
 * dependencies and timelines per page, never per row. Any member may export what the list shows them.
 */
@Component
class TaskExport {

    private static final ListExport<TaskView> COLUMNS = ListExport.of("Tasks",
            ExportColumn.text("Id", TaskView::id),
            ExportColumn.text("Title", TaskView::title),
            ExportColumn.text("Kind", TaskView::kind),
            ExportColumn.text("Status", TaskView::status),
            ExportColumn.text("Priority", TaskView::priority),
            ExportColumn.text("Campaign id", TaskView::campaignId),
            ExportColumn.text("Campaign", TaskView::campaignName),
            ExportColumn.text("Milestone", t -> t.milestone() == null ? null : t.milestone().title()),
            ExportColumn.text("Assignee id", TaskView::assigneeId),
            ExportColumn.text("Assignee", TaskView::assigneeName),
            ExportColumn.date("Start", TaskView::startDate),
            ExportColumn.date("Due", TaskView::dueDate),
            ExportColumn.amount("Estimate (hours)", TaskView::estimateHours),
            ExportColumn.count("Duration (days)", TaskView::durationDays),
            ExportColumn.count("Checklist done", TaskView::checklistDone),
            ExportColumn.count("Checklist items", TaskView::checklistTotal),
            ExportColumn.text("Overdue", t -> t.overdue() ? "yes" : "no"),
            ExportColumn.text("At risk", t -> t.atRisk() ? "yes" : "no"),
            ExportColumn.text("Critical", t -> t.critical() ? "yes" : "no"),
            ExportColumn.text("Predecessors", t -> titles(t.predecessors())),
            ExportColumn.moment("Started (UTC)", TaskView::startedAt),
            ExportColumn.moment("Completed (UTC)", TaskView::completedAt),
            ExportColumn.moment("Created (UTC)", TaskView::createdAt),
            ExportColumn.moment("Updated (UTC)", TaskView::updatedAt));

    private final CampaignTasks tasks;
    private final ListExports exports;

    TaskExport(CampaignTasks tasks, ListExports exports) {
        this.tasks = tasks;
        this.exports = exports;
    }

    /**
     * Checks the format, the filters and the sort (a 400 before anything is written; the filter was parsed by the
     * caller), and the campaign (a 404 for one this workspace does not have), then streams the file.
     */
    void send(HttpServletResponse response, String format, TaskFilter filter, String sort, TaskSort fallback)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        TaskSort order = TaskSort.parse(sort, fallback);
        // the list's first page also answers 404 for another workspace's campaign before the response starts
        var first = tasks.list(filter, order, PageRequest.of(0, ExportRows.PAGE));
        exports.send(response, chosen, COLUMNS, ExportRows.paged(Sort.unsorted(),
                page -> page.getPageNumber() == 0 ? first : tasks.list(filter, order, page)));
    }

    private static String titles(List<TaskRef> refs) {
        return refs.isEmpty() ? null : String.join("; ", refs.stream().map(TaskRef::title).toList());
    }

}
