package io.flightdeck.guidance.web;

import java.util.UUID;

import io.flightdeck.guidance.dashboard.OrchestrationDashboards;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The orchestration dashboard's page: the same answer as the dashboard endpoint, for people. */
@Controller
class OrchestrationPagesController {

    private final OrchestrationDashboards dashboards;

    OrchestrationPagesController(OrchestrationDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/campaigns/{id}/orchestration")
    String dashboard(@PathVariable UUID id, Model model) {
        model.addAttribute("d", dashboards.of(id));
        model.addAttribute("canFix", CurrentActor.require().role() != Role.VIEWER);
        return "guidance/orchestration";
    }
}
