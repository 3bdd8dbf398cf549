package io.flightdeck.email.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An uploaded file kept in the database in pieces of {@value #CHUNK} bytes ({@code email_contact_import_chunks}): the
 * upload is copied from the request a piece at a time, and a run reads it back a piece at a time, so neither holds the
 * file in memory, and any node can run the import (nothing waits on one node's disk). Native SQL, so it names the
 * workspace itself.
 */
@Component
class ImportFileChunks {

    static final int CHUNK = 256 * 1024;

    private final JdbcTemplate jdbc;

    ImportFileChunks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Copies the stream into the import's pieces in the caller's transaction; answers the size. Over {@code maxBytes}
     * it throws (413), and the caller's transaction takes back what was written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long store(UUID importId, InputStream content, long maxBytes) throws IOException {
        UUID tenant = TenantScope.require();
        byte[] buffer = new byte[CHUNK];
        long size = 0;
        int seq = 0;
        while (true) {
            int filled = content.readNBytes(buffer, 0, CHUNK);
            if (filled == 0) {
                return size;
            }
            size += filled;
            if (size > maxBytes) {
                throw new PayloadTooLargeException("The file is larger than an import takes (at most "
                        + maxBytes / (1024 * 1024) + " MB); split it into smaller files", maxBytes);
            }
            byte[] piece = filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled);
            jdbc.update("insert into email_contact_import_chunks (import_id, tenant_id, seq, bytes) values (?, ?, ?, ?)",
                    importId, tenant, seq++, piece);
            if (filled < CHUNK) {
                return size;
            }
        }
    }

    /** The file as a stream that fetches one piece at a time, each in a statement of its own. */
    InputStream open(UUID importId) {
        UUID tenant = TenantScope.require();
        return new InputStream() {
            private byte[] piece = new byte[0];
            private int at;
            private int seq;
            private boolean done;

            @Override
            public int read() {
                return fill() ? piece[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, piece.length - at);
                System.arraycopy(piece, at, b, off, n);
                at += n;
                return n;
            }

            private boolean fill() {
                while (!done && at >= piece.length) {
                    var next = jdbc.query("select bytes from email_contact_import_chunks where tenant_id = ? and "
                            + "import_id = ? and seq = ?", (rs, i) -> rs.getBytes(1), tenant, importId, seq++);
                    if (next.isEmpty()) {
                        done = true;
                    } else {
                        piece = next.get(0);
                        at = 0;
                    }
                }
                return at < piece.length;
            }
        };
    }

    /** The file is not needed any more (its import ended or was abandoned). */
    @Transactional(propagation = Propagation.MANDATORY)
    void delete(UUID importId) {
        jdbc.update("delete from email_contact_import_chunks where tenant_id = ? and import_id = ?",
                TenantScope.require(), importId);
    }
}
