package io.flightdeck.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A list as a file: its name (the sheet's and the file's: "Campaigns" makes campaigns-2026-03-01.csv) and its typed
 * columns. {@link #write} streams the rows it is given as CSV (headings first) or as an Excel table.
 */
public record ListExport<T>(String name, List<ExportColumn<T>> columns) {

    @SafeVarargs
    public static <T> ListExport<T> of(String name, ExportColumn<T>... columns) {
        return new ListExport<>(name, List.of(columns));
    }

    /** Writes the rows to {@code out}, which stays open; a sheet holds at most {@code sheetRows} rows. */
    public void write(ExportFormat format, ExportRows<T> rows, OutputStream out, int sheetRows) throws IOException {
        List<String> headings = columns.stream().map(ExportColumn::heading).toList();
        if (format == ExportFormat.CSV) {
            CsvTableWriter csv = new CsvTableWriter(out);
            csv.row(headings);
            rows.forEach(row -> csv.row(cells(row)));
            csv.flush();
        } else {
            XlsxWorkbookWriter workbook = new XlsxWorkbookWriter(out, sheetRows);
            XlsxWorkbookWriter.Table table = workbook.table(name, headings,
                    columns.stream().map(ExportColumn::width).toList(),
                    columns.stream().map(ExportColumn::excelFormat).toList());
            rows.forEach(row -> table.row(cells(row)));
            table.finish();
            workbook.finish();
        }
        out.flush();
    }

    private List<Object> cells(T row) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (ExportColumn<T> column : columns) {
            cells.add(column.valueOf(row));
        }
        return cells;
    }
}
