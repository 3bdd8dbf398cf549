package io.flightdeck.identity.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.identity.domain.ApiKeys;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.assistant.AssistantLimits;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Personal API keys: create (the secret is shown once), list, revoke. Admins also see everyone's keys. */
@Controller
class ApiKeysPageController {

    private final ApiKeys apiKeys;

    ApiKeysPageController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record KeyForm(@NotBlank(message = "Name the key after what will use it") 
            @Size(max = 80, message = "Use at most 80 characters") String name,
            @NotNull(message = "Choose a role") Role roleCeiling, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
            Set<Toolset> toolsets, Boolean assistantReadOnly) {

        /** Every toolset ticked is the same as no limit, so a toolset added later reaches such a key too. */
        AssistantLimits assistant() {
            boolean all = toolsets != null && toolsets.containsAll(EnumSet.allOf(Toolset.class));
            return new AssistantLimits(all ? null : toolsets, Boolean.TRUE.equals(assistantReadOnly));
        }
    }

    @GetMapping("/settings/api-keys")
    String page(@RequestParam(defaultValue = "mine") String scope, @RequestParam(required = false) Integer page, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new KeyForm("", Role.VIEWER, null, EnumSet.allOf(Toolset.class), false));
        }
        return render(scope, page, model);
    }

    @PostMapping("/settings/api-keys")
    String create(@Valid @ModelAttribute("form") KeyForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        Role own = CurrentActor.require().role();
        if (form.roleCeiling() != null && !own.includes(form.roleCeiling())) {
            errors.rejectValue("roleCeiling", "invalid", "Choose your own role (" + own.label() + ") or a lower one");
        }
        if (form.expiresOn() != null && !form.expiresOn().isAfter(LocalDate.now(ZoneOffset.UTC))) {
            errors.rejectValue("expiresOn", "invalid", "Choose a day after today, or leave it empty");
        }
        if (form.toolsets() == null || form.toolsets().isEmpty()) {
            errors.rejectValue("toolsets", "invalid", "Tick at least one toolset, or all of them");
        }
        if (errors.hasErrors()) {
            return render("mine", 0, model);
        }
        try {
            ApiKeys.Created created = apiKeys.create(form.name(), form.roleCeiling(),
                    form.expiresOn() == null ? null : form.expiresOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    form.assistant());
            redirect.addFlashAttribute("newSecret", created.secret());
            redirect.addFlashAttribute("newKeyName", created.key().name());
        } catch (InvalidInputException e) {
            errors.rejectValue(e.field().equals("expiresAt") ? "expiresOn" : e.field(), "invalid", e.getMessage());
            return render("mine", 0, model);
        }
        return "redirect:/settings/api-keys";
    }

    @PostMapping("/settings/api-keys/{id}/revoke")
    String revoke(@PathVariable UUID id, @RequestParam(defaultValue = "mine") String scope, RedirectAttributes redirect) {
        apiKeys.revoke(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("The key was revoked; anything using it is now refused"));
        return "redirect:/settings/api-keys?scope=" + ("all".equals(scope) ? "all" : "mine");
    }

    private String render(String scope, Integer page, Model model) {
        boolean admin = CurrentActor.require().role().includes(Role.ADMIN);
        boolean everyone = admin && "all".equals(scope);
        model.addAttribute("keys", apiKeys.list(everyone, Paging.of(page, 25, Sort.unsorted())));
        model.addAttribute("scope", everyone ? "all" : "mine");
        model.addAttribute("isAdmin", admin);
        model.addAttribute("ceilings", CurrentActor.require().role().implied().stream().sorted().toList());
        model.addAttribute("toolsets", Toolset.values());
        return "identity/api-keys";
    }
}
