package io.flightdeck.ops.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.ops.retention.RetentionPolicies;
import io.flightdeck.ops.retention.RetentionPolicyInput;
import io.flightdeck.ops.retention.RetentionPolicyView;
import io.flightdeck.ops.retention.RetentionRuns;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.export.Downloads;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The retention page: each kind's days kept and export before purge in one form (a form with mistakes comes back with
 * each next to its field and the text kept), "Run now", and the recent clean-up runs with what each removed and its
 * exports to download.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RetentionPagesController {

    static final String PATH = "/settings/retention";

    private final RetentionPolicies policies;
    private final RetentionRuns runs;

    RetentionPagesController(RetentionPolicies policies, RetentionRuns runs) {
        this.policies = policies;
        this.runs = runs;
    }

    @Bean
    static NavItem retentionNavItem() {
        return new NavItem("Retention and clean-up", PATH, "archive", 936, Role.ADMIN, NavGroup.SETTINGS,
                "How long the audit log, notifications, outgoing messages, idempotency keys and job history are kept; "
                        + "what each daily clean-up removed, and its exports.");
    }

    /** One kind's row of the form as typed: the days stay text until checked, so a mistake comes back as written. */
    record PolicyField(RetentionPolicyView policy, String keepDays, boolean exportBeforePurge) {
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) Integer page, Model model) {
        List<PolicyField> fields = policies.list().stream()
                .map(p -> new PolicyField(p, String.valueOf(p.keepDays()), p.exportBeforePurge())).toList();
        return show(model, page, fields, null);
    }

    @PostMapping(PATH)
    String save(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        List<RetentionPolicyView> current = policies.list();
        List<PolicyField> typed = current.stream().map(p -> new PolicyField(p,
                form.getOrDefault(p.kind() + ".keepDays", ""), form.containsKey(p.kind() + ".exportBeforePurge")))
                .toList();
        List<RetentionPolicyInput> inputs = typed.stream().map(f -> new RetentionPolicyInput(f.policy().kind(),
                whole(f.keepDays()), f.exportBeforePurge() && f.policy().exportable())).toList();
        try {
            policies.change(inputs);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Retention saved: the next clean-up uses it."));
            return "redirect:" + PATH;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, null, typed, FormErrors.of(e));
        }
    }

    @PostMapping(PATH + "/run")
    String runNow(RedirectAttributes redirect) {
        try {
            runs.runNow();
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Clean-up started: its report shows below when it is "
                    + "done."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:" + PATH;
    }

    @GetMapping(PATH + "/runs/{id}/exports/{kind}")
    void export(@PathVariable UUID id, @PathVariable String kind, HttpServletResponse response) throws IOException {
        runs.exportParts(id, kind);
        runs.writeExport(id, kind, Downloads.start(response, RetentionApiController.JSON_LINES,
                RetentionApiController.fileName(id, kind)));
    }

    private String show(Model model, @Nullable Integer page, List<PolicyField> fields,
            @Nullable Map<String, String> errors) {
        model.addAttribute("fields", fields);
        model.addAttribute("errors", errors == null ? null : new LinkedHashMap<>(errors));
        model.addAttribute("runs", runs.page(Paging.of(page, 10, Sort.unsorted())));
        return "ops/retention";
    }

    /** Whole days as typed, or null when it is no whole number (the service then names the bounds). */
    private static @Nullable Integer whole(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
