package io.flightdeck.publishing.web;

import java.util.UUID;

import io.flightdeck.publishing.workflow.CampaignWorkflows;
import io.flightdeck.publishing.workflow.WorkflowView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's orchestration workflow over the API. Apart from the page's card because only a {@code @RestController}
 * has its errors answered as problem documents; beside a page handler they were HTML.
 */
@RestController
@Tag(name = "Social scheduler")
class WorkflowApiController {

    private final CampaignWorkflows workflows;

    WorkflowApiController(CampaignWorkflows workflows) {
        this.workflows = workflows;
    }

    @Operation(summary = "A campaign's workflow, VALIDATE → SCHEDULE → PUBLISH → MONITOR: each step's status, times, "
            + "attempts and last finding; NOT_STARTED before the launch")
    @GetMapping(path = "/api/v1/campaigns/{id}/workflow", produces = "application/json")
    WorkflowView workflow(@PathVariable UUID id) {
        return workflows.get(id);
    }
}
