package io.flightdeck.analytics.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.flightdeck.analytics.dashboards.DashboardWords;
import io.flightdeck.analytics.SimulatedNumbers;
import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.analytics.dashboards.CampaignDashboards.CampaignDashboard;
import io.flightdeck.analytics.dashboards.ChannelDrillDown;
import io.flightdeck.analytics.dashboards.ChannelDrillDown.ChannelObjects;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaign's analytics page (the dashboard API's figures with a date range, a trend chart and the channels) and
 * the Analytics tab's card on the campaign page (the last 30 days in brief). Both read their numbers again in place
 * when the rollups fold new ones in ({@link DashboardStream}); an htmx request gets the page's figures alone.
 */
@Controller
class CampaignDashboardPagesController {

    private final CampaignDashboards dashboards;
    private final CampaignDirectory campaigns;
    private final DashboardStream stream;
    private final DashboardAnalysis analysis;
    private final ChannelDrillDown drillDown;
    private final JsonMapper json;
    private final SimulatedNumbers simulated;

    CampaignDashboardPagesController(CampaignDashboards dashboards, CampaignDirectory campaigns,
            DashboardStream stream, DashboardAnalysis analysis, ChannelDrillDown drillDown, JsonMapper json,
            SimulatedNumbers simulated) {
        this.simulated = simulated;
        this.drillDown = drillDown;
        this.dashboards = dashboards;
        this.campaigns = campaigns;
        this.stream = stream;
        this.analysis = analysis;
        this.json = json;
    }

    @GetMapping("/analytics/campaigns/{id}")
    String page(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String why,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        // before the numbers: a fold that lands while they are read then differs from the mark, and the page looks again
        model.addAttribute("liveMark", dashboards.foldMark(id));
        CampaignDashboard dashboard;
        try {
            dashboard = dashboards.of(id, from, to);
        } catch (InvalidInputException e) {
            // the range as asked cannot be shown: say why, above the default range
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("rangeError", e.getMessage());
            dashboard = dashboards.of(id, null, null);
        }
        describe(dashboard, model);
        analysis.describe(dashboard, why, model);
        model.addAttribute("dashboardJson", scriptSafe(json.writeValueAsString(dashboard)));
        return Htmx.view(request, "analytics/campaign", "figures");
    }

    /** The drill-down from one of the campaign's channels to the objects behind its numbers, for the same days. */
    @GetMapping("/analytics/campaigns/{id}/channels/{channel}")
    String channel(@PathVariable UUID id, @PathVariable String channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        ChannelObjects objects = drillDown.of(id, channel, from, to);
        long days = ChronoUnit.DAYS.between(objects.from(), objects.to()) + 1;
        model.addAttribute("drill", objects);
        model.addAttribute("words", new DashboardWords(days == 1 ? "the day before" : "the " + days + " days before"));
        model.addAttribute("asOf", DashboardWords.when(objects.asOf(), objects.timeZone()));
        return "analytics/channel";
    }

    @GetMapping("/analytics/campaigns/{id}/panel")
    String panel(@PathVariable UUID id, Model model) {
        model.addAttribute("liveMark", dashboards.foldMark(id));
        describe(dashboards.of(id, null, null), model);
        return "analytics/panel :: panel";
    }

    /** Tells the open page or card when the campaign's numbers moved since {@code shown}, the mark it was drawn with. */
    @GetMapping(path = "/analytics/campaigns/{id}/stream", produces = "text/event-stream")
    SseEmitter stream(@PathVariable UUID id, @RequestParam(required = false) String shown) {
        campaigns.find(id).orElseThrow(() -> new NotFoundException("Campaign"));
        return stream.open(id, shown);
    }

    private void describe(CampaignDashboard dashboard, Model model) {
        long days = ChronoUnit.DAYS.between(dashboard.from(), dashboard.to()) + 1;
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("days", days);
        model.addAttribute("words", new DashboardWords(days == 1 ? "the day before" : "the " + days + " days before"));
        model.addAttribute("asOf", DashboardWords.when(dashboard.asOf(), dashboard.timeZone()));
        model.addAttribute("empty", dashboard.trend().stream().allMatch(d -> d.values().isEmpty()));
        model.addAttribute("simulatedNote", dashboard.simulated()
                ? DashboardWords.simulated(dashboard.simulatedChannels(), simulated.steerGuidance()) : null);
        model.addAttribute("arriving", DashboardWords.arriving(dashboard.arriving(), dashboard.timeZone()));
    }

    /** JSON that cannot end its script element (a campaign's name may hold a closing tag). */
    private static String scriptSafe(String text) {
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
