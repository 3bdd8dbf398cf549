package io.flightdeck.email.web;

import java.util.Map;

import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.email.settings.SenderSettingsView;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sender settings page: admins set the from name and address, reply-to and postal address; others read them. */
@Controller
class EmailSettingsPagesController {

    private final EmailSettings settings;

    EmailSettingsPagesController(EmailSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/email/settings")
    String page(Model model) {
        SenderSettingsView view = settings.view();
        return page(view, new EmailSettings.SenderChange(view.fromName(), view.fromAddress(), view.replyTo(),
                view.postalAddress()), Map.of(), model);
    }

    @PostMapping("/email/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String save(@RequestParam(defaultValue = "") String fromName, @RequestParam(defaultValue = "") String fromAddress,
            @RequestParam(defaultValue = "") String replyTo, @RequestParam(defaultValue = "") String postalAddress,
            @RequestParam(defaultValue = "0") long version, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        EmailSettings.SenderChange change = new EmailSettings.SenderChange(fromName, fromAddress, replyTo,
                postalAddress);
        try {
            settings.update(change, version);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Sender settings saved"));
            return "redirect:/email/settings";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(settings.view(), change, FormErrors.of(e), model);
        } catch (PreconditionFailedException e) {
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            return page(settings.view(), change, Map.of("global", e.getMessage()), model);
        }
    }

    private String page(SenderSettingsView view, EmailSettings.SenderChange form, Map<String, String> errors,
            Model model) {
        model.addAttribute("settings", view);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.ADMIN));
        return "email/settings";
    }
}
