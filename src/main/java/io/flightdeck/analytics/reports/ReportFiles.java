package io.flightdeck.analytics.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.Locale;

import org.apache.commons.io.output.CloseShieldOutputStream;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report's data as a file: JSON (the data itself, as the API's schema describes it), CSV, XLSX or PDF, each
 * straight to the stream it is given, and names the file.
 */
@Service
public class ReportFiles {

    private static final int NAME_CHARACTERS = 60;

    private final JsonMapper json;
    private final ReportPdf pdf;
    private final ReportXlsx xlsx = new ReportXlsx();

    ReportFiles(JsonMapper json, ReportPdf pdf) {
        this.json = json;
        this.pdf = pdf;
    }

    /** Writes the report to {@code out}, which stays open. */
    public void write(CampaignReport report, ReportFormat format, OutputStream out) throws IOException {
        switch (format) {
            case JSON -> json.writeValue(CloseShieldOutputStream.wrap(out), report);
            case CSV -> ReportCsv.write(report, out);
            case XLSX -> xlsx.write(report, out);
            case PDF -> pdf.write(report, out);
        }
        out.flush();
    }

    /**
     * A file name in plain ASCII, safe in any header and on any disk, from the campaign's name, the kind and the
     * range: winter-sale-executive-2026-11-16-to-2026-11-22.pdf. A name with no Latin letters becomes "campaign".
     */
    public static String fileName(CampaignReport report, ReportFormat format) {
        String ascii = Normalizer.normalize(report.campaignName(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.length() > NAME_CHARACTERS) {
            ascii = ascii.substring(0, NAME_CHARACTERS).replaceAll("-+$", "");
        }
        return (ascii.isEmpty() ? "campaign" : ascii) + "-" + report.kind().name().toLowerCase(Locale.ROOT) + "-"
                + report.from() + "-to-" + report.to() + "." + format.extension();
    }
}
