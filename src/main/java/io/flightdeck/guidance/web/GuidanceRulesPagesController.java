package io.flightdeck.guidance.web;

import java.util.Map;

import io.flightdeck.guidance.recommendations.ReactionMemory;
import io.flightdeck.guidance.recommendations.ReactionMemory.AcceptanceRate;
import io.flightdeck.guidance.recommendations.RuleSwitches;
import io.flightdeck.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' page of recommendation rules: each on or off for the workspace, with its acceptance rate. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class GuidanceRulesPagesController {

    private final RuleSwitches switches;
    private final ReactionMemory reactions;

    GuidanceRulesPagesController(RuleSwitches switches, ReactionMemory reactions) {
        this.switches = switches;
        this.reactions = reactions;
    }

    @GetMapping("/guidance/rules")
    String rules(Model model) {
        Map<String, AcceptanceRate> rates = GuidanceRulesApiController.rates(reactions);
        model.addAttribute("rules", switches.list().stream()
                .map(r -> GuidanceRulesApiController.GuidanceRule.of(r, rates.get(r.ruleId()))).toList());
        return "guidance/rules";
    }

    @PostMapping("/guidance/rules/{ruleId}")
    String set(@PathVariable String ruleId, @RequestParam(defaultValue = "false") boolean enabled,
            RedirectAttributes redirect) {
        switches.set(ruleId, enabled);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(ruleId + " is " + (enabled ? "on" : "off")
                + " for the workspace."));
        return "redirect:/guidance/rules";
    }
}
