package io.flightdeck.analytics.web;

import java.time.LocalDate;
import java.util.List;

import io.flightdeck.analytics.dashboards.DashboardWords;
import io.flightdeck.planning.PlanningTrends;
import io.flightdeck.planning.TeamTrendReport;
import io.flightdeck.planning.WeeklyUtilisation;
import io.flightdeck.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The team's trends page, linked from the Analytics page: a table per week of completions (on time, late), tasks due,
 * open and overdue at the week's end and the team's utilisation, with a chart drawn from that table, and the members'
 * utilisation in the latest week. A range that cannot be shown is said above the default weeks.
 */
@Controller
class TeamTrendsPagesController {

    private final PlanningTrends trends;

    TeamTrendsPagesController(PlanningTrends trends) {
        this.trends = trends;
    }

    @GetMapping("/analytics/team")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model,
            HttpServletResponse response) {
        TeamTrendReport report;
        try {
            report = trends.weekly(from, to);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("rangeError", e.getMessage());
            report = trends.weekly(null, null);
        }
        List<WeeklyUtilisation> weeks = report.utilisation();
        boolean anyTasks = report.tasks().stream().anyMatch(w -> w.completed() + w.becameDue() + w.openAtEnd() > 0);
        boolean anyHours = weeks.stream().anyMatch(w -> w.assignedHours() > 0);
        model.addAttribute("report", report);
        model.addAttribute("latest", weeks.get(weeks.size() - 1));
        model.addAttribute("empty", !anyTasks && !anyHours);
        model.addAttribute("words", new DashboardWords("the weeks before"));
        model.addAttribute("asOf", DashboardWords.when(report.asOf(), report.timeZone()));
        return "analytics/team";
    }
}
