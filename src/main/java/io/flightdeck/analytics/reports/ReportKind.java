package io.flightdeck.analytics.reports;

import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;

/**
 * Which report: SUMMARY (key figures beside the days before, money per currency, channels), DETAILED (that and each
 * day's and each channel's numbers) or EXECUTIVE (headline figures, the biggest changes in words, top channels and a
 * chart of clicks and conversions per day).
 */
public enum ReportKind {
    SUMMARY("Summary report"),
    DETAILED("Detailed report"),
    EXECUTIVE("Executive report");

    private final String title;

    ReportKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The kind a request names, in any case; anything else is a 400 naming the field. */
    public static ReportKind parse(String value) {
        if (value != null) {
            for (ReportKind kind : values()) {
                if (kind.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                    return kind;
                }
            }
        }
        throw new InvalidInputException("kind", "Choose a report kind: SUMMARY, DETAILED or EXECUTIVE");
    }
}
