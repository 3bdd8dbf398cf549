package io.flightdeck.analytics.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.flightdeck.analytics.dashboards.SummarySort;
import io.flightdeck.analytics.dashboards.WorkspaceSummaries;
import io.flightdeck.analytics.dashboards.WorkspaceSummaries.WorkspaceSummary;
import io.flightdeck.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Analytics page: every campaign of the workspace for a range of days (the summary API's figures), the
 * workspace's totals as tiles with their change in words, and the campaigns in a table sorted by its headings and
 * paged, each linking to its own dashboard for the same days.
 */
@Controller
class WorkspaceSummaryPagesController {

    private final WorkspaceSummaries summaries;

    WorkspaceSummaryPagesController(WorkspaceSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/analytics")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String currency,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model, HttpServletResponse response) {
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
        return "analytics/summary";
    }
}
