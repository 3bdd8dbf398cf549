package io.flightdeck.content.web;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.content.providers.GenerationProviderView;
import io.flightdeck.content.providers.GenerationProviders;
import io.flightdeck.content.providers.ProviderKind;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** AI settings: the providers (admins add, edit, remove and choose the default), the monthly budget, and usage. */
@Controller
@PreAuthorize("hasRole('MANAGER')")
class GenerationPagesController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final GenerationProviders providers;

    GenerationPagesController(GenerationProviders providers) {
        this.providers = providers;
    }

    record ProviderForm(String name, ProviderKind kind, String baseUrl, String model, String apiKey,
            String azureApiVersion) {

        static ProviderForm empty() {
            return new ProviderForm("", ProviderKind.ANTHROPIC, "https://api.anthropic.com", "claude-sonnet-4-5", "", "");
        }

        static ProviderForm of(GenerationProviderView p) {
            return new ProviderForm(p.name(), p.kind(), p.baseUrl(), p.model(), "", p.azureApiVersion());
        }

        GenerationProviders.ProviderDetails toDetails(boolean editing) {
            // editing with an empty key field keeps the stored key
            return new GenerationProviders.ProviderDetails(name, kind, baseUrl, model,
                    editing && (apiKey == null || apiKey.isBlank()) ? null : apiKey, azureApiVersion);
        }
    }

    @GetMapping("/settings/ai")
    String settings(Model model) {
        return page(model, null, ProviderForm.empty(), Map.of());
    }

    @GetMapping("/settings/ai/providers/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable UUID id, Model model) {
        GenerationProviderView provider = providers.get(id);
        return page(model, provider, ProviderForm.of(provider), Map.of());
    }

    @PostMapping("/settings/ai/providers")
    @PreAuthorize("hasRole('ADMIN')")
    String create(ProviderForm form, Model model, RedirectAttributes redirect) {
        try {
            GenerationProviderView created = providers.create(form.toDetails(false));
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Provider “" + created.name() + "” added"));
            return "redirect:/settings/ai";
        } catch (InvalidInputException e) {
            return page(model, null, form, FormErrors.of(e));
        } catch (ConflictException e) {
            return page(model, null, form, Map.of("name", e.getMessage()));
        }
    }

    @PostMapping("/settings/ai/providers/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable UUID id, ProviderForm form, Model model, RedirectAttributes redirect) {
        GenerationProviderView provider = providers.get(id);
        try {
            providers.update(id, form.toDetails(true), null);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Provider “" + form.name() + "” saved"));
            return "redirect:/settings/ai";
        } catch (InvalidInputException e) {
            return page(model, provider, form, FormErrors.of(e));
        } catch (ConflictException e) {
            return page(model, provider, form, Map.of("name", e.getMessage()));
        }
    }

    @PostMapping("/settings/ai/providers/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        GenerationProviderView provider = providers.get(id);
        providers.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Provider “" + provider.name() + "” removed; its usage stays"));
        return "redirect:/settings/ai";
    }

    @PostMapping("/settings/ai/default")
    @PreAuthorize("hasRole('ADMIN')")
    String makeDefault(@RequestParam(required = false) UUID providerId, RedirectAttributes redirect) {
        providers.makeDefault(providerId);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(providerId == null
                ? "The built-in generator writes unless a provider is chosen"
                : "“" + providers.get(providerId).name() + "” writes unless another is chosen"));
        return "redirect:/settings/ai";
    }

    @PostMapping("/settings/ai/budget")
    @PreAuthorize("hasRole('ADMIN')")
    String budget(@RequestParam(required = false) String monthlyTokenBudget, Model model, RedirectAttributes redirect) {
        String error;
        try {
            Long tokens = monthlyTokenBudget == null || monthlyTokenBudget.isBlank() ? null
                    : Long.valueOf(monthlyTokenBudget.replace(",", "").replace("_", "").strip());
            providers.setBudget(tokens);
            redirect.addFlashAttribute(Flash.KEY, Flash.success(tokens == null ? "No monthly token limit"
                    : String.format("At most %,d tokens a month", tokens)));
            return "redirect:/settings/ai";
        } catch (NumberFormatException e) {
            error = "Enter a whole number of tokens, such as 1,000,000, or leave it empty for no limit";
        } catch (InvalidInputException e) {
            error = "The budget must be 0 tokens or more, or empty for no limit";
        }
        model.addAttribute("budgetValue", monthlyTokenBudget); // the form again as typed
        model.addAttribute("budgetError", error);
        return page(model, null, ProviderForm.empty(), Map.of());
    }

    @GetMapping("/settings/ai/usage")
    String usage(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) Integer page,
            Model model) {
        YearMonth m = month != null ? month : providers.budget().month();
        model.addAttribute("month", m);
        model.addAttribute("budget", providers.budget());
        model.addAttribute("lines", providers.summary(m));
        model.addAttribute("calls", providers.calls(m, Paging.of(page, 50, NEWEST_FIRST)));
        return "content/ai-usage";
    }

    private String page(Model model, GenerationProviderView editing, ProviderForm form, Map<String, String> errors) {
        model.addAttribute("providers", providers.list());
        model.addAttribute("budget", providers.budget());
        if (!model.containsAttribute("budgetValue")) {
            Long limit = providers.budget().monthlyTokenBudget();
            model.addAttribute("budgetValue", limit == null ? "" : limit.toString());
        }
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ProviderKind.values());
        model.addAttribute("canEdit", CreativePagesController.can(Role.ADMIN));
        return "content/ai-settings";
    }
}
