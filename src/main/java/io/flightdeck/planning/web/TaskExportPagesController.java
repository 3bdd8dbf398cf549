package io.flightdeck.planning.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.tasks.TaskSort;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The task list page's Export CSV and Export Excel: the API's file, signed in by the session. */
@Controller
class TaskExportPagesController {

    private final TaskExport export;

    TaskExportPagesController(TaskExport export) {
        this.export = export;
    }

    @GetMapping("/campaigns/{id}/tasks/export")
    void campaignTasks(@PathVariable UUID id, @RequestParam(required = false) String format,
            @RequestParam(required = false) List<String> status, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String priority, @RequestParam(required = false) UUID milestone,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean atRisk,
            @RequestParam(required = false) @Size(max = 200) String q, @RequestParam(required = false) String sort,
            HttpServletResponse response) throws IOException {
        export.send(response, format, TaskListParams.filter(id, status, assignee, priority, milestone, overdue, atRisk, q),
                sort, TaskSort.POSITION);
    }
}
