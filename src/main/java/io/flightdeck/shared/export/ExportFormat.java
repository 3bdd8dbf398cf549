package io.flightdeck.shared.export;

import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;

/** The file a list is exported as, with its media type and file name extension. */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX(ExportFormat.XLSX_TYPE, "xlsx");

    /** Excel's media type, as a constant for {@code produces}. */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format a request names in any case (CSV when it names none); anything else is a 400 on {@code format}. */
    public static ExportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        for (ExportFormat format : values()) {
            if (format.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InvalidInputException("format", "Choose a format: csv or xlsx");
    }
}
