package io.flightdeck.email.web;

import java.util.UUID;

import io.flightdeck.email.templates.EmailHtml;
import io.flightdeck.email.templates.EmailTemplateView;
import io.flightdeck.email.templates.EmailTemplates;
import io.flightdeck.email.templates.TemplateInsertions;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor's pickers: a chosen creative's copy or library image goes into the template and is saved at once,
 * against the version the page showed; the page comes back saying what happened. A creative or image that is not
 * there (another workspace's, deleted since) and a template changed since are said in words, not as an error page.
 */
@Controller
class TemplatePickersPagesController {

    private final EmailTemplates templates;
    private final TemplateInsertions insertions;

    TemplatePickersPagesController(EmailTemplates templates, TemplateInsertions insertions) {
        this.templates = templates;
        this.insertions = insertions;
    }

    @PostMapping("/email/templates/{id}/insert-creative")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String insertCreative(@PathVariable String id, @RequestParam(defaultValue = "") String creativeId,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        templates.get(id);
        return inserted(id, redirect, "The creative's copy", () -> insertions.insertCreative(id, uuid(creativeId),
                version));
    }

    @PostMapping("/email/templates/{id}/insert-image")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String insertImage(@PathVariable String id, @RequestParam(defaultValue = "") String assetId,
            @RequestParam(required = false) String alt, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        templates.get(id);
        return inserted(id, redirect, "The image", () -> insertions.insertImage(id, uuid(assetId), alt, version));
    }

    private interface Insertion {
        EmailTemplateView run();
    }

    private static String inserted(String id, RedirectAttributes redirect, String what, Insertion insertion) {
        Flash outcome;
        try {
            EmailTemplateView saved = insertion.run();
            String removed = EmailHtml.Sanitised.summaryOf(saved.removed());
            outcome = removed.isEmpty() ? Flash.success(what + " is in the template, before its footer")
                    : Flash.error(what + " is in the template. " + removed);
        } catch (PreconditionFailedException e) {
            outcome = Flash.error("Nothing inserted: someone saved the template since you opened it. Here it is as "
                    + "it is now; choose again.");
        } catch (NotFoundException e) {
            outcome = Flash.error("Nothing inserted: " + what.toLowerCase(java.util.Locale.ROOT)
                    + " is not in this workspace (any more).");
        } catch (InvalidInputException | ConflictException e) {
            outcome = Flash.error("Nothing inserted: " + e.getMessage());
        }
        redirect.addFlashAttribute(Flash.KEY, outcome);
        return "redirect:/email/templates/" + id + "#e-html";
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Choice");
        }
    }
}
