package io.flightdeck.identity.web;

import java.util.UUID;

import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.identity.security.SessionSignIn;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Switching workspace, creating another one, and the workspace settings page. */
@Controller
class WorkspacePagesController {

    private final Workspaces workspaces;
    private final SessionSignIn sessionSignIn;

    WorkspacePagesController(Workspaces workspaces, SessionSignIn sessionSignIn) {
        this.workspaces = workspaces;
        this.sessionSignIn = sessionSignIn;
    }

    @PostMapping("/workspaces/switch")
    String switchTo(@RequestParam UUID workspaceId, HttpServletRequest request, RedirectAttributes redirect) {
        UUID userId = CurrentActor.require().userId();
        var choice = workspaces.choiceOf(userId, workspaceId.toString()).orElseThrow(() -> new NotFoundException("The workspace"));
        sessionSignIn.switchWorkspace(choice.workspaceId(), request);
        workspaces.rememberLastWorkspace(userId, choice.workspaceId());
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Switched to " + choice.name()));
        return "redirect:/";
    }

    record NewWorkspaceForm(@NotBlank(message = "Name your workspace") @Size(max = 120, message = "Use at most 120 characters") String name, String timeZone) {
    }

    @GetMapping("/workspaces/new")
    String newWorkspace(Model model) {
        model.addAttribute("form", new NewWorkspaceForm("", "UTC"));
        return "identity/workspace-new";
    }

    @PostMapping("/workspaces")
    String create(@Valid @ModelAttribute("form") NewWorkspaceForm form, BindingResult errors, HttpServletRequest request,
            RedirectAttributes redirect) {
        ZoneAndLanguageChecks.timeZone(errors, "timeZone", form.timeZone());
        if (errors.hasErrors()) {
            return "identity/workspace-new";
        }
        try {
            UUID workspaceId = workspaces.create(CurrentActor.require().userId(), form.name(), form.timeZone());
            sessionSignIn.switchWorkspace(workspaceId, request);
        } catch (InvalidInputException e) {
            errors.rejectValue(e.field(), "invalid", e.getMessage());
            return "identity/workspace-new";
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Workspace " + form.name().trim() + " created"));
        return "redirect:/";
    }

    record SettingsForm(@NotBlank(message = "Name the workspace") @Size(max = 120, message = "Use at most 120 characters") String name,
            @NotBlank(message = "Enter a time zone, such as Europe/Berlin") String timeZone,
            @NotBlank(message = "Enter a language tag, such as en or de-CH") String locale, Boolean assistantsReadOnly,
            long version) {
    }

    @GetMapping("/settings/workspace")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(Model model) {
        var current = workspaces.current();
        model.addAttribute("form", new SettingsForm(current.name(), current.timeZone(), current.locale(),
                current.assistantsReadOnly(), current.version()));
        model.addAttribute("workspace", current);
        return "identity/workspace-settings";
    }

    @PostMapping("/settings/workspace")
    @PreAuthorize("hasRole('ADMIN')")
    String saveSettings(@Valid @ModelAttribute("form") SettingsForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("workspace", workspaces.current());
        ZoneAndLanguageChecks.timeZone(errors, "timeZone", form.timeZone());
        ZoneAndLanguageChecks.language(errors, "locale", form.locale());
        if (errors.hasErrors()) {
            return "identity/workspace-settings";
        }
        try {
            workspaces.update(new Workspaces.Settings(form.name(), form.timeZone(), form.locale(),
                    Boolean.TRUE.equals(form.assistantsReadOnly())), form.version());
        } catch (InvalidInputException e) {
            errors.rejectValue(e.field(), "invalid", e.getMessage());
            return "identity/workspace-settings";
        } catch (PreconditionFailedException e) {
            errors.reject("stale", "Someone else saved these settings while you were editing. Reload the page to see their change.");
            return "identity/workspace-settings";
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Workspace settings saved"));
        return "redirect:/settings/workspace";
    }
}
