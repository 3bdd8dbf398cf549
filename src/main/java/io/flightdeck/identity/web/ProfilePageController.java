package io.flightdeck.identity.web;

import io.flightdeck.identity.domain.AccountView;
import io.flightdeck.identity.domain.Accounts;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.web.Flash;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's profile and password. */
@Controller
class ProfilePageController {

    private final Accounts accounts;

    ProfilePageController(Accounts accounts) {
        this.accounts = accounts;
    }

    record ProfileForm(@NotBlank(message = "Enter your name") @Size(max = 120, message = "Use at most 120 characters") String displayName, String timeZone) {
    }

    record PasswordForm(@NotBlank(message = "Enter your current password") String currentPassword,
            @NotBlank(message = "Choose a new password") @Size(min = 10, max = 128, message = "Use 10 to 128 characters") String newPassword) {
    }

    @GetMapping("/profile")
    String page(Model model) {
        AccountView account = accounts.get(CurrentActor.require().userId());
        model.addAttribute("account", account);
        model.addAttribute("profileForm", new ProfileForm(account.displayName(), account.timeZone()));
        model.addAttribute("passwordForm", new PasswordForm("", ""));
        return "identity/profile";
    }

    @PostMapping("/profile")
    String saveProfile(@Valid @ModelAttribute("profileForm") ProfileForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        AccountView account = accounts.get(CurrentActor.require().userId());
        model.addAttribute("account", account);
        model.addAttribute("passwordForm", new PasswordForm("", ""));
        ZoneAndLanguageChecks.timeZone(errors, "timeZone", form.timeZone());
        if (errors.hasErrors()) {
            return "identity/profile";
        }
        try {
            accounts.updateProfile(account.id(), form.displayName(), form.timeZone());
        } catch (InvalidInputException e) {
            errors.rejectValue(e.field(), "invalid", e.getMessage());
            return "identity/profile";
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Profile saved"));
        return "redirect:/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        AccountView account = accounts.get(CurrentActor.require().userId());
        model.addAttribute("account", account);
        model.addAttribute("profileForm", new ProfileForm(account.displayName(), account.timeZone()));
        if (errors.hasErrors()) {
            return "identity/profile";
        }
        try {
            accounts.changePassword(account.id(), form.currentPassword(), form.newPassword());
        } catch (InvalidInputException e) {
            errors.rejectValue(e.field(), "invalid", e.getMessage());
            return "identity/profile";
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Password changed"));
        return "redirect:/profile";
    }
}
