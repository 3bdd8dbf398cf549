package io.flightdeck.planning.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.planning.templates.DependencyCycleException;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.templates.TemplateChange;
import io.flightdeck.planning.templates.TemplateItem;
import io.flightdeck.planning.templates.TemplateLibrary;
import io.flightdeck.planning.templates.TemplateView;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Timeline templates: the list by type with each type's default, a bin to restore from, and the editor of one
 * template's items. Every member may look; managers change. A refused save comes back with the messages beside the
 * cells the service named (its item index mapped back to the row on the page).
 */
@Controller
@RequestMapping("/planning/templates")
class TimelineTemplatesPagesController {

    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)](.*)");
    private static final String LIST = "planning/templates";
    private static final String EDIT = "planning/template-edit";

    private final TemplateLibrary templates;

    TimelineTemplatesPagesController(TemplateLibrary templates) {
        this.templates = templates;
    }

    @GetMapping
    String list(@RequestParam(required = false) CampaignType type, Model model) {
        addList(type, model);
        return LIST;
    }

    /** A new template starts as a copy of its type's default (or one milestone), then opens in the editor. */
    @PostMapping
    @PreAuthorize("hasRole('MANAGER')")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) CampaignType campaignType,
            @RequestParam(defaultValue = "false") boolean copyDefault, Model model, RedirectAttributes redirect) {
        List<TemplateItem> items = List.of(new TemplateItem("launch", "Launch", TaskKind.MILESTONE, 0, 0, Map.of(),
                List.of(), null));
        if (copyDefault && campaignType != null) {
            items = templates.list(campaignType).stream().filter(TemplateView::defaultForType).findFirst()
                    .map(TemplateView::items).orElse(items);
        }
        try {
            TemplateView created = templates.create(new TemplateChange(campaignType, name, null, items));
            redirect.addFlashAttribute(Flash.KEY, Flash.success(created.name() + " created; add or change its items"));
            return "redirect:/planning/templates/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("newErrors", FormErrors.of(e));
        }
        model.addAttribute("newName", name);
        model.addAttribute("newType", campaignType);
        model.addAttribute("newCopyDefault", copyDefault);
        addList(null, model);
        return LIST;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        TemplateView template = templates.get(id);
        addEditor(template, TemplateForm.of(template), Map.of(), model);
        return EDIT;
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    String save(@PathVariable UUID id, @ModelAttribute("form") TemplateForm form, BindingResult binding,
            @RequestParam(required = false) Integer more, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        TemplateView template = templates.get(id);
        form.readSkills(params);
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "is not a valid choice"));
        if (more != null) {
            form.addBlankRows(Math.min(Math.max(more, 1), 20)); // add rows without saving
            addEditor(template, form, errors, model);
            return EDIT;
        }
        List<Integer> kept = form.keptRows();
        TemplateChange change = form.toChange(errors);
        try {
            if (errors.isEmpty()) {
                TemplateView saved = templates.update(id, change, form.getVersion());
                redirect.addFlashAttribute(Flash.KEY, Flash.success(saved.name() + " saved"));
                return "redirect:/planning/templates/" + id;
            }
            templates.check(change); // writes nothing; finds the readable cells' problems too
        } catch (InvalidInputException e) {
            FormErrors.of(e, field -> rowField(field, kept)).forEach(errors::putIfAbsent);
        } catch (DependencyCycleException e) {
            errors.putIfAbsent("global", e.getMessage());
        } catch (PreconditionFailedException e) {
            errors.put("global", "Someone else changed this template while you were editing. Open it again to see "
                    + "their change, then apply yours.");
        }
        addEditor(template, form, errors, model);
        return EDIT;
    }

    @PostMapping("/{id}/default")
    @PreAuthorize("hasRole('MANAGER')")
    String makeDefault(@PathVariable UUID id, RedirectAttributes redirect) {
        TemplateView template = templates.makeDefault(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(template.name() + " is now the default for "
                + template.campaignType().label() + " campaigns"));
        return "redirect:/planning/templates";
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('MANAGER')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        TemplateView template = templates.get(id);
        templates.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(template.name() + " moved to the bin"));
        return "redirect:/planning/templates";
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasRole('MANAGER')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        TemplateView template = templates.restore(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(template.name() + " restored"));
        return "redirect:/planning/templates";
    }

    private void addList(CampaignType type, Model model) {
        model.addAttribute("templates", templates.list(type));
        model.addAttribute("deleted", templates.deleted());
        model.addAttribute("type", type);
        model.addAttribute("types", CampaignType.values());
        model.addAttribute("canManage", CurrentActor.require().role().includes(Role.MANAGER));
        if (!model.containsAttribute("newErrors")) {
            model.addAttribute("newErrors", Map.of());
        }
    }

    private void addEditor(TemplateView template, TemplateForm form, Map<String, String> errors, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", CampaignType.values());
        model.addAttribute("kinds", TaskKind.values());
        model.addAttribute("levels", SkillChip.LEVELS);
        model.addAttribute("skills", TemplateLibrary.COMMON_SKILLS);
        model.addAttribute("chipSuggestions", "skill-names");
        model.addAttribute("milestoneKeys", form.getItems().stream()
                .filter(r -> r.getKind() == TaskKind.MILESTONE && r.getKey() != null && !r.getKey().isBlank())
                .map(TemplateForm.Row::getKey).toList());
        model.addAttribute("canManage", CurrentActor.require().role().includes(Role.MANAGER));
    }

    /** The service counts only the rows it got; the page counts every row, blank and removed ones included. */
    private static String rowField(String field, List<Integer> kept) {
        Matcher m = ITEM_FIELD.matcher(field);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            if (index < kept.size()) {
                return "items[" + kept.get(index) + "]" + m.group(2);
            }
        }
        return Arrays.asList("name", "campaignType", "description").contains(field) ? field : "global";
    }
}
