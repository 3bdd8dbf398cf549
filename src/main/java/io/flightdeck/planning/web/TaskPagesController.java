package io.flightdeck.planning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.flightdeck.planning.tasks.Attachment;
import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.planning.tasks.ChecklistItem;
import io.flightdeck.planning.templates.DependencyCycleException;
import io.flightdeck.planning.tasks.TaskAssignmentProposal;
import io.flightdeck.planning.tasks.TaskChange;
import io.flightdeck.planning.tasks.TaskDiscussion;
import io.flightdeck.planning.tasks.TaskLinks;
import io.flightdeck.planning.tasks.TaskStaffing;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One task: its fields (errors beside them), the status moves it allows, dependencies, checklist, attachments,
 * comments and the assignment box (auto-assign with every candidate's score and reasons, and the manager's override).
 * Actions post and come back to the page with a toast; a refused one says why.
 */
@Controller
@RequestMapping("/tasks/{id:[0-9a-fA-F-]{36}}")
class TaskPagesController {

    private final CampaignTasks tasks;
    private final TaskLinks dependencies;
    private final TaskDiscussion comments;
    private final TaskStaffing assignments;

    TaskPagesController(CampaignTasks tasks, TaskLinks dependencies, TaskDiscussion comments,
            TaskStaffing assignments) {
        this.tasks = tasks;
        this.dependencies = dependencies;
        this.comments = comments;
        this.assignments = assignments;
    }

    @GetMapping
    String page(@PathVariable UUID id, Model model) {
        TaskView task = tasks.get(id);
        addPage(task, TaskForm.of(task), Map.of(), model);
        return "planning/task";
    }

    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String edit(@PathVariable UUID id, @ModelAttribute("form") TaskForm form,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect) {
        TaskView task = tasks.get(id);
        try {
            tasks.update(id, form.toChange(false, task.onTimeline()), version);
            return back(id, redirect, Flash.success("Saved"));
        } catch (InvalidInputException e) {
            addPage(task, form, FormErrors.of(e), model);
            return "planning/task";
        } catch (PreconditionFailedException e) {
            return back(id, redirect, Flash.error("Not saved: someone else changed this task meanwhile. "
                    + "Here it is as it is now; apply your change again."));
        }
    }

    @PostMapping("/status")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String move(@PathVariable UUID id, @RequestParam(required = false) String status, RedirectAttributes redirect) {
        return act(id, redirect, () -> "Moved to " + tasks.move(id, TaskListParams.status(status == null ? "" : status))
                .status().label());
    }

    @PostMapping("/dependencies")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String depend(@PathVariable UUID id, @RequestParam(required = false) UUID predecessorId,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            TaskView task = dependencies.add(id, predecessorId);
            return "Now waits for " + task.predecessors().stream().filter(p -> p.id().equals(predecessorId))
                    .findFirst().map(p -> p.title()).orElse("the task");
        });
    }

    @PostMapping("/dependencies/{predecessorId}/remove")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String undepend(@PathVariable UUID id, @PathVariable UUID predecessorId, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            dependencies.remove(id, predecessorId);
            return "Dependency removed";
        });
    }

    @PostMapping("/checklist")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String addItem(@PathVariable UUID id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<ChecklistItem> items = new ArrayList<>(tasks.get(id).checklist());
            items.add(new ChecklistItem(text == null ? "" : text, false));
            tasks.update(id, TaskChange.checklist(items), null);
            return "Checklist item added";
        });
    }

    @PostMapping("/checklist/{index}/toggle")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String toggle(@PathVariable UUID id, @PathVariable int index, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            TaskView task = tasks.toggleChecklistItem(id, index);
            return task.checklistDone() + " of " + task.checklistTotal() + " done";
        });
    }

    @PostMapping("/checklist/{index}/remove")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String removeItem(@PathVariable UUID id, @PathVariable int index, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<ChecklistItem> items = new ArrayList<>(tasks.get(id).checklist());
            if (index < 0 || index >= items.size()) {
                throw new InvalidInputException("checklist", "has no such item");
            }
            items.remove(index);
            tasks.update(id, TaskChange.checklist(items), null);
            return "Checklist item removed";
        });
    }

    @PostMapping("/attachments")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String attach(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String url, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<Attachment> links = new ArrayList<>(tasks.get(id).attachments());
            links.add(new Attachment(name, url));
            tasks.update(id, TaskChange.attachments(links), null);
            return "Link attached";
        });
    }

    @PostMapping("/attachments/{index}/remove")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String detach(@PathVariable UUID id, @PathVariable int index, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<Attachment> links = new ArrayList<>(tasks.get(id).attachments());
            if (index < 0 || index >= links.size()) {
                throw new InvalidInputException("attachments", "has no such link");
            }
            links.remove(index);
            tasks.update(id, TaskChange.attachments(links), null);
            return "Link removed";
        });
    }

    @PostMapping("/comments")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String comment(@PathVariable UUID id, @RequestParam(required = false) String body, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            comments.post(id, body);
            return "Comment posted";
        });
    }

    @PostMapping("/auto-assign")
    @PreAuthorize("hasRole('MANAGER')")
    String autoAssign(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean dryRun, Model model,
            RedirectAttributes redirect) {
        TaskAssignmentProposal proposal;
        try {
            proposal = assignments.autoAssign(id, dryRun);
        } catch (ConflictException e) {
            return back(id, redirect, Flash.error(e.getMessage()));
        }
        // the page itself shows the outcome with every candidate's score, so no redirect
        TaskView task = tasks.get(id);
        addPage(task, TaskForm.of(task), Map.of(), model);
        model.addAttribute("proposal", proposal);
        return "planning/task";
    }

    @PostMapping("/assignee")
    @PreAuthorize("hasRole('MANAGER')")
    String assign(@PathVariable UUID id, @RequestParam(required = false) String assigneeId,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            UUID chosen = assigneeId == null || assigneeId.isBlank() ? null : parse(assigneeId);
            TaskView task = assignments.assign(id, chosen);
            return task.assigneeName() == null ? "Nobody is assigned now" : "Assigned to " + task.assigneeName();
        });
    }

    @PostMapping("/delete")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        TaskView task = tasks.get(id);
        tasks.delete(id);
        redirect.addFlashAttribute("undoTask", id);
        return TaskPages.back(redirect, Flash.success(task.title() + " deleted"),
                "/campaigns/" + task.campaignId() + "/tasks");
    }

    @PostMapping("/restore")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        TaskView task = tasks.restore(id);
        return back(id, redirect, Flash.success(task.title() + " restored"));
    }

    private static UUID parse(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("assigneeId", "is not a member");
        }
    }

    private String act(UUID id, RedirectAttributes redirect, Supplier<String> action) {
        tasks.get(id); // another workspace's task is not found, whatever the action
        try {
            return back(id, redirect, Flash.success(action.get()));
        } catch (DependencyCycleException | ConflictException e) {
            return back(id, redirect, Flash.error(e.getMessage()));
        } catch (InvalidInputException e) {
            return back(id, redirect, Flash.error(label(e.field()) + " " + e.getMessage()));
        }
    }

    private static String back(UUID id, RedirectAttributes redirect, Flash flash) {
        return TaskPages.back(redirect, flash, "/tasks/" + id);
    }

    private static String label(String field) {
        return switch (field) {
            case "predecessorId" -> "The task to wait for";
            case "checklist" -> "The checklist item";
            case "attachments" -> "The link";
            case "body" -> "The comment";
            case "assigneeId" -> "The assignee";
            case "status" -> "The status";
            default -> field;
        };
    }

    private void addPage(TaskView task, TaskForm form, Map<String, String> errors, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("levels", SkillChip.LEVELS);
        model.addAttribute("errors", errors);
        model.addAttribute("comments", comments.list(task.id()));
        model.addAttribute("candidates", dependencies.candidates(task.id()));
        model.addAttribute("milestones", tasks.milestones(task.campaignId()));
        model.addAttribute("people", assignments.assignableMembers());
        TaskPages.addRoles(model);
    }
}
