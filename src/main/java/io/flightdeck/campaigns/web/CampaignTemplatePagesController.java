package io.flightdeck.campaigns.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.campaigns.domain.CampaignView;
import io.flightdeck.campaigns.domain.Campaigns;
import io.flightdeck.campaigns.templates.CampaignStarter;
import io.flightdeck.campaigns.templates.CampaignTemplateView;
import io.flightdeck.campaigns.templates.CampaignTemplates;
import io.flightdeck.campaigns.templates.NewCampaignFromTemplate;
import io.flightdeck.campaigns.templates.StartedCampaign;
import io.flightdeck.campaigns.templates.TemplateLabel;
import io.flightdeck.campaigns.templates.TemplateVisibility;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The templates library's pages: the library by category, one template (rename, share, bin), the wizard that starts
 * a campaign from it, and on a campaign Save as template and Clone with their choices. A refused form comes back
 * with what was typed and the reason beside the field.
 */
@Controller
class CampaignTemplatePagesController {

    private final CampaignTemplates templates;
    private final CampaignStarter starter;
    private final Campaigns campaigns;

    CampaignTemplatePagesController(CampaignTemplates templates, CampaignStarter starter, Campaigns campaigns) {
        this.templates = templates;
        this.starter = starter;
        this.campaigns = campaigns;
    }

    @GetMapping("/templates")
    String library(@RequestParam(required = false) String category, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, Model model) {
        String text = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("page", templates.list(category, text, Paging.of(page, 24, Sort.by("name", "id"))));
        model.addAttribute("categories", templates.categories());
        model.addAttribute("category", category);
        model.addAttribute("q", text);
        model.addAttribute("canManage", canManage());
        return "campaigns/templates/library";
    }

    @GetMapping("/templates/{id}")
    String template(@PathVariable UUID id, Model model) {
        model.addAttribute("template", templates.get(id));
        model.addAttribute("visibilities", TemplateVisibility.values());
        model.addAttribute("canManage", canManage());
        return "campaigns/templates/detail";
    }

    @PostMapping("/templates/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    String relabel(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String description, @RequestParam(required = false) String category,
            @RequestParam(required = false) TemplateVisibility visibility, @RequestParam(required = false) Long version,
            Model model, RedirectAttributes redirect) {
        try {
            templates.update(id, new TemplateLabel(name, description, category, visibility), version);
        } catch (InvalidInputException | PreconditionFailedException e) {
            model.addAttribute("error", e instanceof PreconditionFailedException
                    ? "Someone else changed this template a moment ago; here it is as it is now." : e.getMessage());
            return template(id, model);
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Template saved"));
        return "redirect:/templates/" + id;
    }

    @PostMapping("/templates/{id}/delete")
    @PreAuthorize("hasRole('MANAGER')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        CampaignTemplateView template = templates.get(id);
        templates.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("\"" + template.name() + "\" moved to the bin"));
        redirect.addFlashAttribute("undoTemplate", id);
        return "redirect:/templates";
    }

    @PostMapping("/templates/{id}/restore")
    @PreAuthorize("hasRole('MANAGER')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        templates.restore(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Template restored"));
        return "redirect:/templates/" + id;
    }

    /** The wizard: 1 the template, 2 name and start, 3 what to bring; the dates follow the start as it is typed. */
    @GetMapping("/templates/{id}/use")
    @PreAuthorize("hasRole('MANAGER')")
    String use(@PathVariable UUID id, Model model) {
        CampaignTemplateView template = templates.get(id);
        model.addAttribute("template", template);
        keep(model, "startDate", LocalDate.now().plusWeeks(2));
        keep(model, "name", template.name());
        keep(model, "chosen", template.parts().stream().map(CampaignTemplateView.CarriedPart::part).toList());
        if (model.getAttribute("startDate") instanceof LocalDate start) {
            model.addAttribute("preview", templates.preview(id, start));
        }
        return "campaigns/templates/use";
    }

    @GetMapping("/templates/{id}/use/dates")
    @PreAuthorize("hasRole('MANAGER')")
    String dates(@PathVariable UUID id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate startDate, Model model) {
        model.addAttribute("preview", startDate == null ? null : templates.preview(id, startDate));
        return "campaigns/templates/use :: dates";
    }

    @PostMapping("/templates/{id}/use")
    @PreAuthorize("hasRole('MANAGER')")
    String start(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam(required = false) Set<TemplatePart> parts,
            @RequestParam(defaultValue = "false") boolean approvalsStartOver,
            @RequestParam(defaultValue = "false") boolean copyAssets, Model model, RedirectAttributes redirect) {
        return started(new NewCampaignFromTemplate(name, startDate, chosen(parts),
                new TemplateCopy(approvalsStartOver, copyAssets)), starter::fromTemplate, id,
                "started from the template", () -> use(id, model), model, redirect);
    }

    @GetMapping("/campaigns/{id}/save-as-template")
    @PreAuthorize("hasRole('MANAGER')")
    String saveAsTemplate(@PathVariable UUID id, Model model) {
        CampaignView campaign = campaigns.get(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("offered", templates.parts());
        model.addAttribute("visibilities", TemplateVisibility.values());
        keep(model, "name", campaign.name());
        keep(model, "chosen", templates.parts());
        return "campaigns/templates/save";
    }

    @PostMapping("/campaigns/{id}/save-as-template")
    @PreAuthorize("hasRole('MANAGER')")
    String save(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String description, @RequestParam(required = false) String category,
            @RequestParam(required = false) TemplateVisibility visibility,
            @RequestParam(required = false) Set<TemplatePart> parts, Model model, RedirectAttributes redirect) {
        Set<TemplatePart> chosen = chosen(parts);
        try {
            CampaignTemplateView made = templates.fromCampaign(id, new TemplateLabel(name, description, category,
                    visibility), chosen);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Template \"" + made.name() + "\" saved"));
            return "redirect:/templates/" + made.id();
        } catch (InvalidInputException e) {
            refused(model, e, name, null, chosen);
            model.addAttribute("description", description);
            model.addAttribute("category", category);
            return saveAsTemplate(id, model);
        }
    }

    @GetMapping("/campaigns/{id}/clone")
    @PreAuthorize("hasRole('MANAGER')")
    String cloneForm(@PathVariable UUID id, Model model) {
        CampaignView campaign = campaigns.get(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("offered", templates.parts());
        keep(model, "name", "Copy of " + campaign.name());
        keep(model, "startDate", campaign.startDate() != null && campaign.startDate().isAfter(LocalDate.now())
                ? campaign.startDate() : LocalDate.now().plusWeeks(2));
        keep(model, "chosen", templates.parts());
        return "campaigns/templates/clone";
    }

    @PostMapping("/campaigns/{id}/clone")
    @PreAuthorize("hasRole('MANAGER')")
    String cloneCampaign(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam(required = false) Set<TemplatePart> parts,
            @RequestParam(defaultValue = "false") boolean approvalsStartOver,
            @RequestParam(defaultValue = "false") boolean copyAssets, Model model, RedirectAttributes redirect) {
        return started(new NewCampaignFromTemplate(name, startDate, chosen(parts),
                new TemplateCopy(approvalsStartOver, copyAssets)), starter::cloneOf, id, "cloned",
                () -> cloneForm(id, model), model, redirect);
    }

    /**
     * Starts the campaign (from a template or as a clone of one) and goes to it, told what did not come along; a
     * refusal puts the form back with what was typed and the reason beside the field.
     */
    private static String started(NewCampaignFromTemplate request,
            BiFunction<UUID, NewCampaignFromTemplate, StartedCampaign> start, UUID from, String done,
            Supplier<String> form, Model model, RedirectAttributes redirect) {
        try {
            StartedCampaign started = start.apply(from, request);
            String told = started.told("\"" + started.campaign().name() + "\" " + done);
            redirect.addFlashAttribute(Flash.KEY, started.notes().isEmpty() ? Flash.success(told) : Flash.notice(told));
            return "redirect:/campaigns/" + started.campaign().id();
        } catch (InvalidInputException e) {
            refused(model, e, request.name(), request.startDate(), request.parts());
            return form.get();
        }
    }

    private static Set<TemplatePart> chosen(Set<TemplatePart> parts) {
        return parts == null ? EnumSet.noneOf(TemplatePart.class) : parts;
    }

    private static void refused(Model model, InvalidInputException e, String name, LocalDate startDate,
            Set<TemplatePart> chosen) {
        model.addAttribute("errorField", e.field());
        model.addAttribute("error", e.getMessage());
        model.addAttribute("name", name);
        if (startDate != null) {
            model.addAttribute("startDate", startDate);
        }
        model.addAttribute("chosen", chosen);
    }

    /** Adds a default unless a refused form already put back what was typed. */
    private static void keep(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    private static boolean canManage() {
        return CurrentActor.require().role().includes(Role.MANAGER);
    }
}
