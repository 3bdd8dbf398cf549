package io.flightdeck.assets.imports;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an import of a file would do, written nowhere: how the file was read, which column feeds which field, and the
 * first data rows as understood (the values that would be written, or the row's errors).
 *
 * @param headerRow      the header's row number (report exports put title lines above it)
 * @param headerCurrency a currency the header names ("Amount spent (USD)"), else null
 */
public record ImportPreview(ImportFormat format, ImportKind kind, String charset, String delimiter, long headerRow,
        @Nullable String headerCurrency, List<Column> columns, List<String> unmappedColumns, List<Row> rows) {

    /** A column of the file and the field it feeds. */
    public record Column(String column, String field) {
    }

    /** A data row: its number, what it would write, its errors (none when it would be imported). */
    public record Row(long row, Map<String, Object> values, List<ImportRowError> errors) {
    }
}
