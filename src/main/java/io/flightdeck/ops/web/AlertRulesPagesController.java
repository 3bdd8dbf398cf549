package io.flightdeck.ops.web;

import java.util.Map;
import java.util.UUID;

import io.flightdeck.ops.alerts.AlertRuleInput;
import io.flightdeck.ops.alerts.AlertRuleView;
import io.flightdeck.ops.alerts.AlertRules;
import io.flightdeck.ops.alerts.AlertSeverity;
import io.flightdeck.ops.alerts.AlertComparison;
import io.flightdeck.ops.health.MonitoredMetric;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alert rules page: every rule with what it last saw, a form to add one, and each rule's own form to change it
 * (Flightdeck's own too) or delete it (the workspace's own only). A form with mistakes comes back with each one next
 * to its field and the text kept.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AlertRulesPagesController {

    static final String PATH = SystemStatusPagesController.PATH + "/alert-rules";

    private final AlertRules rules;

    AlertRulesPagesController(AlertRules rules) {
        this.rules = rules;
    }

    /** The form's fields as typed: numbers stay text until checked, so a mistake comes back as written. */
    record RuleForm(@Nullable String name, @Nullable String metric, @Nullable String comparison,
            @Nullable String threshold, @Nullable String forMinutes, @Nullable String severity,
            @Nullable Boolean enabled, @Nullable Long version) {

        static RuleForm blank() {
            return new RuleForm("", MonitoredMetric.JOBS_FAILING.key(), AlertComparison.ABOVE.name(), "10", "5",
                    AlertSeverity.WARNING.name(), true, null);
        }

        static RuleForm of(AlertRuleView rule) {
            return new RuleForm(rule.name(), rule.metric(), rule.comparison().name(),
                    AlertRuleView.number(rule.threshold()), String.valueOf(rule.forMinutes()),
                    rule.severity().name(), rule.enabled(), rule.version());
        }

        AlertRuleInput input() {
            return new AlertRuleInput(name, metric, comparison, decimal(threshold), whole(forMinutes), severity,
                    enabled != null && enabled);
        }

        private static @Nullable Double decimal(@Nullable String text) {
            try {
                return text == null || text.isBlank() ? null : Double.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static @Nullable Integer whole(@Nullable String text) {
            try {
                return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    @GetMapping(PATH)
    String page(Model model) {
        return list(model, RuleForm.blank(), null);
    }

    @PostMapping(PATH)
    String create(RuleForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            AlertRuleView rule = rules.create(form.input());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Rule \"" + rule.name() + "\" added: it is checked "
                    + "every minute."));
            return "redirect:" + PATH;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return list(model, form, FormErrors.of(e));
        }
    }

    @GetMapping(PATH + "/{id}")
    String edit(@PathVariable UUID id, Model model) {
        AlertRuleView rule = rules.get(id);
        return editor(model, rule, RuleForm.of(rule), null);
    }

    @PostMapping(PATH + "/{id}")
    String change(@PathVariable UUID id, RuleForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            AlertRuleView rule = rules.change(id, form.input(), form.version());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Rule \"" + rule.name() + "\" saved."));
            return "redirect:" + PATH;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editor(model, rules.get(id), form, FormErrors.of(e));
        } catch (PreconditionFailedException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return editor(model, rules.get(id), form, Map.of("global", "Someone changed this rule while you edited "
                    + "it: check its values below (yours are kept) and save again."));
        }
    }

    @PostMapping(PATH + "/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            String name = rules.get(id).name();
            rules.delete(id);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Rule \"" + name + "\" deleted, with its alerts."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:" + PATH;
    }

    private String list(Model model, RuleForm form, @Nullable Map<String, String> errors) {
        model.addAttribute("rules", rules.list());
        choices(model, form, errors);
        return "ops/alert-rules";
    }

    private String editor(Model model, AlertRuleView rule, RuleForm form, @Nullable Map<String, String> errors) {
        model.addAttribute("rule", rule);
        choices(model, form, errors);
        return "ops/alert-rule";
    }

    private static void choices(Model model, RuleForm form, @Nullable Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("metrics", MonitoredMetric.values());
        model.addAttribute("severities", AlertSeverity.values());
        model.addAttribute("comparisons", AlertComparison.values());
    }
}
