package io.flightdeck.analytics.web;

import java.io.IOException;

import io.flightdeck.analytics.reports.CampaignReport;
import io.flightdeck.shared.export.Downloads;
import io.flightdeck.analytics.reports.ReportFiles;
import io.flightdeck.analytics.reports.ReportFormat;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/**
 * A report's file as the answer: its type, an attachment with an ASCII file name, and the file written straight to
 * the response on the request thread (which holds the workspace's scope). The report's data is complete before the
 * first byte, so every refusal (404, 400) comes before the answer starts.
 */
final class ReportResponses {

    private ReportResponses() {
    }

    static void send(ReportFiles files, CampaignReport report, ReportFormat format, HttpServletResponse response)
            throws IOException {
        // a report is the numbers as of its moment: a cache would show old numbers as new
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        files.write(report, format, Downloads.start(response, format.mediaType(), ReportFiles.fileName(report, format)));
    }
}
