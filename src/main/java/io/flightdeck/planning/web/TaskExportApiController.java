package io.flightdeck.planning.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.tasks.TaskSort;
import io.flightdeck.shared.export.ExportFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task lists (a campaign's and the workspace's) as files, with the lists' filters; any member may export them. */
@RestController
@Tag(name = "Tasks")
class TaskExportApiController {

    private final TaskExport export;

    TaskExportApiController(TaskExport export) {
        this.export = export;
    }

    @Operation(summary = "Every task of a campaign the list's filters keep, as CSV or Excel (format=csv or xlsx), "
            + "streamed in the list's order; cells that could start a spreadsheet formula are written as text")
    @GetMapping(value = "/api/v1/campaigns/{id}/tasks/export", produces = {"text/csv", ExportFormat.XLSX_TYPE})
    void campaignTasks(@PathVariable UUID id, @RequestParam(required = false) String format,
            @Parameter(description = "Repeatable: todo, in_progress, blocked, in_review, done, cancelled")
            @RequestParam(required = false) List<String> status,
            @Parameter(description = "A member id, me, or none for unassigned") @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String priority, @RequestParam(required = false) UUID milestone,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean atRisk,
            @RequestParam(required = false) @Size(max = 200) String q, @RequestParam(required = false) String sort,
            HttpServletResponse response) throws IOException {
        export.send(response, format, TaskListParams.filter(id, status, assignee, priority, milestone, overdue, atRisk, q),
                sort, TaskSort.POSITION);
    }

    @Operation(summary = "Every task of the workspace the list's filters keep, as CSV or Excel (format=csv or xlsx), "
            + "streamed in the list's order; cells that could start a spreadsheet formula are written as text")
    @GetMapping(value = "/api/v1/tasks/export", produces = {"text/csv", ExportFormat.XLSX_TYPE})
    void workspaceTasks(@RequestParam(required = false) String format,
            @Parameter(description = "Repeatable: todo, in_progress, blocked, in_review, done, cancelled")
            @RequestParam(required = false) List<String> status,
            @Parameter(description = "A member id, me, or none for unassigned") @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String priority, @RequestParam(required = false) UUID milestone,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean atRisk,
            @RequestParam(required = false) @Size(max = 200) String q, @RequestParam(required = false) String sort,
            HttpServletResponse response) throws IOException {
        export.send(response, format, TaskListParams.filter(null, status, assignee, priority, milestone, overdue, atRisk, q),
                sort, TaskSort.DUE_DATE);
    }
}
