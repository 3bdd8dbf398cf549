package io.flightdeck.email.imports;

import java.util.UUID;

import io.flightdeck.shared.csv.ImportErrorLine;
import io.flightdeck.shared.persistence.NotAudited;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of a contact import's error report; a report of its run, so not audited. */
@Entity
@Table(name = "email_contact_import_errors")
@NotAudited
class ContactImportError extends ImportErrorLine {

    protected ContactImportError() {
    }

    ContactImportError(UUID importId, int lineNumber, ContactImportRowError error) {
        super(importId, lineNumber, error.row(), error.column(), error.message());
    }

    ContactImportRowError view() {
        return new ContactImportRowError(sourceRow(), sourceColumn(), message());
    }
}
