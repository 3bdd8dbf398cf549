package io.flightdeck.analytics.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.analytics.reports.CampaignReport;
import io.flightdeck.analytics.reports.CampaignReports;
import io.flightdeck.analytics.reports.ReportChart;
import io.flightdeck.analytics.reports.ReportFiles;
import io.flightdeck.analytics.reports.ReportFormat;
import io.flightdeck.analytics.reports.ReportKind;
import io.flightdeck.analytics.reports.ReportQuery;
import io.flightdeck.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report builder: choose a kind and a range, read the report on screen (its tables and chart from the same data
 * the files are written from) and download it as CSV, Excel, PDF or JSON. The downloads are links in the signed-in
 * session; the API's report endpoint is the same report for a token.
 */
@Controller
class CampaignReportPagesController {

    private final CampaignReports reports;
    private final ReportFiles files;

    CampaignReportPagesController(CampaignReports reports, ReportFiles files) {
        this.reports = reports;
        this.files = files;
    }

    @GetMapping("/analytics/campaigns/{id}/report")
    String page(@PathVariable UUID id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model, HttpServletResponse response) {
        CampaignReport report;
        try {
            report = reports.build(new ReportQuery(id, kind == null ? ReportKind.SUMMARY : ReportKind.parse(kind),
                    from, to));
        } catch (InvalidInputException e) {
            // the report as asked cannot be made: say why, above the default one
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("reportError", e.getMessage());
            report = reports.build(new ReportQuery(id, ReportKind.SUMMARY, null, null));
        }
        model.addAttribute("report", report);
        model.addAttribute("chartSvg", ReportChart.svg(report));
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("formats", ReportFormat.values());
        return "analytics/reports/builder";
    }

    /** The file of the report on screen, for the page's download links. */
    @GetMapping("/analytics/campaigns/{id}/report/download")
    void download(@PathVariable UUID id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        ReportFormat chosen = ReportFormat.parse(format, ReportFormat.values());
        CampaignReport report = reports.build(new ReportQuery(id, ReportKind.parse(kind), from, to));
        ReportResponses.send(files, report, chosen, response);
    }
}
