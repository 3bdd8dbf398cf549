package io.flightdeck.analytics.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.shared.export.CsvTableWriter;

/**
 * A report as one CSV file: a few lines that say what it is and as of when, then each section after an empty line as
 * its title on a line of its own, its headings and its rows. Numbers are plain (4000, 6.25; per cents as per cents,
 * money without its currency, which the headings or a Currency column name), dates ISO, and text that a spreadsheet
 * would take for a formula is written as text (the export kit's {@link CsvTableWriter}).
 */
final class ReportCsv {

    private ReportCsv() {
    }

    /** Writes the file to {@code out}, row by row, and flushes it (the stream stays open). */
    static void write(CampaignReport report, OutputStream out) throws IOException {
        CsvTableWriter csv = new CsvTableWriter(out);
        csv.row(List.of("Report", report.title()));
        csv.row(List.of("Campaign", report.campaignName()));
        csv.row(List.of("From", report.from()));
        csv.row(List.of("To", report.to()));
        csv.row(List.of("Compared with", report.previousFrom() + " to " + report.previousTo()));
        csv.row(List.of("As of", report.asOf().toString()));
        csv.row(List.of("Time zone", report.timeZone()));
        if (!report.sentences().isEmpty()) {
            csv.blankLine();
            csv.row(List.of("In brief"));
            for (String sentence : report.sentences()) {
                csv.row(List.of(sentence));
            }
        }
        for (ReportSection section : report.sections()) {
            csv.blankLine();
            csv.row(List.of(section.title()));
            csv.row(section.headings());
            for (List<ReportCell> row : section.rows()) {
                List<Object> cells = new ArrayList<>(row.size());
                for (ReportCell cell : row) {
                    cells.add(cell(cell));
                }
                csv.row(cells);
            }
        }
        csv.flush();
    }

    /** The cell's value for the kit: its text (defused there), its date or its plain number; null is empty. */
    private static Object cell(ReportCell cell) {
        return switch (cell.type()) {
            case TEXT -> cell.text();
            case DATE -> cell.date();
            default -> cell.value();
        };
    }
}
