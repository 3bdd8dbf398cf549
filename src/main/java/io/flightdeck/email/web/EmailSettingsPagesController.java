package io.flightdeck.email.web;

import java.util.Map;

import io.flightdeck.email.delivery.DeliveryProvider;
import io.flightdeck.email.delivery.DeliverySettings;
import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.email.settings.SenderSettingsView;
import io.flightdeck.email.tracking.AppleProxyList;
import io.flightdeck.shared.InvalidInputException;
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
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sender settings page: admins set the from name and address, reply-to and postal address, and the provider
 * campaign mail goes through (with the webhook addresses to paste into it); others read them. It also says which of
 * Apple's proxy addresses tell Apple's opens apart.
 */
@Controller
class EmailSettingsPagesController {

    private final EmailSettings settings;
    private final DeliverySettings delivery;
    private final AppleProxyList appleProxies;

    EmailSettingsPagesController(EmailSettings settings, DeliverySettings delivery, AppleProxyList appleProxies) {
        this.settings = settings;
        this.delivery = delivery;
        this.appleProxies = appleProxies;
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

    @PostMapping("/email/settings/delivery")
    @PreAuthorize("hasRole('ADMIN')")
    String saveDelivery(@RequestParam(defaultValue = "") String provider,
            @RequestParam(defaultValue = "") String mailjetApiKey,
            @RequestParam(defaultValue = "") String mailjetSecretKey,
            @RequestParam(defaultValue = "") String sendgridApiKey,
            @RequestParam(defaultValue = "") String sendgridVerificationKey,
            @RequestParam(defaultValue = "0") long version, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        DeliveryProvider chosen = java.util.Arrays.stream(DeliveryProvider.values())
                .filter(p -> p.name().equals(provider)).findFirst().orElse(null);
        try {
            delivery.update(new DeliverySettings.DeliveryChange(chosen, mailjetApiKey, mailjetSecretKey,
                    sendgridApiKey, sendgridVerificationKey), version);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Delivery settings saved"));
            return "redirect:/email/settings#delivery";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("deliveryErrors", FormErrors.of(e));
        } catch (PreconditionFailedException e) {
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            model.addAttribute("deliveryErrors", Map.of("global", e.getMessage()));
        }
        SenderSettingsView view = settings.view();
        return page(view, new EmailSettings.SenderChange(view.fromName(), view.fromAddress(), view.replyTo(),
                view.postalAddress()), Map.of(), model);
    }

    private String page(SenderSettingsView view, EmailSettings.SenderChange form, Map<String, String> errors,
            Model model) {
        boolean admin = CurrentActor.require().role().includes(Role.ADMIN);
        model.addAttribute("delivery", delivery.view(admin));
        model.addAttribute("providers", DeliveryProvider.values());
        if (!model.containsAttribute("deliveryErrors")) {
            model.addAttribute("deliveryErrors", Map.of());
        }
        model.addAttribute("settings", view);
        model.addAttribute("appleProxies", appleProxies.status());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.ADMIN));
        return "email/settings";
    }

    /** Settings lists the sender and the postal address, so a person sent to set it finds it, or whom to ask. */
    @Configuration(proxyBeanMethods = false)
    static class EmailSettingsNavigation {

        @Bean
        NavItem emailSenderSettingsNavItem() {
            return new NavItem("Sender and postal address", "/email/settings", "mail", 929, Role.ADMIN,
                    NavGroup.SETTINGS, "Who campaign mail comes from, where replies go, and the postal address every "
                    + "campaign mail carries in its footer (no campaign mail goes out without one).");
        }
    }
}
