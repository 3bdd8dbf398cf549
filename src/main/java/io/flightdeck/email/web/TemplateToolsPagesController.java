package io.flightdeck.email.web;

import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.templates.EmailTemplates;
import io.flightdeck.email.templates.EmailTemplateView;
import io.flightdeck.email.templates.TestSends;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FramedHtml;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The template editor's tools: the preview pane on its own (htmx swaps it when the width or the contact changes) and
 * the test send, whose outcome (sent, or why not) comes back as the page's message.
 */
@Controller
class TemplateToolsPagesController {

    private final EmailTemplates templates;
    private final TemplateTools tools;
    private final TestSends testSends;
    private final Contacts contacts;

    TemplateToolsPagesController(EmailTemplates templates, TemplateTools tools, TestSends testSends,
            Contacts contacts) {
        this.templates = templates;
        this.tools = tools;
        this.testSends = testSends;
        this.contacts = contacts;
    }

    @GetMapping("/email/templates/{id}/preview")
    String preview(@PathVariable String id, @RequestParam(required = false) String contact,
            @RequestParam(required = false) String view, HttpServletRequest request, Model model) {
        EmailTemplateView template = templates.get(id);
        model.addAttribute("template", template);
        model.addAttribute("preview", tools.preview(template.content(), contact, "mobile".equals(view)));
        return "email/fragments/template-preview :: preview";
    }

    /** The preview's HTML on its own, for the preview's frame: styled inline, as email is ({@link FramedHtml}). */
    @GetMapping("/email/templates/{id}/preview/frame")
    ResponseEntity<String> frame(@PathVariable String id, @RequestParam(required = false) String contact) {
        return TemplatePreview.framed(tools.preview(templates.get(id).content(), contact, false));
    }

    @PostMapping("/email/templates/{id}/test-send")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String testSend(@PathVariable String id, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String contact, RedirectAttributes redirect) {
        EmailTemplateView template = templates.get(id);
        Flash outcome;
        try {
            ContactView data = contact.isBlank() || contact.length() > 320 ? null
                    : contacts.search(contact.strip(), null, PageRequest.of(0, 1)).stream().findFirst().orElse(null);
            TestSends.TestSendView sent = testSends.send("TEMPLATE", EmailTemplates.ledgerId(template.id()),
                    template.content(), to, data == null ? null : data.id());
            outcome = sent.state().equals("SENT") ? Flash.success("Test sent to " + sent.to())
                    : Flash.error("The test did not go out: " + sent.error());
        } catch (InvalidInputException | NotFoundException e) {
            outcome = Flash.error("No test sent: " + e.getMessage());
        }
        redirect.addFlashAttribute(Flash.KEY, outcome);
        return "redirect:" + UriComponentsBuilder.fromPath("/email/templates/{id}")
                .queryParamIfPresent("contact", java.util.Optional.of(contact).filter(c -> !c.isBlank()))
                .buildAndExpand(id).encode().toUriString();
    }
}
