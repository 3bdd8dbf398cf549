package io.flightdeck.email.web;

import java.io.IOException;
import java.util.UUID;

import io.flightdeck.shared.export.ExportFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The email sends list as a file, with the list's filter; any member may export it. */
@RestController
@Tag(name = "Email campaigns")
class EmailSendExportApiController {

    private final EmailSendExport export;

    EmailSendExportApiController(EmailSendExport export) {
        this.export = export;
    }

    @Operation(summary = "Every email campaign (send), newest first, with its progress counts, as CSV or Excel "
            + "(format=csv or xlsx), streamed; campaignId filters to one campaign as on the list; cells that could start "
            + "a spreadsheet formula are written as text")
    @GetMapping(value = "/api/v1/email/campaigns/export", produces = {"text/csv", ExportFormat.XLSX_TYPE})
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) UUID campaignId,
            HttpServletResponse response) throws IOException {
        export.send(response, format, campaignId);
    }
}
