package io.flightdeck.assets.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's header row read through its format: which column holds each field, what the file calls it (for the error
 * report), and a currency the header itself names ("Amount spent (USD)").
 */
final class ImportLayout {

    private final ImportFormat format;
    private final long headerRow;
    private final String[] header;
    private final int[] columns = new int[ImportField.values().length];
    private final String headerCurrency;

    private ImportLayout(ImportFormat format, long headerRow, String[] header) {
        this.format = format;
        this.headerRow = headerRow;
        this.header = header;
        Arrays.fill(columns, -1);
        List<String> normalised = Arrays.stream(header).map(ColumnRule::normalise).toList();
        String currency = null;
        for (ColumnRule rule : format.columns()) {
            // the rule's names in order: "Link clicks" wins over "Clicks (all)" when a file has both
            search:
            for (Pattern name : rule.names()) {
                for (int i = 0; i < normalised.size(); i++) {
                    Matcher m = name.matcher(normalised.get(i));
                    if (m.matches() && !taken(i)) {
                        columns[rule.field().ordinal()] = i;
                        if (name.pattern().contains("?<currency>") && m.group("currency") != null) {
                            currency = m.group("currency").toUpperCase(Locale.ROOT);
                        }
                        break search;
                    }
                }
            }
        }
        this.headerCurrency = currency;
    }

    /** The layout of a header row, when some format recognises it. */
    static Optional<ImportLayout> recognise(long row, String[] cells) {
        List<String> normalised = Arrays.stream(cells).map(ColumnRule::normalise).toList();
        for (ImportFormat format : ImportFormat.values()) {
            if (format.recognises(normalised)) {
                return Optional.of(new ImportLayout(format, row, cells.clone()));
            }
        }
        return Optional.empty();
    }

    private boolean taken(int column) {
        for (int c : columns) {
            if (c == column) {
                return true;
            }
        }
        return false;
    }

    ImportFormat format() {
        return format;
    }

    long headerRow() {
        return headerRow;
    }

    int width() {
        return header.length;
    }

    boolean has(ImportField field) {
        return columns[field.ordinal()] >= 0;
    }

    /** What the file calls the field's column, or the field's name when it has none. */
    String column(ImportField field) {
        int i = columns[field.ordinal()];
        return i >= 0 ? header[i].replace("\uFEFF", "").strip() : field.name().toLowerCase(Locale.ROOT);
    }

    String columnAt(int index) {
        return index < header.length ? header[index].replace("\uFEFF", "").strip() : "column " + (index + 1);
    }

    /** The field's cell, trimmed; null when the column is absent, the row too short or the cell empty. */
    String cell(SourceRow row, ImportField field) {
        int i = columns[field.ordinal()];
        if (i < 0 || i >= row.cells().length) {
            return null;
        }
        String value = row.cells()[i].strip();
        return value.isEmpty() ? null : value;
    }

    String headerCurrency() {
        return headerCurrency;
    }

    /** Each mapped column with its field, in the file's order. */
    Map<String, ImportField> mapped() {
        Map<String, ImportField> mapped = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            for (ImportField field : ImportField.values()) {
                if (columns[field.ordinal()] == i) {
                    mapped.put(columnAt(i), field);
                }
            }
        }
        return mapped;
    }

    /** The columns no field reads (a report's campaign or ad group, say); the import leaves them alone. */
    List<String> unmapped() {
        List<String> unmapped = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            int column = i;
            if (Arrays.stream(columns).noneMatch(c -> c == column) && !header[i].isBlank()) {
                unmapped.add(columnAt(i));
            }
        }
        return Collections.unmodifiableList(unmapped);
    }
}
