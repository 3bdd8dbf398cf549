package io.flightdeck.assets.imports;

import java.util.UUID;

import io.flightdeck.shared.csv.ImportErrorLine;
import io.flightdeck.shared.persistence.NotAudited;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of an asset import's error report; a report of its run, so not audited. */
@Entity
@Table(name = "asset_import_errors")
@NotAudited
class AssetImportError extends ImportErrorLine {

    protected AssetImportError() {
    }

    AssetImportError(UUID importId, int lineNumber, ImportRowError error) {
        super(importId, lineNumber, error.row(), error.column(), error.message());
    }

    ImportRowError view() {
        return new ImportRowError(sourceRow(), sourceColumn(), message());
    }
}
