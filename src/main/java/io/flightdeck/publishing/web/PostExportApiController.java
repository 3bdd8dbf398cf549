package io.flightdeck.publishing.web;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.export.ExportFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The posts list as a file, with the list's filters; any member may export it. */
@RestController
@Tag(name = "Social scheduler")
class PostExportApiController {

    private final PostExport export;

    PostExportApiController(PostExport export) {
        this.export = export;
    }

    @Operation(summary = "Every post per channel between two instants (at most 62 days), optionally of one campaign, as "
            + "CSV or Excel (format=csv or xlsx), by time and streamed; cells that could start a spreadsheet formula are "
            + "written as text")
    @GetMapping(value = "/api/v1/social/posts/export", produces = {"text/csv", ExportFormat.XLSX_TYPE})
    void export(@RequestParam(required = false) String format, @RequestParam Instant from, @RequestParam Instant to,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false, defaultValue = "false") boolean withCancelled,
            HttpServletResponse response) throws IOException {
        export.send(response, format, from, to, campaignId, null, withCancelled);
    }
}
