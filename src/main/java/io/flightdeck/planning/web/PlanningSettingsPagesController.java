package io.flightdeck.planning.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.planning.settings.PlanningPreferences;
import io.flightdeck.planning.settings.PlanningSettingsChange;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Planning settings for managers: automatic timelines, buffers by priority, holidays; refusals come back inline. */
@Controller
@RequestMapping("/settings/planning")
@PreAuthorize("hasRole('MANAGER')")
class PlanningSettingsPagesController {

    private static final String PAGE = "planning/settings";

    private final PlanningPreferences configuration;

    PlanningSettingsPagesController(PlanningPreferences configuration) {
        this.configuration = configuration;
    }

    @GetMapping
    String settings(Model model) {
        model.addAttribute("form", PlanningSettingsForm.of(configuration.view()));
        model.addAttribute("errors", Map.of());
        model.addAttribute("buffers", PlanningSettingsForm.BUFFERS);
        return PAGE;
    }

    @PostMapping
    String save(@ModelAttribute("form") PlanningSettingsForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        PlanningSettingsChange change = form.toChange(errors);
        try {
            if (errors.isEmpty()) {
                configuration.change(change, null);
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Planning settings saved"));
                return "redirect:/settings/planning";
            }
            configuration.check(change); // writes nothing; finds the readable fields' problems too
        } catch (InvalidInputException e) {
            FormErrors.of(e).forEach(errors::putIfAbsent);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("buffers", PlanningSettingsForm.BUFFERS);
        return PAGE;
    }
}
