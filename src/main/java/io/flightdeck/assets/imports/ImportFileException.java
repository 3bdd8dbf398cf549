package io.flightdeck.assets.imports;

/**
 * The file as a whole cannot be imported (no header row, a column the kind needs is missing, not valid CSV from some
 * row on). Not worth a retry: the same bytes fail the same way.
 */
class ImportFileException extends RuntimeException {

    private final long row;

    ImportFileException(long row, String message) {
        super(message);
        this.row = row;
    }

    long row() {
        return row;
    }
}
