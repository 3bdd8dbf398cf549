package io.flightdeck.email.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import io.flightdeck.email.report.EmailReport;
import io.flightdeck.email.report.EmailReports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An email's report page: the headline tiles and, for each chart, a table with the same numbers. The charts are drawn
 * in the browser (js/email-report.js with Chart.js) from the report itself, written into the page as JSON by the same
 * mapper the API answers with, so the charts, the tables and the API show one object.
 */
@Controller
class EmailReportPagesController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final EmailReports reports;
    private final JsonMapper json;

    EmailReportPagesController(EmailReports reports, JsonMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @GetMapping("/email/campaigns/{id}/report")
    String report(@PathVariable UUID id, Model model) {
        EmailReport report = reports.of(id);
        ZoneId zone = ZoneId.of(report.timeZone());
        model.addAttribute("report", report);
        model.addAttribute("asOf", when(report.asOf(), zone));
        model.addAttribute("started", report.startedAt() == null ? null : when(report.startedAt(), zone));
        model.addAttribute("reportJson", scriptSafe(json.writeValueAsString(report)));
        return "email/report";
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    /**
     * JSON that cannot end its script element: a link's address may hold {@code </script>}. Angle brackets and
     * ampersands only ever occur inside JSON strings, where their escapes mean the same.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
