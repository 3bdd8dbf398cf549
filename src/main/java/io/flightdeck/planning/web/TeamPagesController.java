package io.flightdeck.planning.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.planning.team.TeamDirectory;
import io.flightdeck.planning.team.TeamMemberView;
import io.flightdeck.planning.workload.TeamPerformanceReport;
import io.flightdeck.planning.team.TeamScheduleChange;
import io.flightdeck.planning.team.TeamTimeOff;
import io.flightdeck.planning.workload.TeamWorkloadReport;
import io.flightdeck.planning.workload.TeamWorkloadView;
import io.flightdeck.planning.team.TimeOffView;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team pages: the workload heat map (weeks move with htmx), performance figures, skills and the bulk schedule
 * form on /team; one member's profile, time off and availability on /team/{userId}. Refused forms come back with
 * their messages beside the fields; viewers see everything read-only.
 */
@Controller
@RequestMapping("/team")
class TeamPagesController {

    static final int HEATMAP_WEEKS = 8;
    static final int AVAILABILITY_WEEKS = 4;

    private final TeamDirectory profiles;
    private final TeamTimeOff availability;
    private final TeamWorkloadReport workload;
    private final TeamPerformanceReport performance;
    private final Clock clock;

    TeamPagesController(TeamDirectory profiles, TeamTimeOff availability, TeamWorkloadReport workload,
            TeamPerformanceReport performance, Clock clock) {
        this.profiles = profiles;
        this.availability = availability;
        this.workload = workload;
        this.performance = performance;
        this.clock = clock;
    }

    @GetMapping
    String team(@RequestParam(required = false) LocalDate from, HttpServletRequest request, Model model) {
        addHeatmap(from, model);
        if (Htmx.isHtmx(request)) {
            return "planning/team :: heatmap";
        }
        addTeam(model);
        return "planning/team";
    }

    @PostMapping("/schedules")
    @PreAuthorize("hasRole('MANAGER')")
    String schedules(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        TeamScheduleForm form = TeamScheduleForm.from(params);
        Map<String, String> errors = new LinkedHashMap<>();
        TeamScheduleChange change = form.toChange(errors);
        if (errors.isEmpty()) {
            try {
                List<TeamMemberView> changed = profiles.changeSchedules(change);
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Schedule saved for " + changed.size()
                        + (changed.size() == 1 ? " member" : " members")));
                return "redirect:/team#schedules";
            } catch (InvalidInputException e) {
                FormErrors.of(e, f -> f.startsWith("memberIds") ? "memberIds" : f).forEach(errors::putIfAbsent);
            }
        }
        model.addAttribute("scheduleForm", form);
        model.addAttribute("scheduleErrors", errors);
        addHeatmap(null, model);
        addTeam(model);
        return "planning/team";
    }

    @GetMapping("/{userId}")
    String member(@PathVariable UUID userId, Model model) {
        TeamMemberView member = profiles.member(userId);
        model.addAttribute("form", TeamProfileForm.of(member));
        model.addAttribute("levels", SkillChip.LEVELS);
        addMember(member, model);
        return "planning/team-member";
    }

    @PostMapping("/{userId}")
    @PreAuthorize("hasAnyRole('CONTRIBUTOR', 'APPROVER')")
    String saveProfile(@PathVariable UUID userId, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        TeamMemberView member = profiles.member(userId);
        TeamProfileForm form = TeamProfileForm.from(params);
        Map<String, String> errors = new LinkedHashMap<>();
        var change = form.toChange(errors);
        try {
            if (errors.isEmpty()) {
                profiles.change(userId, change, form.expectedVersion());
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Profile of " + member.displayName() + " saved"));
                return "redirect:/team/" + userId;
            }
            profiles.checkChange(userId, change); // writes nothing; finds the readable fields' problems too
        } catch (InvalidInputException e) {
            FormErrors.of(e, form::rowField).forEach(errors::putIfAbsent);
        } catch (PreconditionFailedException e) {
            errors.put("global", "Someone else changed this profile while you were editing. Reload the page to "
                    + "see their change, then apply yours.");
        }
        model.addAttribute("form", form);
        model.addAttribute("levels", SkillChip.LEVELS);
        model.addAttribute("errors", errors);
        addMember(member, model);
        return "planning/team-member";
    }

    @PostMapping("/{userId}/time-off")
    @PreAuthorize("hasAnyRole('CONTRIBUTOR', 'APPROVER')")
    String addTimeOff(@PathVariable UUID userId, @RequestParam(required = false) String startsOn,
            @RequestParam(required = false) String endsOn, @RequestParam(required = false) String reason, Model model,
            RedirectAttributes redirect) {
        TeamMemberView member = profiles.member(userId);
        TeamTimeOffForm form = new TeamTimeOffForm(startsOn, endsOn, reason);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = form.start(errors);
        LocalDate end = form.end(errors);
        try {
            if (errors.isEmpty()) {
                TimeOffView added = availability.addTimeOff(userId, start, end, reason);
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Time off added: " + added.days()
                        + (added.days() == 1 ? " day" : " days")));
                return "redirect:/team/" + userId + "#time-off";
            }
            availability.checkTimeOff(userId, start, end, reason); // writes nothing; checks the rest with it
        } catch (InvalidInputException e) {
            FormErrors.of(e).forEach(errors::putIfAbsent);
        } catch (ConflictException e) {
            errors.put("global", e.getMessage());
        }
        model.addAttribute("form", TeamProfileForm.of(member));
        model.addAttribute("levels", SkillChip.LEVELS);
        model.addAttribute("timeOffForm", form);
        model.addAttribute("timeOffErrors", errors);
        addMember(member, model);
        return "planning/team-member";
    }

    @PostMapping("/{userId}/time-off/{id}/delete")
    @PreAuthorize("hasAnyRole('CONTRIBUTOR', 'APPROVER')")
    String deleteTimeOff(@PathVariable UUID userId, @PathVariable UUID id, RedirectAttributes redirect) {
        TimeOffView removed = availability.deleteTimeOff(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Time off from " + removed.startsOn() + " removed"));
        return "redirect:/team/" + removed.userId() + "#time-off";
    }

    private void addHeatmap(LocalDate from, Model model) {
        TeamWorkloadView view = workload.workload(from, HEATMAP_WEEKS);
        model.addAttribute("workload", view);
        model.addAttribute("previousWeek", view.from().minusWeeks(1));
        model.addAttribute("nextWeek", view.from().plusWeeks(1));
        ZoneId zone = CurrentActor.require().timeZone();
        model.addAttribute("thisWeek", LocalDate.now(clock.withZone(zone == null ? ZoneId.of("UTC") : zone))
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
    }

    private void addTeam(Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("members", profiles.members());
        model.addAttribute("performance", performance.performance(null));
        model.addAttribute("skills", profiles.skills());
        model.addAttribute("canManage", actor.role().includes(Role.MANAGER));
        if (!model.containsAttribute("scheduleForm")) {
            model.addAttribute("scheduleForm", TeamScheduleForm.empty());
            model.addAttribute("scheduleErrors", Map.of());
        }
    }

    private void addMember(TeamMemberView member, Model model) {
        Actor actor = CurrentActor.require();
        boolean self = actor.userId().equals(member.userId());
        model.addAttribute("member", member);
        model.addAttribute("self", self);
        model.addAttribute("canEdit", actor.role().includes(Role.MANAGER) || (self && actor.role() != Role.VIEWER));
        model.addAttribute("timeOff", availability.timeOff(member.userId()));
        LocalDate today = LocalDate.now(clock.withZone(zone(member.timeZone())));
        model.addAttribute("today", today);
        LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        var days = availability.availability(member.userId(), monday, monday.plusWeeks(AVAILABILITY_WEEKS).minusDays(1));
        model.addAttribute("availability", days);
        model.addAttribute("availabilityWeeks", chunk(days.days()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("timeOffForm")) {
            model.addAttribute("timeOffForm", TeamTimeOffForm.empty());
            model.addAttribute("timeOffErrors", Map.of());
        }
    }

    /** Days in rows of seven (the range starts on a Monday). */
    private static <T> List<List<T>> chunk(List<T> days) {
        List<List<T>> weeks = new java.util.ArrayList<>();
        for (int i = 0; i < days.size(); i += 7) {
            weeks.add(days.subList(i, Math.min(days.size(), i + 7)));
        }
        return weeks;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem teamPageNav() {
            return new NavItem("Team", "/team", "users", 45, Role.VIEWER, NavGroup.TEAM);
        }
    }
}
