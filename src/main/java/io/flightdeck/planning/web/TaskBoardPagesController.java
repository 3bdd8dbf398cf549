package io.flightdeck.planning.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.planning.tasks.TaskStatus;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's Kanban board: a column per status. Cards move by drag and drop (task-board.js posts the move) or by
 * each card's Move menu; both answer htmx with the whole board re-rendered from what was saved, so a refused move
 * leaves the card where it was and says why.
 */
@Controller
class TaskBoardPagesController {

    private final CampaignTasks tasks;
    private final CampaignDirectory campaigns;

    TaskBoardPagesController(CampaignTasks tasks, CampaignDirectory campaigns) {
        this.tasks = tasks;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/board")
    String board(@PathVariable UUID id, HttpServletRequest request, Model model) {
        addBoard(id, model);
        return Htmx.view(request, "planning/board", "board");
    }

    @PostMapping("/campaigns/{id}/board/tasks/{taskId}/status")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String move(@PathVariable UUID id, @PathVariable UUID taskId, @RequestParam(required = false) String status,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        TaskView task = tasks.get(taskId);
        if (!task.campaignId().equals(id)) {
            throw new NotFoundException("The task");
        }
        String notice = null;
        String error = null;
        try {
            TaskStatus target = TaskListParams.status(status == null ? "" : status);
            tasks.move(taskId, target);
            notice = task.title() + " moved to " + target.label();
        } catch (ConflictException | InvalidInputException e) {
            error = "Not moved: " + e.getMessage();
        }
        if (!Htmx.isHtmx(request)) {
            return TaskPages.back(redirect, error == null ? Flash.success(notice) : Flash.error(error),
                    "/campaigns/" + id + "/board");
        }
        addBoard(id, model);
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        return "planning/board :: board";
    }

    private void addBoard(UUID id, Model model) {
        CampaignSnapshot campaign = campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign"));
        List<TaskView> all = tasks.ofCampaign(id);
        Map<TaskStatus, List<TaskView>> columns = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            columns.put(status, all.stream().filter(t -> t.status() == status).toList());
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("columns", columns);
        model.addAttribute("taskCount", all.size());
        TaskPages.addRoles(model);
    }
}
