package io.flightdeck.email.web;

import java.util.Map;

import io.flightdeck.email.templates.EmailHtml;
import io.flightdeck.email.templates.EmailTemplateView;
import io.flightdeck.email.templates.EmailTemplates;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.web.Flash;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A template's block editor (GrapesJS with its newsletter preset, glue in {@code static/js/email-blocks.js}): the page
 * with the stored design (or the HTML to import when there is none), the save of the design with its exported HTML
 * (through the same checks and sanitiser as the HTML editor), and the HTML of a creative or a library image, which the
 * page puts in place of a placeholder block. Built-ins and members who may not edit are sent to the read-only page.
 */
@Controller
class TemplateBlockEditorController {

    private final EmailTemplates templates;
    private final TemplateTools tools;

    TemplateBlockEditorController(EmailTemplates templates, TemplateTools tools) {
        this.templates = templates;
        this.tools = tools;
    }

    @GetMapping("/email/templates/{id}/blocks")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String editor(@PathVariable String id, @RequestParam(required = false) String contact,
            @RequestParam(required = false) String view, @RequestParam(required = false) String cq,
            @RequestParam(required = false) Integer cpage, @RequestParam(required = false) String iq,
            @RequestParam(required = false) Integer ipage, Model model, RedirectAttributes redirect) {
        EmailTemplateView template = templates.get(id);
        if (template.builtIn()) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Built-in templates cannot be changed; make a copy to "
                    + "edit it with blocks"));
            return "redirect:/email/templates/" + id;
        }
        tools.addTo(model, template.content(), contact, "mobile".equals(view),
                new TemplatePickerQuery(cq, cpage, iq, ipage));
        return page(template, templates.design(id).orElse(""), template.html(), null, model);
    }

    @PostMapping("/email/templates/{id}/blocks")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String save(@PathVariable String id, @RequestParam(defaultValue = "") String design,
            @RequestParam(defaultValue = "") String html, @RequestParam(required = false) Long version,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            EmailTemplates.DesignSaved saved = templates.saveDesign(id, design, html, version);
            String removed = saved.template().removed().isEmpty()
                    ? "The block design held something that runs in a browser and was not kept"
                    : EmailHtml.Sanitised.summaryOf(saved.template().removed());
            redirect.addFlashAttribute(Flash.KEY, saved.designKept() ? Flash.success("Template saved")
                    : Flash.error("Template saved. " + removed + ". The block design will be rebuilt from the saved "
                            + "HTML."));
            return "redirect:/email/templates/" + id + "/blocks";
        } catch (InvalidInputException | ConflictException | PreconditionFailedException e) {
            // the page comes back with what was posted, so a refused save loses nothing of the design
            response.setStatus(e instanceof PreconditionFailedException ? HttpStatus.PRECONDITION_FAILED.value()
                    : HttpStatus.BAD_REQUEST.value());
            String error = e instanceof PreconditionFailedException
                    ? "Not saved: someone saved the template since you opened it. Copy your work, reload and redo it."
                    : "Not saved: " + e.getMessage();
            EmailTemplateView stored = templates.get(id);
            tools.addTo(model, stored.content(), null, false, TemplatePickerQuery.NONE);
            return page(stored, design, html, error, model);
        }
    }

    private String page(EmailTemplateView template, String design, String html, String error, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("design", design);
        model.addAttribute("html", html);
        model.addAttribute("textPart", EmailTemplates.textPart(template.html()));
        model.addAttribute("errors", error == null ? Map.of() : Map.of("global", error));
        model.addAttribute("me", CurrentActor.require().email());
        model.addAttribute("canEdit", true);
        model.addAttribute("canSend", true);
        return "email/template-blocks";
    }
}
