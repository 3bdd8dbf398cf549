package io.flightdeck.assets.imports;

/**
 * One data row of a file: its number as a spreadsheet shows it (the file's records counted from 1, title lines and the
 * header included, a cell with line breaks still one row) and its cells.
 */
record SourceRow(long row, String[] cells) {
}
