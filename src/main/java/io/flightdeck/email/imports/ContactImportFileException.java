package io.flightdeck.email.imports;

/** The file as a whole cannot be imported (empty, not CSV from some row on, not UTF-8). Not worth a retry. */
class ContactImportFileException extends RuntimeException {

    ContactImportFileException(String message) {
        super(message, null, false, false);
    }
}
