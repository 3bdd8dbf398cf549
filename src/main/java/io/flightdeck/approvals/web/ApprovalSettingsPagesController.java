package io.flightdeck.approvals.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.approvals.domain.ApprovalSetup;
import io.flightdeck.approvals.domain.RuleChange;
import io.flightdeck.approvals.domain.RuleView;
import io.flightdeck.approvals.domain.ScopeChange;
import io.flightdeck.approvals.domain.ScopeView;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Approval settings for managers: scopes and their stages, deadlines per urgency, auto-approval rules. Each form
 * posts on its own; a refused one comes back with its messages beside the fields (the service names them, e.g.
 * {@code stages[1].requiredApprovals}), the others as they were.
 */
@Controller
@RequestMapping("/settings/approvals")
@PreAuthorize("hasRole('MANAGER')")
class ApprovalSettingsPagesController {

    private static final Pattern STAGE_FIELD = Pattern.compile("stages\\[(\\d+)](.*)");
    private static final String PAGE = "approvals/settings";
    private static final String BACK = "redirect:/settings/approvals";

    private final ApprovalSetup setup;
    private final MemberDirectory members;

    ApprovalSettingsPagesController(ApprovalSetup setup, MemberDirectory members) {
        this.setup = setup;
        this.members = members;
    }

    @GetMapping
    String settings(@RequestParam(required = false) String edit, Model model) {
        if (edit != null) {
            ScopeView scope = scope(edit);
            model.addAttribute("editKey", scope.key());
            model.addAttribute("scopeForm", ScopeForm.of(scope));
        }
        addPage(model);
        return PAGE;
    }

    @PostMapping("/scopes/{key}")
    String saveScope(@PathVariable String key, @ModelAttribute("scopeForm") ScopeForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        scope(key);
        Map<String, String> errors = bindingErrors(binding);
        if (errors.isEmpty()) {
            List<Integer> kept = form.keptRows();
            try {
                ScopeView saved = setup.changeScope(key, form.toChange(), form.getVersion());
                redirect.addFlashAttribute(Flash.KEY, Flash.success(saved.name() + " saved"));
                return BACK;
            } catch (InvalidInputException e) {
                errors.putAll(FormErrors.of(e, field -> rowField(field, kept)));
            } catch (PreconditionFailedException e) {
                errors.put("global", "Someone else changed this scope while you were editing. Open it again to see "
                        + "their change, then apply yours.");
            }
        }
        model.addAttribute("editKey", key);
        model.addAttribute("scopeErrors", errors);
        addPage(model);
        return PAGE;
    }

    @PostMapping("/scopes/{key}/enabled")
    String enable(@PathVariable String key, @RequestParam boolean enabled, RedirectAttributes redirect) {
        ScopeView saved = setup.changeScope(key, new ScopeChange(null, enabled, null, null, null), null);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(saved.name() + (enabled ? " enabled" : " disabled")));
        return BACK;
    }

    @PostMapping("/scopes")
    String addScope(@RequestParam(required = false) String key, @RequestParam(required = false) String name,
            Model model, RedirectAttributes redirect) {
        try {
            ScopeView added = setup.addScope(key == null ? null : key.strip(), name, null);
            redirect.addFlashAttribute(Flash.KEY, Flash.success(added.name() + " added with one review stage"));
            return "redirect:/settings/approvals?edit=" + added.key() + "#scope-editor";
        } catch (InvalidInputException e) {
            model.addAttribute("newScopeErrors", FormErrors.of(e));
        } catch (ConflictException e) {
            model.addAttribute("newScopeErrors", Map.of("key", e.getMessage()));
        }
        model.addAttribute("newScope", Map.of("key", key == null ? "" : key, "name", name == null ? "" : name));
        addPage(model);
        return PAGE;
    }

    @PostMapping("/duties")
    String saveDuties(@RequestParam(defaultValue = "false") boolean separateDuties, RedirectAttributes redirect) {
        setup.changeSeparationOfDuties(separateDuties);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(separateDuties
                ? "Separation of duties is on: requesters no longer approve their own requests"
                : "Separation of duties is off: requesters may approve their own requests"));
        return BACK + "#duties";
    }

    @PostMapping("/deadlines")
    String saveDeadlines(@ModelAttribute("deadlinePost") DeadlineForm form, BindingResult binding,
            @RequestParam Map<String, String> raw, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = bindingErrors(binding);
        model.addAttribute("deadlineValues", raw); // the form again as typed
        try {
            // a field the form could not read is 0 here, which the service refuses: nothing is written, and the
            // readable fields are checked with it
            setup.changeDeadlines(form.toSettings());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Deadlines saved"));
            return BACK;
        } catch (InvalidInputException e) {
            FormErrors.of(e).forEach(errors::putIfAbsent);
        }
        model.addAttribute("deadlineErrors", errors);
        addPage(model);
        return PAGE;
    }

    @PostMapping("/rules")
    String addRule(@ModelAttribute("rulePost") RuleForm form, BindingResult binding,
            @RequestParam(required = false) String name, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = bindingErrors(binding);
        RuleForm typed = form != null ? form : RuleForm.named(name);
        model.addAttribute("ruleForm", typed);
        List<InvalidInputException.Problem> unreadable = new ArrayList<>();
        RuleChange change = typed.toChange(unreadable);
        unreadable.forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        try {
            if (errors.isEmpty()) {
                RuleView added = setup.addRule(change);
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Rule \"" + added.name() + "\" added"));
                return BACK + "#rules";
            }
            setup.checkRule(change); // writes nothing; finds the readable fields' problems too
        } catch (InvalidInputException e) {
            FormErrors.of(e).forEach(errors::putIfAbsent);
        }
        model.addAttribute("ruleErrors", errors);
        addPage(model);
        return PAGE;
    }

    @PostMapping("/rules/{id}/enabled")
    String enableRule(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        RuleView rule = setup.changeRule(id, new RuleChange(null, enabled, null, null, null, null, null));
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Rule \"" + rule.name() + "\" " + (enabled ? "enabled" : "paused")));
        return BACK + "#rules";
    }

    @PostMapping("/rules/{id}/delete")
    String deleteRule(@PathVariable UUID id, RedirectAttributes redirect) {
        setup.deleteRule(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Rule deleted"));
        return BACK + "#rules";
    }

    /** Fills in whatever the request did not bring: the lists, and each form that was not the one posted. */
    private void addPage(Model model) {
        List<ScopeView> scopes = setup.scopes();
        List<MemberSummary> people = members.members();
        model.addAttribute("scopes", scopes);
        model.addAttribute("separateDuties", setup.separatesDuties());
        List<RuleView> rules = setup.rules();
        model.addAttribute("rules", rules);
        model.addAttribute("people", people.stream().filter(m -> m.role() != Role.VIEWER).toList());
        Map<UUID, String> names = new LinkedHashMap<>();
        people.forEach(m -> names.put(m.userId(), m.displayName()));
        Map<UUID, String> ruleMembers = new LinkedHashMap<>();
        rules.forEach(r -> ruleMembers.put(r.id(), String.join(", ", r.trustedMemberIds().stream()
                .map(id -> names.getOrDefault(id, "a former member")).toList())));
        model.addAttribute("ruleMembers", ruleMembers);
        model.addAttribute("approverRoles", List.of(Role.APPROVER, Role.CONTRIBUTOR, Role.MANAGER, Role.ADMIN, Role.OWNER));
        model.addAttribute("priorities", CampaignPriority.values());
        model.addAttribute("maxStages", ScopeForm.MAX_STAGES);
        if (!model.containsAttribute("deadlineValues")) {
            model.addAttribute("deadlineValues", DeadlineForm.of(setup.deadlines()).values());
        }
        if (!model.containsAttribute("ruleForm")) {
            model.addAttribute("ruleForm", RuleForm.empty());
        }
        if (!model.containsAttribute("newScope")) {
            model.addAttribute("newScope", Map.of("key", "", "name", ""));
        }
        if (model.containsAttribute("editKey") && !model.containsAttribute("scopeForm")) {
            model.addAttribute("scopeForm", ScopeForm.of(scope((String) model.getAttribute("editKey"))));
        }
    }

    private ScopeView scope(String key) {
        return setup.scopes().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("The approval scope"));
    }

    /** The service counts only the rows it got; the page counts every row, blank and removed ones included. */
    private static String rowField(String field, List<Integer> kept) {
        Matcher m = STAGE_FIELD.matcher(field);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            if (index < kept.size()) {
                return "stages[" + kept.get(index) + "]" + m.group(2);
            }
        }
        return field;
    }

    private static Map<String, String> bindingErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
                e.getField().matches(".*(Hours|Approvals|Words|Minutes)") ? "must be a whole number" : "is not a valid choice"));
        return errors;
    }
}
