package io.flightdeck.analytics.reports;

import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;

/** The file a report is written as, with its media type and file name extension. */
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX(ReportFormat.XLSX_TYPE, "xlsx"),
    PDF("application/pdf", "pdf");

    /** Excel's media type, as a constant for {@code produces}. */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format a request names, in any case, if it is one of {@code allowed}; else a 400 naming the field. */
    public static ReportFormat parse(String value, ReportFormat... allowed) {
        if (value != null) {
            for (ReportFormat format : allowed) {
                if (format.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                    return format;
                }
            }
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < allowed.length; i++) {
            names.append(i == 0 ? "" : i == allowed.length - 1 ? " or " : ", ").append(allowed[i].name());
        }
        throw new InvalidInputException("format", "Choose a format: " + names);
    }
}
