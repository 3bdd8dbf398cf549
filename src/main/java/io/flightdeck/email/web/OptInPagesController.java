package io.flightdeck.email.web;

import java.util.Optional;
import java.util.UUID;

import io.flightdeck.email.contacts.ConsentSettingsService;
import io.flightdeck.email.contacts.OptIns;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.PublicPaths;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Double opt-in in the browser. The public confirmation page ({@code /email/confirm/{token}}, no account needed):
 * opening it changes nothing, because mail scanners open every link; its button posts the page's own form (with its
 * CSRF token) and confirms. Beside it, for members: sending a confirmation again, and the workspace's consent settings.
 */
@Controller
class OptInPagesController {

    private final OptIns optIns;
    private final ConsentSettingsService settings;

    OptInPagesController(OptIns optIns, ConsentSettingsService settings) {
        this.optIns = optIns;
        this.settings = settings;
    }

    @GetMapping("/email/confirm/{token}")
    String confirmPage(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<OptIns.Pending> pending = optIns.open(token);
        if (pending.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "email/opt-in-invalid";
        }
        csrfTokenFirst(request);
        model.addAttribute("pending", pending.get());
        model.addAttribute("token", token);
        return "email/opt-in-confirm";
    }

    @PostMapping("/email/confirm/{token}")
    String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            OptIns.Pending confirmed = optIns.confirm(token, request.getRemoteAddr());
            redirect.addFlashAttribute("confirmedEmail", confirmed.email());
            return "redirect:/email/confirm/done";
        } catch (NotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "email/opt-in-invalid";
        }
    }

    @GetMapping("/email/confirm/done")
    String confirmed() {
        return "email/opt-in-confirmed";
    }

    @PostMapping("/email/contacts/{id}/opt-in/resend")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String resend(@PathVariable UUID id, RedirectAttributes redirect) {
        optIns.resend(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("The confirmation link is on its way again; the earlier "
                + "link no longer works"));
        return "redirect:/email/contacts/" + id;
    }

    @GetMapping("/settings/email-consent")
    String settingsPage(Model model) {
        model.addAttribute("settings", settings.current());
        model.addAttribute("canChange", CurrentActor.require().role().includes(Role.ADMIN));
        return "email/opt-in-settings";
    }

    @PostMapping("/settings/email-consent")
    @PreAuthorize("hasRole('ADMIN')")
    String changeSettings(@RequestParam(required = false) String doubleOptIn,
            @RequestParam(required = false) String keepConsentAddress, @RequestParam(required = false) Long version,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            settings.change(doubleOptIn != null, keepConsentAddress != null, version);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Consent settings saved"));
            return "redirect:/settings/email-consent";
        } catch (PreconditionFailedException e) {
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            model.addAttribute(Flash.KEY, Flash.error("Someone changed these settings meanwhile; here they are now. "
                    + "Make your change again."));
            return settingsPage(model);
        }
    }

    /**
     * A visitor has no session until the form needs a CSRF token, and a session cannot be made once the response is
     * committed, so the token (and its session) is made before the page is written, as the reviewer page does.
     */
    private static void csrfTokenFirst(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            csrf.getToken();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OptInPagesConfiguration {

        /** The confirmation link works without an account; its token alone opens the right workspace. */
        @Bean
        PublicPaths emailConfirmationPaths() {
            return PublicPaths.of("/email/confirm/**");
        }

        @Bean
        NavItem emailConsentSettingsNavItem() {
            return new NavItem("Email consent", "/settings/email-consent", "sliders", 935, Role.ADMIN,
                    NavGroup.SETTINGS, "Whether people added by a form or the API confirm by email before they get "
                    + "campaign mail (double opt-in), and whether the address they confirmed from is kept.");
        }
    }
}
