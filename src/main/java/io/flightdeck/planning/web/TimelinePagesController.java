package io.flightdeck.planning.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.planning.tasks.CampaignTimelines;
import io.flightdeck.planning.templates.TemplateLibrary;
import io.flightdeck.planning.templates.TemplateView;
import io.flightdeck.planning.TimelineDirection;
import io.flightdeck.planning.tasks.TimelineItemView;
import io.flightdeck.planning.tasks.TimelineScheduleChange;
import io.flightdeck.planning.tasks.TimelineView;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
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
 * The Gantt page of a campaign and its card on the campaign page. Generating posts a plain form; moving a task (the
 * drag, the arrow keys on a bar, or the date field of its row) answers htmx with the chart re-rendered, and without
 * JavaScript redirects back to the page.
 */
@Controller
class TimelinePagesController {

    private static final String PAGE = "planning/timeline";

    private final CampaignTimelines timelines;
    private final TemplateLibrary templates;
    private final CampaignDirectory campaigns;
    private final Clock clock;

    TimelinePagesController(CampaignTimelines timelines, TemplateLibrary templates, CampaignDirectory campaigns, Clock clock) {
        this.timelines = timelines;
        this.templates = templates;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @GetMapping("/campaigns/{id}/timeline")
    String page(@PathVariable UUID id, HttpServletRequest request, Model model) {
        addPage(id, model);
        return Htmx.view(request, PAGE, "gantt");
    }

    @PostMapping("/campaigns/{id}/timeline/generate")
    @PreAuthorize("hasRole('MANAGER')")
    String generate(@PathVariable UUID id, @RequestParam(required = false) UUID templateId,
            @RequestParam(required = false) String direction, @RequestParam(defaultValue = "false") boolean replace,
            Model model, RedirectAttributes redirect) {
        try {
            TimelineView generated = timelines.generate(id, templateId, direction(direction), replace);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Timeline generated from " + generated.templateName()
                    + ": " + generated.items().size() + " tasks and milestones"));
            return "redirect:/campaigns/" + id + "/timeline";
        } catch (ConflictException e) {
            model.addAttribute("generateError", "timeline-exists".equals(e.type())
                    ? e.getMessage().replace("generate with replace", "tick Replace the existing tasks")
                    : e.getMessage());
        } catch (InvalidInputException e) {
            model.addAttribute("generateError", switch (e.field()) {
                case "templateId" -> "Template: " + e.getMessage();
                case "direction" -> "Direction: " + e.getMessage();
                default -> e.getMessage();
            });
        }
        model.addAttribute("chosenTemplate", templateId);
        model.addAttribute("chosenDirection", direction);
        addPage(id, model);
        return PAGE;
    }

    @PostMapping("/campaigns/{id}/timeline/recalculate")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String recalculate(@PathVariable UUID id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return done(id, "Timeline recalculated", timelines.recalculate(id), request, model, redirect);
    }

    /**
     * Moves a task: {@code start} pins its earliest start, {@code unpin} removes the pin, {@code durationDays}
     * stretches it. The whole plan is laid out again.
     */
    @PostMapping("/campaigns/{id}/timeline/tasks/{taskId}/schedule")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String schedule(@PathVariable UUID id, @PathVariable UUID taskId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            @RequestParam(required = false) Integer durationDays, @RequestParam(defaultValue = "false") boolean unpin,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!timelines.campaignOf(taskId).equals(id)) {
            throw new NotFoundException("The task");
        }
        if (start == null && durationDays == null && !unpin) {
            return failed(id, "Choose a start date or a duration", request, model, redirect);
        }
        try {
            TimelineView after = timelines.reschedule(taskId,
                    new TimelineScheduleChange(start != null || unpin, unpin ? null : start, durationDays));
            TimelineItemView item = after.items().stream().filter(i -> i.id().equals(taskId)).findFirst().orElseThrow();
            String message = item.title() + (item.planned() ? " now runs " + range(item) : " was updated");
            if (start != null && !unpin && item.startDate() != null && item.startDate().isAfter(start)
                    && item.planned()) {
                message = item.title() + " cannot start before " + item.startDate()
                        + ": it waits for its predecessors (or the weekend)";
            }
            return done(id, message, after, request, model, redirect);
        } catch (InvalidInputException | ConflictException e) {
            return failed(id, e.getMessage(), request, model, redirect);
        }
    }

    @GetMapping("/campaigns/{id}/timeline/panel")
    String panel(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/campaigns/" + id + "/tabs/plan#timeline";
        }
        model.addAttribute("campaignId", id);
        model.addAttribute("timeline", timelines.find(id).orElse(null));
        model.addAttribute("taskCount", timelines.taskCount(id));
        return "planning/timeline-panel :: panel";
    }

    /** The whole page: the chart and, for managers, the generate form with the templates. */
    private void addPage(UUID id, Model model) {
        CampaignSnapshot campaign = campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign"));
        addChart(campaign, timelines.find(id), model);
        Role role = CurrentActor.require().role();
        if (role.includes(Role.MANAGER)) {
            List<TemplateView> all = templates.list(null);
            model.addAttribute("templates", all);
            if (!model.containsAttribute("chosenTemplate") || model.getAttribute("chosenTemplate") == null) {
                model.addAttribute("chosenTemplate", all.stream()
                        .filter(t -> t.campaignType() == campaign.type() && t.defaultForType())
                        .map(TemplateView::id).findFirst().orElse(null));
            }
        }
        model.addAttribute("defaultDirection", campaign.startDate() == null && campaign.endDate() != null
                ? "backward from the end date" : "forward from the campaign's start date");
    }

    /** What the chart fragment needs; a change hands in the timeline it just laid out rather than reading it again. */
    private void addChart(CampaignSnapshot campaign, Optional<TimelineView> timeline, Model model) {
        Role role = CurrentActor.require().role();
        model.addAttribute("campaign", campaign);
        model.addAttribute("timeline", timeline.orElse(null));
        model.addAttribute("chart", timeline.map(t -> TimelineChart.of(t, LocalDate.now(clock))).orElse(null));
        model.addAttribute("taskCount", timeline.map(t -> t.items().size())
                .orElseGet(() -> timelines.taskCount(campaign.id())));
        model.addAttribute("canGenerate", role.includes(Role.MANAGER));
        model.addAttribute("canMove", role.includes(Role.CONTRIBUTOR));
    }

    private String done(UUID id, String message, TimelineView after, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.success(message));
            return "redirect:/campaigns/" + id + "/timeline";
        }
        addChart(campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign")), Optional.of(after),
                model);
        model.addAttribute("notice", message);
        return PAGE + " :: gantt";
    }

    private String failed(UUID id, String message, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(message));
            return "redirect:/campaigns/" + id + "/timeline";
        }
        addPage(id, model);
        model.addAttribute("error", message);
        return PAGE + " :: gantt";
    }

    private static TimelineDirection direction(String value) {
        if (value == null || value.isBlank() || value.equals("AUTO")) {
            return null;
        }
        try {
            return TimelineDirection.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("direction", "must be backward or forward");
        }
    }

    private static String range(TimelineItemView item) {
        return item.milestone() || item.startDate().equals(item.finishDate()) ? "on " + item.startDate()
                : "from " + item.startDate() + " to " + item.finishDate();
    }
}
