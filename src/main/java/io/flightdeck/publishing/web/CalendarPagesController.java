package io.flightdeck.publishing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.publishing.posts.ChannelPostView;
import io.flightdeck.publishing.posts.SocialPostReader;
import io.flightdeck.publishing.posts.SocialScheduler;
import io.flightdeck.publishing.web.CalendarCampaigns.Choice;
import io.flightdeck.publishing.web.CalendarPeriod.View;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The content calendar: every channel post of the workspace by month, week or day in the member's time zone, each
 * with its text, campaign, channel, account, time and state, coloured by channel. It narrows to one campaign and one
 * channel with query parameters, so a filtered calendar has its own address and keeps its filter from page to page; the
 * filter form is a plain GET form that htmx submits on change. On a phone the days before today fold away behind a
 * toggle, so the calendar opens on today. Dragging a post to another day moves it there at the same time of day; the
 * calendar is drawn again from what the server then holds, so a refused move (the gap, a post already out) puts the
 * post back and says why.
 */
@Controller
class CalendarPagesController {

    /** A day of the calendar with its posts in time order; {@code past} when today is shown later in the period. */
    record CalendarDay(LocalDate date, boolean inRange, boolean today, boolean past, List<ChannelPostView> posts) {
    }

    private static final int LIMIT = 2_000;

    private final SocialScheduler scheduler;
    private final SocialPostReader reader;
    private final CalendarCampaigns campaigns;

    CalendarPagesController(SocialScheduler scheduler, SocialPostReader reader, CalendarCampaigns campaigns) {
        this.scheduler = scheduler;
        this.reader = reader;
        this.campaigns = campaigns;
    }

    @GetMapping(CalendarFilter.PATH)
    String calendar(@RequestParam(required = false) String view, @RequestParam(required = false) String date,
            @RequestParam(required = false) UUID campaignId, @RequestParam(required = false) String channel,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        View v = View.parse(view);
        LocalDate today = LocalDate.now(CurrentActor.zone());
        LocalDate day = CalendarPeriod.parseDate("date", date, today);
        CalendarFilter filter = CalendarFilter.of(campaignId, channel);
        LocalDate asked = date == null || date.isBlank() ? null : day;
        fill(model, CalendarPeriod.of(v, day), asked, filter, null);
        if (Htmx.isHtmx(request)) {
            // the filter form sends every field, empty ones too: the address shows only what is set
            response.setHeader("HX-Push-Url", filter.url(v.param(), asked));
            return "publishing/calendar :: calendar";
        }
        return "publishing/calendar";
    }

    /** A post dropped on another day: same time of day there, in the member's zone. Answers the calendar again. */
    @PostMapping(CalendarFilter.PATH + "/move")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String move(@RequestParam UUID channelPostId, @RequestParam String to, @RequestParam(required = false) String view,
            @RequestParam(required = false) String date, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String channel, Model model) {
        View v = View.parse(view);
        LocalDate shown = CalendarPeriod.parseDate("date", date, LocalDate.now(CurrentActor.zone()));
        CalendarFilter filter = CalendarFilter.of(campaignId, channel);
        String error = null;
        try {
            ZoneId zone = CurrentActor.zone();
            ChannelPostView post = reader.getChannelPost(channelPostId);
            LocalTime time = post.scheduledAt().atZone(zone).toLocalTime();
            Instant at = CalendarPeriod.parseDate("to", to, null).atTime(time).atZone(zone).toInstant();
            scheduler.reschedule(channelPostId, at, null);
        } catch (InvalidInputException | ConflictException | PreconditionFailedException e) {
            error = e.getMessage();
        }
        fill(model, CalendarPeriod.of(v, shown), date == null || date.isBlank() ? null : shown, filter, error);
        return "publishing/calendar :: calendar";
    }

    private void fill(Model model, CalendarPeriod period, LocalDate asked, CalendarFilter filter, String error) {
        ZoneId zone = CurrentActor.zone();
        List<Choice> choices = campaigns.requireChosen(filter.campaignId(), campaigns.choices());
        Instant from = period.first().atStartOfDay(zone).toInstant();
        Instant to = period.last().plusDays(1).atStartOfDay(zone).toInstant();
        List<ChannelPostView> posts = reader.between(from, to, filter.campaignId(), filter.channel(), false, LIMIT);
        Map<LocalDate, List<ChannelPostView>> byDay = new LinkedHashMap<>();
        for (ChannelPostView p : posts) {
            byDay.computeIfAbsent(p.scheduledAt().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(p);
        }
        LocalDate today = LocalDate.now(zone);
        // on a phone the period's days before today fold away, so that it opens on today
        boolean foldsPast = period.view() != View.DAY && period.inRange(today) && !today.isBefore(period.first())
                && !today.isAfter(period.last());
        List<CalendarDay> days = new ArrayList<>();
        int earlierDays = 0;
        int earlierPosts = 0;
        for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
            boolean inRange = period.inRange(d);
            boolean past = foldsPast && d.isBefore(today) && inRange;
            List<ChannelPostView> onDay = byDay.getOrDefault(d, List.of());
            days.add(new CalendarDay(d, inRange, d.equals(today), past, onDay));
            if (past) {
                earlierDays++;
                earlierPosts += onDay.size();
            }
        }
        String view = period.view().param();
        model.addAttribute("view", view);
        model.addAttribute("date", period.day());
        model.addAttribute("dateParam", asked);
        model.addAttribute("title", period.title());
        model.addAttribute("days", days);
        model.addAttribute("numbers", reader.numbers(posts));
        model.addAttribute("previousUrl", filter.url(view, period.previous()));
        model.addAttribute("todayUrl", filter.url(view, null));
        model.addAttribute("nextUrl", filter.url(view, period.next()));
        Map<String, String> viewUrls = new LinkedHashMap<>();
        for (View v : View.values()) {
            viewUrls.put(v.param(), filter.url(v.param(), period.day()));
        }
        model.addAttribute("viewUrls", viewUrls);
        model.addAttribute("clearUrl", CalendarFilter.of(null, null).url(view, asked));
        model.addAttribute("filter", filter);
        model.addAttribute("campaignChoices", choices);
        model.addAttribute("channelChoices", ChannelPagesController.SOCIAL);
        model.addAttribute("campaignNames", campaigns.names(posts.stream().map(ChannelPostView::campaignId).toList(),
                choices));
        model.addAttribute("zone", zone.getId());
        model.addAttribute("count", posts.size());
        String shown = filter.url(period.view().param(), asked);
        model.addAttribute("exportQuery", shown.substring(shown.indexOf('?') + 1));
        model.addAttribute("empty", posts.isEmpty() ? emptyMessage(period.view(), filter, choices) : null);
        model.addAttribute("earlierDays", earlierDays);
        model.addAttribute("earlierPosts", earlierPosts);
        model.addAttribute("canEdit", ChannelPagesController.can(Role.CONTRIBUTOR));
        model.addAttribute("error", error);
    }

    /** "No posts in this week for the campaign Winter on LinkedIn." */
    private static String emptyMessage(View view, CalendarFilter filter, List<Choice> choices) {
        StringBuilder message = new StringBuilder("No posts ").append(view.inThis());
        if (filter.campaignId() != null) {
            choices.stream().filter(c -> c.id().equals(filter.campaignId())).findFirst()
                    .ifPresent(c -> message.append(" for the campaign ").append(c.name()));
        }
        if (filter.channel() != null) {
            message.append(" on ").append(filter.channel().label());
        }
        return message.append('.').toString();
    }
}
