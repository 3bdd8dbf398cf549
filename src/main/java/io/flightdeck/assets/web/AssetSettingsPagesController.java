package io.flightdeck.assets.web;

import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace's asset settings: every member reads them, admins change them. */
@Controller
class AssetSettingsPagesController {

    private final AssetSettingsService settings;

    AssetSettingsPagesController(AssetSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/settings/assets")
    String settings(Model model) {
        model.addAttribute("form", AssetSettingsForm.of(settings.current()));
        return page(model);
    }

    @PostMapping("/settings/assets")
    @PreAuthorize("hasRole('ADMIN')")
    String save(@Valid @ModelAttribute("form") AssetSettingsForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form.maxUploadAmount() != null && !errors.hasFieldErrors("maxUploadAmount")
                && form.maxUploadAmount().compareTo(java.math.BigDecimal.valueOf("GB".equals(form.maxUploadUnit()) ? 5 : 5 * 1024)) > 0) {
            errors.rejectValue("maxUploadAmount", "invalid", "must be at most 5 GB (and at least 1 KB)");
        }
        if (!errors.hasErrors()) {
            try {
                settings.change(form.maxUploadBytes(), form.similarityThreshold(), form.version());
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Asset settings saved"));
                return "redirect:/settings/assets";
            } catch (InvalidInputException e) {
                if ("similarityThreshold".equals(e.field())) {
                    errors.rejectValue("similarityThreshold", "invalid", e.getMessage());
                } else {
                    errors.rejectValue("maxUploadAmount", "invalid", "must be at most 5 GB (and at least 1 KB)");
                }
            } catch (ArithmeticException e) {
                errors.rejectValue("maxUploadAmount", "invalid", "must be at most 5 GB (and at least 1 KB)");
            } catch (PreconditionFailedException e) {
                errors.reject("stale", "Someone else changed these settings while you were editing. Open the page "
                        + "again to see their change, then apply yours.");
            }
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("canChange", AssetLibraryPagesController.can(Role.ADMIN));
        model.addAttribute("current", settings.current());
        return "assets/settings";
    }
}
