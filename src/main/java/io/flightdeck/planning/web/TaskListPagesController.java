package io.flightdeck.planning.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.planning.tasks.TaskBulkAssignment;
import io.flightdeck.planning.tasks.TaskFilter;
import io.flightdeck.planning.tasks.TaskSort;
import io.flightdeck.planning.tasks.TaskStaffing;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's task list: filters that refresh the results with htmx, paging, the create form (its errors beside
 * the fields) and the manager's bulk auto-assignment.
 */
@Controller
class TaskListPagesController {

    private static final int PAGE_SIZE = 25;

    private final CampaignTasks tasks;
    private final TaskStaffing assignments;
    private final CampaignDirectory campaigns;

    TaskListPagesController(CampaignTasks tasks, TaskStaffing assignments, CampaignDirectory campaigns) {
        this.tasks = tasks;
        this.assignments = assignments;
        this.campaigns = campaigns;
    }

    /** The filters as the form shows them again. */
    record Filters(String status, String assignee, String priority, boolean overdue, boolean atRisk, String q,
            String sort) {
    }

    @GetMapping("/campaigns/{id}/tasks")
    String list(@PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String priority,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean atRisk,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        Filters filters = new Filters(status, assignee, priority, overdue, atRisk, q, sort);
        try {
            addResults(id, filters, page, request, model);
        } catch (InvalidInputException e) {
            addResults(id, new Filters(null, null, null, false, false, q, null), page, request, model);
            model.addAttribute("filterError", "That filter is not valid: " + e.field() + " " + e.getMessage());
        }
        if (Htmx.isHtmx(request)) {
            return "planning/tasks :: results";
        }
        addForm(id, TaskForm.blank(), Map.of(), model);
        return "planning/tasks";
    }

    @PostMapping("/campaigns/{id}/tasks")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String create(@PathVariable UUID id, @ModelAttribute("form") TaskForm form, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        try {
            TaskView created = tasks.create(id, form.toChange(true, tasks.hasTimeline(id)));
            return TaskPages.back(redirect, Flash.success(created.title() + " created"), "/tasks/" + created.id());
        } catch (InvalidInputException e) {
            addResults(id, new Filters(null, null, null, false, false, null, null), null, request, model);
            addForm(id, form, FormErrors.of(e), model);
            return "planning/tasks";
        }
    }

    @PostMapping("/campaigns/{id}/tasks/auto-assign")
    @PreAuthorize("hasRole('MANAGER')")
    String autoAssign(@PathVariable UUID id, HttpServletRequest request, Model model) {
        // the page itself answers, with a result panel naming the tasks nobody qualifies for and why: a manager has
        // something to act on, not a toast that fades
        TaskBulkAssignment result = assignments.autoAssignCampaign(id, false);
        model.addAttribute("assignResult", result);
        addResults(id, new Filters(null, null, null, false, false, null, null), null, request, model);
        addForm(id, TaskForm.blank(), Map.of(), model);
        return "planning/tasks";
    }

    private void addResults(UUID id, Filters filters, Integer page, HttpServletRequest request, Model model) {
        CampaignSnapshot campaign = campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign"));
        TaskFilter filter = TaskListParams.filter(id, filters.status() == null ? null : List.of(filters.status()),
                filters.assignee(), filters.priority(), null, filters.overdue(), filters.atRisk(), filters.q());
        model.addAttribute("campaign", campaign);
        model.addAttribute("filters", filters);
        model.addAttribute("filtered", filter.narrowed());
        model.addAttribute("tasks", tasks.list(filter, TaskSort.parse(filters.sort(), TaskSort.POSITION),
                Paging.of(page, PAGE_SIZE, Sort.unsorted())));
        model.addAttribute("query", Htmx.queryWithoutPage(request));
        model.addAttribute("people", assignments.assignableMembers());
        model.addAttribute("priorities", CampaignPriority.values());
        TaskPages.addRoles(model);
    }

    private void addForm(UUID id, TaskForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("levels", SkillChip.LEVELS);
        model.addAttribute("errors", errors);
        model.addAttribute("hasTimeline", tasks.hasTimeline(id));
        model.addAttribute("milestones", tasks.milestones(id));
    }
}
