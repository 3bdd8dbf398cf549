package io.flightdeck.rendering.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.rendering.jobs.RenderStatus;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.rendering.builtin.RenderTemplates;
import io.flightdeck.rendering.jobs.RenderJobDraft;
import io.flightdeck.rendering.jobs.RenderJobFilter;
import io.flightdeck.rendering.jobs.RenderJobView;
import io.flightdeck.rendering.jobs.RenderJobs;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The render pages: the monitor (every job, live over server-sent events, with filters), a job's page (params, logs,
 * outputs, retry and cancel), and the creative editor's Render card (render an image or a video of this creative and
 * watch it finish in place).
 */
@Controller
class RenderPagesController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final RenderJobs jobs;
    private final RenderStream stream;
    private final RenderTemplates templates;

    RenderPagesController(RenderJobs jobs, RenderStream stream, RenderTemplates templates) {
        this.jobs = jobs;
        this.stream = stream;
        this.templates = templates;
    }

    static boolean can(Role role) {
        return CurrentActor.find().map(a -> a.role().includes(role)).orElse(false);
    }

    @GetMapping("/render-jobs")
    String monitor(@RequestParam(required = false) RenderStatus status, @RequestParam(required = false) RenderType type,
            @RequestParam(required = false) String provider, @RequestParam(required = false) Integer page, Model model) {
        var filter = new RenderJobFilter(status == null ? Set.of() : Set.of(status), type,
                provider == null || provider.isBlank() ? null : provider, null, null);
        Page<RenderJobView> list = jobs.list(filter, Paging.of(page, 25, NEWEST_FIRST));
        model.addAttribute("jobs", list);
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute("provider", provider);
        model.addAttribute("statuses", RenderStatus.values());
        model.addAttribute("types", RenderType.values());
        model.addAttribute("providers", jobs.providers());
        model.addAttribute("filtered", status != null || type != null || (provider != null && !provider.isBlank()));
        model.addAttribute("display", new Display());
        return "rendering/monitor";
    }

    @GetMapping(path = "/render-jobs/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) UUID creativeId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return stream.open(creativeId, lastEventId);
    }

    @GetMapping("/render-jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.get(id));
        model.addAttribute("canEdit", can(Role.CONTRIBUTOR));
        model.addAttribute("display", new Display());
        return "rendering/job";
    }

    @PostMapping("/render-jobs/{id}/submit")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        act(redirect, () -> jobs.submit(id), "Submitted.");
        return "redirect:/render-jobs/" + id;
    }

    @PostMapping("/render-jobs/{id}/cancel")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        act(redirect, () -> jobs.cancel(id), "Cancelled.");
        return "redirect:/render-jobs/" + id;
    }

    // ---- the creative editor's card -----------------------------------------------------------------------------

    @GetMapping("/creatives/{id}/render/panel")
    String panel(@PathVariable UUID id, Model model) {
        return panelView(id, model, null);
    }

    @PostMapping("/creatives/{id}/render")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String render(@PathVariable UUID id, @RequestParam RenderType type, @RequestParam(required = false) String template,
            @RequestParam(required = false) String provider, @RequestParam(required = false) String prompt, Model model,
            HttpServletResponse response) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (template != null && !template.isBlank()) {
            params.put("template", template);
        }
        if (prompt != null && !prompt.isBlank()) {
            params.put("prompt", prompt.strip());
        }
        String error = null;
        try {
            jobs.create(new RenderJobDraft(id, null, type, provider, null, params, null, true));
        } catch (InvalidInputException | ConflictException e) {
            error = e.getMessage();
        }
        return panelView(id, model, error);
    }

    private String panelView(UUID creativeId, Model model, String error) {
        List<RenderJobView> recent = jobs.list(new RenderJobFilter(Set.of(), null, null, creativeId, null),
                Paging.of(0, 5, NEWEST_FIRST)).getContent();
        model.addAttribute("creativeId", creativeId);
        model.addAttribute("recent", recent);
        model.addAttribute("error", error);
        model.addAttribute("canEdit", can(Role.CONTRIBUTOR));
        model.addAttribute("templates", templates.list());
        model.addAttribute("imageProviders", jobs.providers().stream()
                .filter(p -> p.canRender(RenderType.IMAGE) && p.available()).toList());
        model.addAttribute("videoProviders", jobs.providers().stream()
                .filter(p -> p.canRender(RenderType.VIDEO) && p.available()).toList());
        model.addAttribute("display", new Display());
        return "rendering/panel :: panel";
    }

    private static void act(RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute(Flash.KEY, Flash.success(done));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
    }

    /** The labels, for templates (Thymeleaf reaches a bean's methods, not a static class's). */
    static final class Display {
        public String status(RenderJobView v) {
            return RenderDisplay.statusLabel(v);
        }

        public String statusClass(RenderJobView v) {
            return RenderDisplay.statusClass(v);
        }

        public String progress(RenderJobView v) {
            return RenderDisplay.progressLabel(v);
        }
    }
}
