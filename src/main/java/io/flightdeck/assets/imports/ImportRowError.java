package io.flightdeck.assets.imports;

/**
 * One line of an import's error report.
 *
 * @param row     the row as a spreadsheet numbers it (the header row and any title lines above it count)
 * @param column  the column as the file names it ("Impr.", "external_asset_id"); null for a problem with the whole row
 * @param message what is wrong, in words
 */
public record ImportRowError(long row, String column, String message) {
}
