package io.flightdeck.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Uploaded files kept in the database in pieces of {@value #CHUNK} bytes, in a table of the module's own:
 * {@code (<owner> uuid, tenant_id uuid, seq int, bytes bytea)} with the primary key {@code (<owner>, seq)}, its owner
 * column referencing the module's row for the file ({@code on delete cascade}, so the pieces go with that row). A file
 * is copied in a piece at a time and read back a piece at a time, each piece in a statement of its own, so memory
 * holds one piece whatever the file's size; and since the pieces are in the database, any node reads what another
 * node stored: nothing a later request needs waits on one node's disk. The contact import (email) and the asset import
 * wizard (assets) keep their files so.
 * <p>
 * Native SQL: every statement names the current workspace itself, and a file is found only in its own workspace.
 */
public class FileChunks {

    /** The size of a piece: big enough that a file of a few hundred megabytes is a few thousand rows. */
    public static final int CHUNK = 256 * 1024;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** A file read back ended before its size: its pieces were deleted while it was read (or before). */
    public static final class Gone extends IOException {

        public Gone(UUID ownerId, long read, long size) {
            super("The file " + ownerId + " ended after " + read + " of its " + size + " bytes: it is no longer kept");
        }
    }

    private final JdbcTemplate jdbc;
    private final String insert;
    private final String select;
    private final String delete;

    /** Pieces kept in {@code table}, named by {@code ownerColumn}; both plain lower-case SQL names. */
    public FileChunks(JdbcTemplate jdbc, String table, String ownerColumn) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        if (!NAME.matcher(table).matches() || !NAME.matcher(ownerColumn).matches()) {
            throw new IllegalArgumentException("Not a table and column name: " + table + ", " + ownerColumn);
        }
        this.insert = "insert into " + table + " (" + ownerColumn + ", tenant_id, seq, bytes) values (?, ?, ?, ?)";
        this.select = "select bytes from " + table + " where tenant_id = ? and " + ownerColumn + " = ? and seq = ?";
        this.delete = "delete from " + table + " where tenant_id = ? and " + ownerColumn + " = ?";
    }

    /**
     * Copies the stream into the owner's pieces, in the caller's transaction (there must be one: a file refused half
     * way leaves nothing once it rolls back); answers the size. It reads {@value #CHUNK} bytes at a time. Over
     * {@code maxBytes} it throws {@link PayloadTooLargeException} (413).
     */
    public long store(UUID ownerId, InputStream content, long maxBytes) throws IOException {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("A file is stored in pieces in its caller's transaction");
        }
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
            byte[] piece = filled == CHUNK ? buffer : Arrays.copyOf(buffer, filled);
            jdbc.update(insert, ownerId, tenant, seq++, piece);
            if (filled < CHUNK) {
                return size;
            }
        }
    }

    /** The file as a stream that fetches one piece at a time, each in a statement of its own; it ends after the last. */
    public InputStream open(UUID ownerId) {
        return new Pieces(ownerId, -1);
    }

    /**
     * The file as {@link #open(UUID)} reads it, checked against the size it was stored with: a stream that would end
     * early (the pieces were deleted meanwhile) throws {@link Gone} instead, so a reader never takes a cut file for
     * the whole one.
     */
    public InputStream open(UUID ownerId, long size) {
        return new Pieces(ownerId, size);
    }

    /** The owner's pieces go (the file is not needed any more); in the caller's transaction when there is one. */
    public void delete(UUID ownerId) {
        jdbc.update(delete, TenantScope.require(), ownerId);
    }

    private final class Pieces extends InputStream {

        private final UUID tenant = TenantScope.require();
        private final UUID ownerId;
        private final long size;
        private byte[] piece = new byte[0];
        private int at;
        private int seq;
        private long read;
        private boolean done;

        Pieces(UUID ownerId, long size) {
            this.ownerId = ownerId;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            read++;
            return piece[at++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, piece.length - at);
            System.arraycopy(piece, at, b, off, n);
            at += n;
            read += n;
            return n;
        }

        private boolean fill() throws Gone {
            while (!done && at >= piece.length) {
                List<byte[]> next = jdbc.query(select, (rs, i) -> rs.getBytes(1), tenant, ownerId, seq++);
                if (next.isEmpty()) {
                    done = true;
                } else {
                    piece = next.get(0);
                    at = 0;
                }
            }
            if (at < piece.length) {
                return true;
            }
            if (size >= 0 && read < size) {
                throw new Gone(ownerId, read, size);
            }
            return false;
        }
    }
}
