package io.flightdeck.email.web;

import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.sending.EmailCampaignView;
import io.flightdeck.email.sending.EmailCampaigns;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.EmailHtml;
import io.flightdeck.email.templates.EmailTemplates;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FramedHtml;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
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
 * An email campaign's own block editor: the template editor's page parts (fragment {@code email/fragments/blocks-editor}
 * and {@code static/js/email-blocks.js}) on the email's stored design, or its HTML to import. A save goes through
 * {@link EmailCampaigns#saveDesign}, the HTML form's path, so it revises the email as an HTML save does, and an email
 * whose content can no longer change (sending, sent) refuses it as it refuses the HTML form (409).
 */
@Controller
class EmailBlockEditorController {

    private final EmailCampaigns emails;
    private final TemplateTools tools;

    EmailBlockEditorController(EmailCampaigns emails, TemplateTools tools) {
        this.emails = emails;
        this.tools = tools;
    }

    @GetMapping("/email/campaigns/{id}/blocks")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String editor(@PathVariable UUID id, @RequestParam(required = false) String contact,
            @RequestParam(required = false) String view, @RequestParam(required = false) String cq,
            @RequestParam(required = false) Integer cpage, @RequestParam(required = false) String iq,
            @RequestParam(required = false) Integer ipage, Model model, RedirectAttributes redirect) {
        EmailCampaignView email = emails.get(id);
        if (!email.status().editable()) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("This email's content can no longer change: it is "
                    + email.status().label().toLowerCase(java.util.Locale.ROOT) + "."));
            return "redirect:/email/campaigns/" + id;
        }
        tools.addTo(model, content(email), contact, "mobile".equals(view), new TemplatePickerQuery(cq, cpage, iq, ipage));
        return page(email, emails.design(id).orElse(""), email.html(), null, model);
    }

    @PostMapping("/email/campaigns/{id}/blocks")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String save(@PathVariable UUID id, @RequestParam(defaultValue = "") String design,
            @RequestParam(defaultValue = "") String html, @RequestParam(required = false) Long version,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        int before = emails.get(id).revision();
        try {
            EmailCampaigns.DesignSaved saved = emails.saveDesign(id, design, html, version);
            String revised = saved.email().revision() > before ? " as revision " + saved.email().revision()
                    + ": it needs its own approval before it can be sent" : "";
            String removed = saved.removed().isEmpty()
                    ? "The block design held something that runs in a browser and was not kept"
                    : EmailHtml.Sanitised.summaryOf(saved.removed());
            redirect.addFlashAttribute(Flash.KEY, saved.designKept() ? Flash.success("Email saved" + revised + ".")
                    : Flash.error("Email saved" + revised + ". " + removed + ". The block design will be rebuilt "
                            + "from the saved HTML."));
            return "redirect:/email/campaigns/" + id + "/blocks";
        } catch (InvalidInputException | PreconditionFailedException e) {
            // the page comes back with what was posted, so a refused save loses nothing of the design
            response.setStatus(e instanceof PreconditionFailedException ? HttpStatus.PRECONDITION_FAILED.value()
                    : HttpStatus.BAD_REQUEST.value());
            String error = e instanceof PreconditionFailedException
                    ? "Not saved: someone saved the email since you opened it. Copy your work, reload and redo it."
                    : "Not saved: " + e.getMessage();
            EmailCampaignView stored = emails.get(id);
            tools.addTo(model, content(stored), null, false, TemplatePickerQuery.NONE);
            return page(stored, design, html, error, model);
        }
    }

    @GetMapping("/email/campaigns/{id}/blocks/preview")
    String preview(@PathVariable UUID id, @RequestParam(required = false) String contact,
            @RequestParam(required = false) String view, Model model) {
        EmailCampaignView email = emails.get(id);
        model.addAttribute("previewBase", "/email/campaigns/" + id + "/blocks");
        model.addAttribute("preview", tools.preview(content(email), contact, "mobile".equals(view)));
        return "email/fragments/template-preview :: preview";
    }

    /** The preview's HTML on its own, for the preview's frame: styled inline, as email is ({@link FramedHtml}). */
    @GetMapping("/email/campaigns/{id}/blocks/preview/frame")
    ResponseEntity<String> frame(@PathVariable UUID id, @RequestParam(required = false) String contact) {
        return TemplatePreview.framed(tools.preview(content(emails.get(id)), contact, false));
    }

    private String page(EmailCampaignView email, String design, String html, String error, Model model) {
        model.addAttribute("email", email);
        model.addAttribute("design", design);
        model.addAttribute("html", html);
        model.addAttribute("textPart", EmailTemplates.textPart(email.html()));
        model.addAttribute("previewBase", "/email/campaigns/" + email.id() + "/blocks");
        model.addAttribute("errors", error == null ? Map.of() : Map.of("global", error));
        return "email/campaign-blocks";
    }

    private static EmailContent content(EmailCampaignView email) {
        return new EmailContent(email.subject(), email.preheader() == null ? "" : email.preheader(), email.html());
    }
}
