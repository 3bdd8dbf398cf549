package io.flightdeck.analytics.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.flightdeck.analytics.dashboards.DashboardWords;
import io.flightdeck.analytics.dashboards.SummarySort;
import io.flightdeck.analytics.dashboards.WorkspaceSummaries;
import io.flightdeck.analytics.dashboards.WorkspaceSummaries.WorkspaceSummary;
import io.flightdeck.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Analytics page: every campaign of the workspace for a range of days (the summary API's figures), the
 * workspace's totals as tiles with their change in words, and the campaigns in a table sorted by its headings and
 * paged, each linking to its own dashboard for the same days. The figures are read again in place when any campaign's
 * numbers move ({@link DashboardStream}); an htmx request gets them alone.
 */
@Controller
class WorkspaceSummaryPagesController {

    private final WorkspaceSummaries summaries;
    private final CampaignDashboards dashboards;
    private final DashboardStream stream;

    WorkspaceSummaryPagesController(WorkspaceSummaries summaries, CampaignDashboards dashboards, DashboardStream stream) {
        this.summaries = summaries;
        this.dashboards = dashboards;
        this.stream = stream;
    }

    /** Tells the open page when any campaign's numbers moved since {@code shown}, the mark it was drawn with. */
    @GetMapping(path = "/analytics/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) String shown) {
        return stream.open(null, shown);
    }

    @GetMapping("/analytics")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String currency,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        // before the numbers: a fold that lands while they are read then differs from the mark, and the page looks again
        model.addAttribute("liveMark", dashboards.foldMark(null));
        model.addAttribute("self", request.getQueryString() == null ? "/analytics" : "/analytics?" + request.getQueryString());
        WorkspaceSummary summary;
        try {
            summary = summaries.of(from, to, SummarySort.parse(sort), currency, page, size);
        } catch (InvalidInputException e) {
            // what was asked cannot be shown: say why, above the default days and order
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("rangeError", e.field().equals("sort") || e.field().equals("currency")
                    ? "The " + e.field() + " " + e.getMessage() : e.getMessage());
            summary = summaries.of(null, null, SummarySort.DEFAULT, null, null, null);
        }
        long days = ChronoUnit.DAYS.between(summary.from(), summary.to()) + 1;
        String before = days == 1 ? "the day before" : "the " + days + " days before";
        var listed = summary.campaigns();
        model.addAttribute("summary", summary);
        model.addAttribute("days", days);
        model.addAttribute("before", before);
        model.addAttribute("words", new DashboardWords(before));
        model.addAttribute("view", new SummaryView(summary));
        model.addAttribute("asOf", DashboardWords.when(summary.asOf(), summary.timeZone()));
        model.addAttribute("rows", new PageImpl<>(listed.items(), PageRequest.of(listed.page(), listed.size()),
                listed.total()));
        model.addAttribute("empty", listed.total() == 0 && summary.campaignsInTrash() == 0);
        return Htmx.view(request, "analytics/summary", "figures");
    }
}
