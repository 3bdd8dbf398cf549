package io.flightdeck.analytics.reports;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One table of a report: a title, a caption that says what its rows are, the column headings and the rows. A
 * section marked {@code chart} is also drawn as a line chart of its number columns, day by day.
 */
@Schema(name = "CampaignReportSection")
record ReportSection(String title, String caption, List<String> headings, List<List<ReportCell>> rows,
        boolean chart) {
}
