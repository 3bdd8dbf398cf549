package io.flightdeck.email.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactStatus;
import io.flightdeck.email.contacts.EmailListView;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.email.segments.SegmentField;
import io.flightdeck.email.segments.SegmentView;
import io.flightdeck.email.segments.Segments;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
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
 * Segments in the browser: all of them with their live counts (built-ins marked), and a rule editor that works without
 * JavaScript (each add, remove or field change posts the form and comes back with it) and, with htmx, re-renders just
 * the conditions and keeps a live count and a preview of the first matching contacts as the person types. A built-in
 * segment's page shows its rules read-only, with a way to start a segment of one's own from them.
 */
@Controller
class SegmentPagesController {

    /** How many matching contacts the preview shows. */
    static final int PREVIEW = 5;

    private final Segments segments;
    private final EmailLists lists;

    SegmentPagesController(Segments segments, EmailLists lists) {
        this.segments = segments;
        this.lists = lists;
    }

    @GetMapping("/email/segments")
    String all(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("segments", segments.page(Paging.of(page, Paging.DEFAULT_SIZE, Sort.unsorted())));
        model.addAttribute("canEdit", canEdit());
        return "email/segments";
    }

    @GetMapping("/email/segments/new")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String fresh(@RequestParam(required = false) UUID from, Model model) {
        SegmentForm form = SegmentForm.empty();
        if (from != null) {
            SegmentView start = segments.get(from);
            form = new SegmentForm("", "", start.rules().match().name(), SegmentForm.of(start).rows());
        }
        return editor(null, form, Map.of(), model);
    }

    @PostMapping("/email/segments")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String create(HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        SegmentForm form = SegmentForm.from(request).settled();
        String action = request.getParameter("action");
        if (action != null && !action.equals("save")) {
            return editor(null, edited(form, action), Map.of(), model);
        }
        try {
            SegmentView made = segments.create(form.name(), form.description(), form.rules());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Segment made: " + made.name()));
            return "redirect:/email/segments/" + made.id();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editor(null, form, errors(e), model);
        }
    }

    @GetMapping("/email/segments/{id}")
    String segment(@PathVariable UUID id, Model model) {
        SegmentView segment = segments.get(id);
        return editor(segment, SegmentForm.of(segment), Map.of(), model);
    }

    @PostMapping("/email/segments/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String change(@PathVariable UUID id, @RequestParam(required = false) Long version, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        SegmentView segment = segments.get(id);
        SegmentForm form = SegmentForm.from(request).settled();
        String action = request.getParameter("action");
        if (action != null && !action.equals("save")) {
            return editor(segment, edited(form, action), Map.of(), model);
        }
        try {
            segments.change(id, form.name(), form.description(), form.rules(), version);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Segment saved"));
            return "redirect:/email/segments/" + id;
        } catch (InvalidInputException | ConflictException | PreconditionFailedException e) {
            response.setStatus(e instanceof PreconditionFailedException ? HttpStatus.CONFLICT.value()
                    : HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = e instanceof PreconditionFailedException
                    ? Map.of("global", "Someone changed this segment since you opened it; reload it to see their "
                            + "change, then make yours again")
                    : errors(e);
            return editor(segment, form, errors, model);
        }
    }

    @PostMapping("/email/segments/{id}/delete")
    @PreAuthorize("hasRole('MANAGER')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        String name = segments.get(id).name();
        segments.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Segment removed: " + name));
        return "redirect:/email/segments";
    }

    /** The conditions again after an add, a remove or a field change (htmx); the live count follows it. */
    @PostMapping("/email/segments/rules")
    String rules(HttpServletRequest request, HttpServletResponse response, Model model) {
        SegmentForm form = edited(SegmentForm.from(request).settled(), request.getParameter("action"));
        choices(model);
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        Htmx.trigger(response, "segment-rules");
        return "email/fragments/segment-rules :: rows";
    }

    /** The live count and the first matching contacts for the rules as they stand, or what is wrong with them. */
    @PostMapping("/email/segments/preview")
    String preview(HttpServletRequest request, Model model) {
        preview(SegmentForm.from(request).settled(), model);
        return "email/fragments/segment-rules :: live";
    }

    private String editor(SegmentView segment, SegmentForm form, Map<String, String> errors, Model model) {
        model.addAttribute("segment", segment);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", canEdit() && (segment == null || !segment.builtIn()));
        model.addAttribute("canCreate", canEdit());
        model.addAttribute("canDelete", segment != null && !segment.builtIn()
                && CurrentActor.require().role().includes(Role.MANAGER));
        choices(model);
        if (segment != null && (segment.builtIn() || !canEdit())) {
            // read-only: the stored rules, whose lists were checked when they were saved (a list removed since
            // selects nobody rather than making the page a problem)
            model.addAttribute("matching", segments.members(segment.id(), PageRequest.of(0, PREVIEW)));
            model.addAttribute("problems", List.of());
        } else {
            preview(form, model);
        }
        return "email/segment";
    }

    private void preview(SegmentForm form, Model model) {
        try {
            model.addAttribute("matching", segments.members(form.rules(), PageRequest.of(0, PREVIEW)));
            model.addAttribute("problems", List.of());
        } catch (InvalidInputException e) {
            model.addAttribute("matching", null);
            model.addAttribute("problems", e.problems().stream().map(InvalidInputException.Problem::message)
                    .distinct().toList());
        }
    }

    private void choices(Model model) {
        List<EmailListView> all = lists.page(Paging.of(0, Paging.MAX_SIZE, Sort.by("nameKey", "id"))).getContent();
        Map<String, String> names = new LinkedHashMap<>();
        all.forEach(list -> names.put(list.id().toString(), list.name()));
        model.addAttribute("fields", SegmentField.values());
        model.addAttribute("statuses", ContactStatus.values());
        model.addAttribute("lists", all);
        model.addAttribute("listNames", names);
    }

    private static SegmentForm edited(SegmentForm form, String action) {
        if ("add".equals(action)) {
            return form.withRowAdded();
        }
        if (action != null && action.startsWith("remove-")) {
            try {
                return form.withoutRow(Integer.parseInt(action.substring("remove-".length())));
            } catch (NumberFormatException e) {
                return form;
            }
        }
        return form;
    }

    /** Problems by the form's field: rules.conditions[2].value becomes c2.value; a taken name marks the name. */
    private static Map<String, String> errors(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return FormErrors.of(invalid, field -> field.replaceFirst("^rules\\.conditions\\[(\\d+)\\]", "c$1")
                    .replaceFirst("^rules\\.conditions$", "global"));
        }
        return Map.of("name", e.getMessage());
    }

    private static boolean canEdit() {
        return CurrentActor.require().role().includes(Role.CONTRIBUTOR);
    }

    @Configuration(proxyBeanMethods = false)
    static class SegmentNavigation {
        @Bean
        NavItem emailSegmentsNavItem() {
            return new NavItem("Segments", "/email/segments", "segments", 62, Role.VIEWER, NavGroup.PUBLISHING);
        }
    }
}
