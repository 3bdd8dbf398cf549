package io.flightdeck.email.imports;

import org.jspecify.annotations.Nullable;

/**
 * One line of an import's error report.
 *
 * @param row     the row as a spreadsheet numbers it (the header is row 1)
 * @param column  the column as the file names it; null for a problem with the whole row
 * @param message what is wrong, in words
 */
public record ContactImportRowError(long row, @Nullable String column, String message) {
}
