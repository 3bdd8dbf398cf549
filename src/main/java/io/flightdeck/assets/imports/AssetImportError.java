package io.flightdeck.assets.imports;

import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of an import's error report; a report of its run, so not audited. */
@Entity
@Table(name = "asset_import_errors")
@NotAudited
class AssetImportError extends TenantOwnedEntity {

    private UUID importId;
    /** the line's place in the report: the order the run found the errors in */
    private int lineNumber;
    private long sourceRow;
    private String sourceColumn;
    private String message;

    protected AssetImportError() {
    }

    AssetImportError(UUID importId, int lineNumber, ImportRowError error) {
        this.importId = importId;
        this.lineNumber = lineNumber;
        this.sourceRow = error.row();
        this.sourceColumn = error.column() == null ? null : cut(error.column(), 200);
        this.message = cut(error.message(), 1000);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    ImportRowError view() {
        return new ImportRowError(sourceRow, sourceColumn, message);
    }
}
