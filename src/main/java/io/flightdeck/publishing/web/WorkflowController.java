package io.flightdeck.publishing.web;

import java.util.UUID;

import io.flightdeck.publishing.workflow.CampaignWorkflows;
import io.flightdeck.publishing.workflow.WorkflowView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** A campaign's orchestration workflow: {@code GET /api/v1/campaigns/{id}/workflow} and the campaign page's card. */
@Controller
@Tag(name = "Social scheduler")
class WorkflowController {

    private final CampaignWorkflows workflows;

    WorkflowController(CampaignWorkflows workflows) {
        this.workflows = workflows;
    }

    @Operation(summary = "A campaign's workflow, VALIDATE → SCHEDULE → PUBLISH → MONITOR: each step's status, times, "
            + "attempts and last finding; NOT_STARTED before the launch")
    @GetMapping(path = "/api/v1/campaigns/{id}/workflow", produces = "application/json")
    @ResponseBody
    WorkflowView workflow(@PathVariable UUID id) {
        return workflows.get(id);
    }

    @GetMapping("/campaigns/{id}/workflow/panel")
    String panel(@PathVariable UUID id, Model model) {
        model.addAttribute("workflow", workflows.get(id));
        model.addAttribute("campaignId", id);
        return "publishing/workflow :: panel";
    }
}
