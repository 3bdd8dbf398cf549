package io.flightdeck.email.web;

import java.util.Map;

import io.flightdeck.email.templates.EmailHtml;
import io.flightdeck.email.templates.EmailTemplates;
import io.flightdeck.email.templates.EmailTemplateKind;
import io.flightdeck.email.templates.EmailTemplateView;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
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
 * Templates in the browser: the list (built-ins first) with a form to make one, blank or from another; each template's
 * editor (name, subject, preheader, HTML), whose save says what the sanitiser removed; built-ins are shown read-only
 * with a button to copy them. The preview and test send are {@link TemplateToolsPagesController}'s, the pickers'
 * insertions {@link TemplatePickersPagesController}'s.
 */
@Controller
class TemplatePagesController {

    private final EmailTemplates templates;
    private final TemplateTools tools;

    TemplatePagesController(EmailTemplates templates, TemplateTools tools) {
        this.templates = templates;
        this.tools = tools;
    }

    @GetMapping("/email/templates")
    String all(@RequestParam(required = false) Integer page, Model model) {
        return listPage(page, "", "builtin-welcome", Map.of(), model);
    }

    @PostMapping("/email/templates")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String copyFrom,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            EmailTemplateView made = copyFrom.isBlank()
                    ? templates.create(new EmailTemplates.TemplateChange(name, EmailTemplateKind.CUSTOM,
                            "Your subject", "", "<p>Hello {{first_name | \"there\"}},</p>"), null)
                    : templates.create(new EmailTemplates.TemplateChange(name.isBlank() ? null : name, null, null,
                            null, null), copyFrom);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Template made: " + made.name()));
            return "redirect:/email/templates/" + made.id();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = e instanceof InvalidInputException invalid
                    ? FormErrors.of(invalid, f -> f.equals("copyFrom") ? "copyFrom" : "name")
                    : Map.of("name", e.getMessage());
            return listPage(null, name, copyFrom, errors, model);
        }
    }

    @GetMapping("/email/templates/{id}")
    String editor(@PathVariable String id, @RequestParam(required = false) String contact,
            @RequestParam(required = false) String view, @RequestParam(required = false) String cq,
            @RequestParam(required = false) Integer cpage, @RequestParam(required = false) String iq,
            @RequestParam(required = false) Integer ipage, Model model) {
        EmailTemplateView template = templates.get(id);
        tools.addTo(model, template.content(), contact, "mobile".equals(view),
                new TemplatePickerQuery(cq, cpage, iq, ipage));
        return editorPage(template, TemplateForm.of(template), Map.of(), model);
    }

    @PostMapping("/email/templates/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String save(@PathVariable String id, TemplateForm form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        try {
            EmailTemplateKind kind = form.kind() == null ? null : EmailTemplateKind.valueOf(form.kind());
            EmailTemplateView saved = templates.update(id, new EmailTemplates.TemplateChange(form.name(), kind,
                    form.subject(), form.preheader(), form.html()), form.version());
            String removed = EmailHtml.Sanitised.summaryOf(saved.removed());
            redirect.addFlashAttribute(Flash.KEY, removed.isEmpty() ? Flash.success("Template saved")
                    : Flash.error("Template saved. " + removed));
            return "redirect:/email/templates/" + id;
        } catch (InvalidInputException | ConflictException | PreconditionFailedException
                | IllegalArgumentException e) {
            response.setStatus(e instanceof PreconditionFailedException ? HttpStatus.PRECONDITION_FAILED.value()
                    : HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = e instanceof InvalidInputException invalid ? FormErrors.of(invalid)
                    : Map.of("global", e instanceof IllegalArgumentException ? "Choose what the template is for"
                            : e.getMessage());
            EmailTemplateView stored = templates.get(id);
            tools.addTo(model, stored.content(), null, false, TemplatePickerQuery.NONE);
            return editorPage(stored, form, errors, model);
        }
    }

    @PostMapping("/email/templates/{id}/delete")
    @PreAuthorize("hasRole('MANAGER')")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        String name = templates.get(id).name();
        templates.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Template removed: " + name));
        return "redirect:/email/templates";
    }

    private String listPage(Integer page, String name, String copyFrom, Map<String, String> errors, Model model) {
        model.addAttribute("templates", templates.list(Paging.of(page, Paging.DEFAULT_SIZE, Sort.unsorted())));
        model.addAttribute("sources", templates.list(Paging.of(0, Paging.MAX_SIZE, Sort.unsorted())).getContent());
        model.addAttribute("name", name);
        model.addAttribute("copyFrom", copyFrom);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        return "email/templates";
    }

    private String editorPage(EmailTemplateView template, TemplateForm form, Map<String, String> errors, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("kinds", EmailTemplateKind.values());
        model.addAttribute("builtWithBlocks", !template.builtIn() && templates.design(template.id()).isPresent());
        model.addAttribute("errors", errors);
        model.addAttribute("me", CurrentActor.require().email());
        model.addAttribute("canEdit", !template.builtIn() && CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        model.addAttribute("canSend", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        model.addAttribute("canDelete", !template.builtIn() && CurrentActor.require().role().includes(Role.MANAGER));
        return "email/template";
    }

    @Configuration(proxyBeanMethods = false)
    static class TemplateNavigation {
        @Bean
        NavItem emailTemplatesNavItem() {
            return new NavItem("Email templates", "/email/templates", "mail", 62, Role.VIEWER, NavGroup.PUBLISHING);
        }
    }
}
