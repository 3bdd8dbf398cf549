package io.flightdeck.assets.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.assets.imports.ImportKind;
import io.flightdeck.assets.imports.ImportMode;
import io.flightdeck.shared.files.FileChunks;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The import wizard's kept files, below the pages: a large file copied in and read back a piece at a time, a file
 * deleted while it is read failing rather than ending early, and the sweep that deletes files kept past their hour
 * (run directly: every test context has a scheduler on the suite's database, each with its own clock, so which one
 * runs the recurring task is chance; that it is scheduled is checked on its own).
 */
@FlightdeckTest
class ImportWizardFilesTests {

    @Autowired
    ImportWizardFiles files;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcTemplate jdbc;

    private PendingImport keep(Member owner, MockHttpSession session, MultipartFile file) {
        return workspaces.as(owner, () -> {
            try {
                return files.keep(session, UUID.randomUUID(), file, Long.MAX_VALUE, ImportKind.PERFORMANCE,
                        ImportFormatChoice.AUTO, ImportMode.ALL_OR_NOTHING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private int stored(PendingImport pending) {
        return jdbc.queryForObject("select count(*) from asset_import_wizard_files where id = ?", Integer.class,
                ImportWizardFiles.id(pending.token()));
    }

    private int pieces(PendingImport pending) {
        return jdbc.queryForObject("select count(*) from asset_import_wizard_chunks where file_id = ?", Integer.class,
                ImportWizardFiles.id(pending.token()));
    }

    @Test
    void aLargeFileIsCopiedInAndReadBackAPieceAtATime() throws Exception {
        Member owner = workspaces.workspace("Wizard files large");
        GeneratedFile file = new GeneratedFile(3 * FileChunks.CHUNK + 123);

        PendingImport pending = keep(owner, new MockHttpSession(), file);

        assertThat(file.largestRead).as("read a piece at a time").isLessThanOrEqualTo(FileChunks.CHUNK);
        assertThat(pending.size()).isEqualTo(3L * FileChunks.CHUNK + 123);
        assertThat(pieces(pending)).isEqualTo(4);
        byte[] back = workspaces.as(owner, () -> {
            try (InputStream in = files.open(pending)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(back).hasSize((int) pending.size()).isEqualTo(GeneratedFile.bytes(back.length));

        Member stranger = workspaces.workspace("Wizard files elsewhere");
        assertThatThrownBy(() -> workspaces.as(stranger, () -> {
            try (InputStream in = files.open(pending)) {
                return in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })).as("another workspace reads none of it").hasCauseInstanceOf(FileChunks.Gone.class);
    }

    @Test
    void aFileDeletedWhileItIsReadIsGoneRatherThanCut() throws Exception {
        Member owner = workspaces.workspace("Wizard files gone");
        PendingImport pending = keep(owner, new MockHttpSession(), new GeneratedFile(2 * FileChunks.CHUNK + 1));

        assertThatThrownBy(() -> workspaces.as(owner, () -> {
            try (InputStream in = files.open(pending)) {
                in.readNBytes(FileChunks.CHUNK);
                jdbc.update("delete from asset_import_wizard_files where id = ?", ImportWizardFiles.id(pending.token()));
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })).hasCauseInstanceOf(FileChunks.Gone.class);
        assertThat(pieces(pending)).as("its pieces went with it").isZero();
    }

    @Test
    void theSweepDeletesFilesKeptPastTheirHourAndLeavesTheOthers() {
        Member owner = workspaces.workspace("Wizard files sweep");
        MockHttpSession session = new MockHttpSession();
        PendingImport expired = keep(owner, session, new GeneratedFile(FileChunks.CHUNK + 10));
        PendingImport fresh = keep(owner, session, new GeneratedFile(10));
        // chosen more than an hour ago, by whichever node
        jdbc.update("update asset_import_wizard_files set kept_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(ImportWizardFiles.KEPT_FOR).minus(Duration.ofMinutes(1))),
                ImportWizardFiles.id(expired.token()));

        assertThat(files.sweep()).isPositive();

        assertThat(stored(expired)).isZero();
        assertThat(pieces(expired)).isZero();
        assertThat(stored(fresh)).isEqualTo(1);
        assertThat(pieces(fresh)).isEqualTo(1);
        // the session that chose it finds it no more
        assertThat(workspaces.as(owner, () -> files.find(session, expired.token(), expired.spaceId()))).isEmpty();
        assertThat(workspaces.as(owner, () -> files.find(session, fresh.token(), fresh.spaceId()))).isPresent();
    }

    @Test
    void aSessionKeepsThreeFilesAndTheOldestGoes() {
        Member owner = workspaces.workspace("Wizard files limit");
        MockHttpSession session = new MockHttpSession();
        PendingImport first = keep(owner, session, new GeneratedFile(10));
        for (int i = 0; i < ImportWizardFiles.PER_SESSION; i++) {
            keep(owner, session, new GeneratedFile(10));
        }
        assertThat(stored(first)).as("the oldest of four went").isZero();
        assertThat(workspaces.as(owner, () -> files.find(session, first.token(), first.spaceId()))).isEmpty();
    }

    @Test
    void theSweepIsARecurringJob() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name = ?", Integer.class,
                ImportWizardFiles.SWEEP_TASK) == 1);
    }

    @Test
    void tokensNameTheirFiles() {
        UUID id = UUID.randomUUID();
        assertThat(ImportWizardFiles.token(id)).matches("[0-9a-f]{32}").isEqualTo(id.toString().replace("-", ""));
        assertThat(ImportWizardFiles.id(ImportWizardFiles.token(id))).isEqualTo(id);
    }

    /**
     * A file of {@code size} bytes made as it is read, so the test holds no copy; reading it whole (getBytes,
     * readAllBytes) fails the test.
     */
    static final class GeneratedFile implements MultipartFile {

        private final long size;
        int largestRead;

        GeneratedFile(long size) {
            this.size = size;
        }

        static byte byteAt(long at) {
            return (byte) ("0123456789,\n".charAt((int) (at % 12)));
        }

        static byte[] bytes(int length) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = byteAt(i);
            }
            return bytes;
        }

        @Override
        public InputStream getInputStream() {
            return new InputStream() {
                private long at;

                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    largestRead = Math.max(largestRead, len);
                    if (at >= size) {
                        return len == 0 ? 0 : -1;
                    }
                    int n = (int) Math.min(len, size - at);
                    for (int i = 0; i < n; i++) {
                        b[off + i] = byteAt(at++);
                    }
                    return n;
                }

                @Override
                public byte[] readAllBytes() {
                    throw new AssertionError("the file was read whole");
                }

                @Override
                public byte[] readNBytes(int len) {
                    throw new AssertionError("the file was read whole");
                }
            };
        }

        @Override
        public byte[] getBytes() {
            throw new AssertionError("the file was read whole");
        }

        @Override
        public String getName() {
            return "file";
        }

        @Override
        public String getOriginalFilename() {
            return "generated.csv";
        }

        @Override
        public String getContentType() {
            return "text/csv";
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public long getSize() {
            return size;
        }

        @Override
        public void transferTo(java.io.File dest) {
            throw new AssertionError("the file was copied to a node's disk");
        }

        @Override
        public void transferTo(Path dest) {
            throw new AssertionError("the file was copied to a node's disk");
        }
    }
}
