package io.flightdeck.planning.web;

import java.util.UUID;

import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The tasks card on the campaign page: counts by status, overdue and at risk, and the ways into the plan. */
@Controller
class TaskPanelPagesController {

    private final CampaignTasks tasks;

    TaskPanelPagesController(CampaignTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/campaigns/{id}/tasks/panel")
    String panel(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/campaigns/" + id + "/tabs/plan#tasks"; // the card has no page of its own
        }
        model.addAttribute("summary", tasks.summary(id));
        model.addAttribute("campaignId", id);
        TaskPages.addRoles(model);
        return "planning/task-panel :: panel";
    }
}
