package io.flightdeck.publishing.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.publishing.posts.ChannelPostView;
import io.flightdeck.publishing.posts.SocialScheduler;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The content calendar: every channel post of the workspace (or of one campaign) by month, week or day in the
 * member's time zone, coloured by channel and marked by state. Dragging a post to another day moves it there at the
 * same time of day; the calendar is drawn again from what the server then holds, so a refused move (the gap, a post
 * already out) puts the post back and says why.
 */
@Controller
class CalendarPagesController {

    enum View { MONTH, WEEK, DAY }

    /** A day of the calendar with its posts in time order. */
    record CalendarDay(LocalDate date, boolean inRange, boolean today, List<ChannelPostView> posts) {
    }

    private static final int LIMIT = 2_000;

    private final SocialScheduler scheduler;

    CalendarPagesController(SocialScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @GetMapping("/social/calendar")
    String calendar(@RequestParam(required = false) String view, @RequestParam(required = false) String date,
            @RequestParam(required = false) UUID campaignId, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        View v = view(view);
        LocalDate day = date(date);
        fill(model, v, day, campaignId, null);
        return htmx != null ? "publishing/calendar :: calendar" : "publishing/calendar";
    }

    /** A post dropped on another day: same time of day there, in the member's zone. Answers the calendar again. */
    @PostMapping("/social/calendar/move")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String move(@RequestParam UUID channelPostId, @RequestParam String to, @RequestParam(required = false) String view,
            @RequestParam(required = false) String date, @RequestParam(required = false) UUID campaignId, Model model) {
        View v = view(view);
        LocalDate shown = date(date);
        String error = null;
        try {
            ZoneId zone = CurrentActor.zone();
            ChannelPostView post = scheduler.getChannelPost(channelPostId);
            LocalTime time = post.scheduledAt().atZone(zone).toLocalTime();
            Instant at = date(to).atTime(time).atZone(zone).toInstant();
            scheduler.reschedule(channelPostId, at, null);
        } catch (InvalidInputException | ConflictException | PreconditionFailedException e) {
            error = e.getMessage();
        }
        fill(model, v, shown, campaignId, error);
        return "publishing/calendar :: calendar";
    }

    private void fill(Model model, View view, LocalDate day, UUID campaignId, String error) {
        ZoneId zone = CurrentActor.zone();
        LocalDate first;
        LocalDate last;
        LocalDate previous;
        LocalDate next;
        String title;
        switch (view) {
            case MONTH -> {
                LocalDate monthStart = day.withDayOfMonth(1);
                first = monthStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                last = monthStart.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                previous = monthStart.minusMonths(1);
                next = monthStart.plusMonths(1);
                title = monthStart.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                        + " " + monthStart.getYear();
            }
            case WEEK -> {
                first = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                last = first.plusDays(6);
                previous = first.minusWeeks(1);
                next = first.plusWeeks(1);
                title = "Week of " + first;
            }
            default -> {
                first = day;
                last = day;
                previous = day.minusDays(1);
                next = day.plusDays(1);
                title = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                        + " " + day;
            }
        }
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, List<ChannelPostView>> byDay = new LinkedHashMap<>();
        for (ChannelPostView p : scheduler.between(from, to, campaignId, false, LIMIT)) {
            byDay.computeIfAbsent(p.scheduledAt().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(p);
        }
        LocalDate today = LocalDate.now(zone);
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            boolean inRange = view != View.MONTH || d.getMonth() == day.getMonth();
            days.add(new CalendarDay(d, inRange, d.equals(today), byDay.getOrDefault(d, List.of())));
        }
        model.addAttribute("view", view.name().toLowerCase());
        model.addAttribute("date", day);
        model.addAttribute("title", title);
        model.addAttribute("days", days);
        model.addAttribute("previous", previous);
        model.addAttribute("next", next);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("count", byDay.values().stream().mapToInt(List::size).sum());
        model.addAttribute("canEdit", ChannelPagesController.can(Role.CONTRIBUTOR));
        model.addAttribute("error", error);
    }

    private static View view(String view) {
        if (view == null || view.isBlank()) {
            return View.MONTH;
        }
        try {
            return View.valueOf(view.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("view", "month, week or day");
        }
    }

    private static LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(CurrentActor.zone());
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "A date such as 2026-12-01.");
        }
    }
}
