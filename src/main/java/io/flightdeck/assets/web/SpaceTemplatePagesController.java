package io.flightdeck.assets.web;

import java.util.UUID;

import io.flightdeck.assets.domain.SpaceTemplates;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Save as template on a space's page: the template opens in the library, or the space says why not. */
@Controller
class SpaceTemplatePagesController {

    private final SpaceTemplates templates;

    SpaceTemplatePagesController(SpaceTemplates templates) {
        this.templates = templates;
    }

    @PostMapping("/spaces/{id}/save-as-template")
    @PreAuthorize("hasRole('MANAGER')")
    String save(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String description, @RequestParam(required = false) String category,
            RedirectAttributes redirect) {
        try {
            SpaceTemplates.SavedSpaceTemplate saved = templates.save(id, name, description, category);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Saved “" + saved.space().name() + "” as a template"));
            return "redirect:/templates/" + saved.templateId();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
            return "redirect:/spaces/" + id;
        }
    }
}
