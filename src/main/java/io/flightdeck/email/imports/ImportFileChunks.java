package io.flightdeck.email.imports;

import io.flightdeck.shared.files.FileChunks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An uploaded contact file kept in the database in pieces ({@code email_contact_import_chunks}, see {@link FileChunks}):
 * the upload is copied from the request a piece at a time, and a run reads it back a piece at a time, so neither holds
 * the file in memory, and any node can run the import (nothing waits on one node's disk). The pieces go with their
 * import row, or when the import ends.
 */
@Component
class ImportFileChunks extends FileChunks {

    ImportFileChunks(JdbcTemplate jdbc) {
        super(jdbc, "email_contact_import_chunks", "import_id");
    }
}
