package io.flightdeck.publishing.web;

import java.util.UUID;

import io.flightdeck.publishing.workflow.CampaignWorkflows;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The campaign page's card of its orchestration workflow; the API has it from {@link WorkflowApiController}. */
@Controller
class WorkflowController {

    private final CampaignWorkflows workflows;

    WorkflowController(CampaignWorkflows workflows) {
        this.workflows = workflows;
    }

    @GetMapping("/campaigns/{id}/workflow/panel")
    String panel(@PathVariable UUID id, Model model) {
        model.addAttribute("workflow", workflows.get(id));
        model.addAttribute("campaignId", id);
        return "publishing/workflow :: panel";
    }
}
