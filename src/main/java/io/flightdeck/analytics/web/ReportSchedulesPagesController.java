package io.flightdeck.analytics.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.reports.ReportKind;
import io.flightdeck.analytics.schedules.ReportCadence;
import io.flightdeck.analytics.schedules.ReportRuns;
import io.flightdeck.analytics.schedules.ReportSchedules;
import io.flightdeck.analytics.schedules.RunStatus;
import io.flightdeck.analytics.schedules.RunView;
import io.flightdeck.analytics.schedules.ScheduleRequest;
import io.flightdeck.analytics.schedules.ScheduleView;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The schedules page: every report schedule of the workspace with its next report and its last runs' outcomes (why
 * one failed, and "Send again" for it), and for managers the form that makes one and the buttons that pause, resume,
 * send the last period now or remove it. A refused form comes back with what was typed and each field's problem.
 * With htmx, sending now and sending again answer with the schedule's runs alone, which ask for themselves until the
 * run is done, so its outcome shows in place; without JavaScript they redirect back to the page.
 */
@Controller
class ReportSchedulesPagesController {

    private static final String PAGE = "analytics/schedules";
    private static final String BACK = "redirect:/analytics/schedules";
    private static final String RUNS = "analytics/fragments/schedule-runs :: runs";
    /** htmx stops a polling element that gets this status (and swaps its body as for a 200). */
    private static final int STOP_POLLING = 286;
    /** Runs shown per schedule; the API pages through all of them. */
    static final int RUNS_SHOWN = 5;
    private static final int CAMPAIGN_CHOICES = 200;

    private final ReportSchedules schedules;
    private final ReportRuns runs;
    private final CampaignDirectory campaigns;

    ReportSchedulesPagesController(ReportSchedules schedules, ReportRuns runs, CampaignDirectory campaigns) {
        this.schedules = schedules;
        this.runs = runs;
        this.campaigns = campaigns;
    }

    /** The form as typed. */
    record ScheduleForm(String campaignId, String kind, String format, String cadence, String recipients,
            boolean skipWhenEmpty) {
    }

    @GetMapping("/analytics/schedules")
    String page(@RequestParam(required = false) Integer page, Model model) {
        describe(page, new ScheduleForm(null, "SUMMARY", "PDF", "WEEKLY", "", true), Map.of(), model);
        return PAGE;
    }

    @PostMapping("/analytics/schedules")
    @PreAuthorize("hasRole('MANAGER')")
    String create(@RequestParam(required = false) String campaignId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String format, @RequestParam(required = false) String cadence,
            @RequestParam(required = false) String recipients,
            @RequestParam(required = false, defaultValue = "false") boolean skipWhenEmpty, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        ScheduleForm form = new ScheduleForm(campaignId, kind, format, cadence, recipients, skipWhenEmpty);
        try {
            ScheduleView made = schedules.create(new ScheduleRequest(uuid(campaignId), kind, format, cadence,
                    addresses(recipients), skipWhenEmpty));
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Scheduled: the " + made.cadence().name()
                    .toLowerCase(java.util.Locale.ROOT) + " report of " + made.campaignName() + " goes to "
                    + String.join(", ", made.recipients()) + ", the first on " + made.nextPeriod().to().plusDays(1)
                    + "."));
            return BACK;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            describe(null, form, FormErrors.of(e), model);
            return PAGE;
        }
    }

    @PostMapping("/analytics/schedules/{id}/pause")
    @PreAuthorize("hasRole('MANAGER')")
    String pause(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean paused,
            RedirectAttributes redirect) {
        ScheduleView changed = schedules.change(id, paused, null, null);
        redirect.addFlashAttribute(Flash.KEY, Flash.success((paused ? "Paused" : "Resumed") + " the report of "
                + changed.campaignName() + "."));
        return BACK;
    }

    @PostMapping("/analytics/schedules/{id}/send-now")
    @PreAuthorize("hasRole('MANAGER')")
    String sendNow(@PathVariable UUID id, RedirectAttributes redirect, Model model, HttpServletRequest request) {
        String notice = null;
        String problem = null;
        try {
            RunView run = schedules.sendNow(id);
            notice = "Sending the report of " + days(run) + " now; its outcome shows below in a moment.";
        } catch (ConflictException e) {
            problem = e.getMessage() + ".";
        }
        return answer(id, notice, problem, redirect, model, request);
    }

    @PostMapping("/analytics/schedules/{id}/runs/{runId}/retry")
    @PreAuthorize("hasRole('MANAGER')")
    String retry(@PathVariable UUID id, @PathVariable UUID runId, RedirectAttributes redirect, Model model,
            HttpServletRequest request) {
        String notice = null;
        String problem = null;
        try {
            RunView run = runs.retry(id, runId);
            notice = "Sending the report of " + days(run) + " again to those it did not reach.";
        } catch (ConflictException e) {
            problem = e.getMessage() + ".";
        }
        return answer(id, notice, problem, redirect, model, request);
    }

    /**
     * A schedule's latest runs alone, asked for by the runs table itself every two seconds while one is being sent:
     * the answer that finds them all finished stops the asking, and its outcome is read out.
     */
    @GetMapping("/analytics/schedules/{id}/runs")
    String runs(@PathVariable UUID id, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!Htmx.isHtmx(request)) {
            schedules.get(id); // 404 for a schedule that is not there
            return BACK + "#schedule-" + id;
        }
        ScheduleView schedule;
        try {
            schedule = schedules.get(id);
        } catch (NotFoundException removed) {
            // removed meanwhile (or never this workspace's): htmx's stop-polling status ends the asking
            response.setStatus(STOP_POLLING);
            model.addAttribute("id", id);
            return "analytics/fragments/schedule-runs :: removed";
        }
        List<RunView> theirs = describeRuns(schedule, model);
        if (theirs != null && theirs.stream().noneMatch(r -> r.status() == RunStatus.DUE)) {
            RunView last = theirs.get(0);
            model.addAttribute("notice", "The report of " + days(last) + ": " + outcome(last));
        }
        return RUNS;
    }

    /** After sending: the runs alone for htmx, which keep asking until the run is done; else back to the page. */
    private String answer(UUID id, String notice, String problem, RedirectAttributes redirect, Model model,
            HttpServletRequest request) {
        if (Htmx.isHtmx(request)) {
            describeRuns(schedules.get(id), model);
            model.addAttribute("notice", notice);
            model.addAttribute("problem", problem);
            return RUNS;
        }
        redirect.addFlashAttribute(Flash.KEY, problem == null ? Flash.success(notice) : Flash.error(problem));
        return BACK + "#schedule-" + id;
    }

    private List<RunView> describeRuns(ScheduleView schedule, Model model) {
        List<RunView> theirs = runs.recent(List.of(schedule.id()), RUNS_SHOWN).get(schedule.id());
        model.addAttribute("s", schedule);
        model.addAttribute("theirs", theirs);
        model.addAttribute("canManage", CurrentActor.require().role().includes(Role.MANAGER));
        return theirs;
    }

    private static String days(RunView run) {
        return run.periodFrom() + (run.periodTo().equals(run.periodFrom()) ? "" : " to " + run.periodTo());
    }

    private static String outcome(RunView run) {
        String status = run.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return status + ", to " + run.sent() + " of " + run.recipients()
                + (run.detail() == null ? "." : ". " + run.detail());
    }

    @PostMapping("/analytics/schedules/{id}/delete")
    @PreAuthorize("hasRole('MANAGER')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        ScheduleView gone = schedules.get(id);
        schedules.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Removed the " + gone.cadence().name()
                .toLowerCase(java.util.Locale.ROOT) + " report of " + gone.campaignName() + "."));
        return BACK;
    }

    private void describe(Integer page, ScheduleForm form, Map<String, String> errors, Model model) {
        PageResponse<ScheduleView> listed = schedules.list(null, page == null ? 0 : Math.max(page, 0), 20);
        model.addAttribute("schedules", listed);
        model.addAttribute("runs", runs.recent(listed.items().stream().map(ScheduleView::id).toList(), RUNS_SHOWN));
        model.addAttribute("canManage", CurrentActor.require().role().includes(Role.MANAGER));
        List<CampaignSnapshot> choices = campaigns.inStatuses(EnumSet.complementOf(EnumSet.of(CampaignStatus.CANCELLED,
                CampaignStatus.ARCHIVED)), CAMPAIGN_CHOICES);
        model.addAttribute("campaignChoices", choices);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("cadences", ReportCadence.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    /** One address a line, or separated by commas or semicolons, as people paste them. */
    private static List<String> addresses(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("campaignId", "Choose the campaign the report is about");
        }
    }
}
