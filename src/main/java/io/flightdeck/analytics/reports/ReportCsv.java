package io.flightdeck.analytics.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.shared.csv.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as one CSV file: a few lines that say what it is and as of when, then each section after an empty line as
 * its title on a line of its own, its headings and its rows. Numbers are plain (4000, 6.25; per cents as per cents,
 * money without its currency, which the headings or a Currency column name), dates ISO, and text that a spreadsheet
 * would take for a formula is written as text.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    /** Writes the file to {@code out}, row by row, and flushes it (the stream stays open). */
    static void write(CampaignReport report, OutputStream out) throws IOException {
        CSVPrinter csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                CSVFormat.DEFAULT);
        csv.printRecord("Report", text(report.title()));
        csv.printRecord("Campaign", text(report.campaignName()));
        csv.printRecord("From", report.from());
        csv.printRecord("To", report.to());
        csv.printRecord("Compared with", report.previousFrom() + " to " + report.previousTo());
        csv.printRecord("As of", report.asOf());
        csv.printRecord("Time zone", report.timeZone());
        if (!report.sentences().isEmpty()) {
            csv.println();
            csv.printRecord("In brief");
            for (String sentence : report.sentences()) {
                csv.printRecord(text(sentence));
            }
        }
        for (ReportSection section : report.sections()) {
            csv.println();
            csv.printRecord(text(section.title()));
            csv.printRecord(section.headings().stream().map(ReportCsv::text).toList());
            for (List<ReportCell> row : section.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (ReportCell cell : row) {
                    cells.add(cell(cell));
                }
                csv.printRecord(cells);
            }
        }
        csv.flush();
    }

    static String cell(ReportCell cell) {
        return switch (cell.type()) {
            case TEXT -> text(cell.text());
            case DATE -> cell.date().toString();
            default -> cell.value() == null ? "" : cell.value().toPlainString();
        };
    }

    private static String text(String text) {
        return SpreadsheetCells.text(text);
    }
}
