package io.flightdeck.email.web;

import java.util.UUID;

import io.flightdeck.email.report.EmailReport;
import io.flightdeck.email.report.EmailReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An email's report (issue 28), the object its page shows and draws its charts from: anyone in the workspace reads it. */
@RestController
@RequestMapping("/api/v1/email/campaigns")
@Tag(name = "Email campaigns")
class EmailReportApiController {

    private final EmailReports reports;

    EmailReportApiController(EmailReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "The email's report: headline figures (rates from people only, null while nothing was sent), "
            + "human opens and clicks by hour for 48 hours then by day in the workspace's zone, clicks per link (the "
            + "ten most clicked and the rest summed) and the A/B test's variants; empty for an email never sent")
    @GetMapping("/{id}/report")
    EmailReport report(@PathVariable UUID id) {
        return reports.of(id);
    }
}
