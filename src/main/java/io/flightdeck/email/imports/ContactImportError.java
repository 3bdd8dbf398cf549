package io.flightdeck.email.imports;

import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of an import's error report; a report of its run, so not audited. */
@Entity
@Table(name = "email_contact_import_errors")
@NotAudited
class ContactImportError extends TenantOwnedEntity {

    @Column(name = "import_id", nullable = false)
    private UUID importId;
    /** the line's place in the report: the order the run found the errors in */
    @Column(name = "line_number", nullable = false)
    private int lineNumber;
    @Column(name = "source_row", nullable = false)
    private long sourceRow;
    @Column(name = "source_column")
    private String sourceColumn;
    @Column(nullable = false)
    private String message;

    protected ContactImportError() {
    }

    ContactImportError(UUID importId, int lineNumber, ContactImportRowError error) {
        this.importId = importId;
        this.lineNumber = lineNumber;
        this.sourceRow = error.row();
        this.sourceColumn = error.column() == null ? null : cut(error.column(), 200);
        this.message = cut(error.message(), 1000);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    ContactImportRowError view() {
        return new ContactImportRowError(sourceRow, sourceColumn, message);
    }
}
