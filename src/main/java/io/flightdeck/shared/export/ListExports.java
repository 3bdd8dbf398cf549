package io.flightdeck.shared.export;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a list as a download: checks the format first (a 400 before anything is written), names the file after the
 * list and the day (tasks-2026-03-01.xlsx), and streams the rows to the response on the request thread, which holds
 * the workspace's scope. The modules check their filters before calling, for the same reason.
 */
@Component
public class ListExports {

    private final Clock clock;
    private final int sheetRows;

    ListExports(Clock clock, @Value("${flightdeck.export.sheet-rows:" + XlsxWorkbookWriter.SHEET_ROWS + "}") int sheetRows) {
        this.clock = clock;
        this.sheetRows = Math.min(sheetRows, XlsxWorkbookWriter.SHEET_ROWS);
    }

    /** Parses {@code format} (csv or xlsx, csv when absent) and sends the list. */
    public <T> void send(HttpServletResponse response, String format, ListExport<T> list, ExportRows<T> rows)
            throws IOException {
        send(response, ExportFormat.parse(format), list, rows);
    }

    public <T> void send(HttpServletResponse response, ExportFormat format, ListExport<T> list, ExportRows<T> rows)
            throws IOException {
        list.write(format, rows, Downloads.start(response, format.mediaType(), fileName(list.name(), format)), sheetRows);
    }

    /** The list's name in plain ASCII with the day: email-sends-2026-03-01.csv. */
    public String fileName(String listName, ExportFormat format) {
        String slug = listName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return (slug.isEmpty() ? "export" : slug) + "-" + LocalDate.now(clock) + "." + format.extension();
    }
}
