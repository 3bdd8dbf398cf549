package io.flightdeck.shared.csv;

import java.util.UUID;

import io.flightdeck.shared.Text;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * One line of an import's error report (an asset import, a contact import): which source row and column, and what
 * was wrong, numbered in the order the run found them. Each module maps it to its own table.
 */
@MappedSuperclass
public abstract class ImportErrorLine extends TenantOwnedEntity {

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

    protected ImportErrorLine() {
    }

    protected ImportErrorLine(UUID importId, int lineNumber, long sourceRow, String sourceColumn, String message) {
        this.importId = importId;
        this.lineNumber = lineNumber;
        this.sourceRow = sourceRow;
        this.sourceColumn = Text.cut(sourceColumn, 200);
        this.message = Text.cut(message, 1000);
    }

    protected long sourceRow() {
        return sourceRow;
    }

    protected String sourceColumn() {
        return sourceColumn;
    }

    protected String message() {
        return message;
    }
}
