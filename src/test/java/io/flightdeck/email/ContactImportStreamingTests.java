package io.flightdeck.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.imports.ContactImportView;
import io.flightdeck.email.imports.ContactImports;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.email.ContactImportRequests.BASE;
import static io.flightdeck.email.ContactImportRequests.EVIDENCE;
import static io.flightdeck.email.ContactImportRequests.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 20,000-row file, made up as it is read so the test holds no copy of it either: the upload takes it a piece at a
 * time (a stream that refuses to be read whole), stores it in pieces, and the run writes it in batches within a
 * reasonable time.
 */
@FlightdeckTest
class ContactImportStreamingTests {

    static final int ROWS = 20_000;

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ContactImports imports;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLargeFileIsStreamedInPiecesAndImportedInBatches() throws Exception {
        Member owner = workspaces.workspace("Import large");
        GeneratedCsv file = new GeneratedCsv(ROWS);

        ContactImportView uploaded = workspaces.as(owner, () -> {
            try {
                return imports.upload("large.csv", file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertThat(file.largestRead).as("read a piece at a time").isLessThanOrEqualTo(256 * 1024);
        assertThat(uploaded.fileSize()).isEqualTo(file.produced).isGreaterThan(256 * 1024);
        Integer pieces = jdbc.queryForObject("select count(*) from email_contact_import_chunks where import_id = ?",
                Integer.class, uploaded.id());
        assertThat(pieces).as("stored in pieces").isEqualTo((int) ((file.produced + 256 * 1024 - 1) / (256 * 1024)));

        long began = System.nanoTime();
        MvcTestResult started = api.as(owner).post(BASE + "/" + uploaded.id() + "/start", Map.of("mapping", List.of(
                Map.of("index", 0, "field", "EMAIL"), Map.of("index", 1, "field", "NAME"),
                Map.of("index", 2, "field", "ATTRIBUTE", "key", "plan")), "consentEvidence", EVIDENCE));
        assertThat(started).hasStatus(202);
        MvcTestResult done = new ContactImportRequests(api).await(owner, uploaded.id().toString());
        long seconds = (System.nanoTime() - began) / 1_000_000_000L;

        assertThat((String) Json.read(done, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(number(done, "$.added")).isEqualTo(ROWS);
        assertThat(seconds).as("a 20,000-row import's time").isLessThan(120);
        assertThat(number(api.as(owner).get("/api/v1/email/contacts?size=1"), "$.total")).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("select count(*) from email_contact_import_chunks where import_id = ?",
                Integer.class, uploaded.id())).as("the file goes when the import ends").isZero();
        UUID anyone = UUID.fromString(Json.read(api.as(owner).get("/api/v1/email/contacts?q=person-12345@"),
                "$.items[0].id"));
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts/" + anyone), "$.attributes.plan"))
                .isEqualTo("plan-5");
    }

    /** Rows made as they are read; reading it whole (readAllBytes) fails the test. */
    static final class GeneratedCsv extends InputStream {

        private final int rows;
        private int next = -1;
        private byte[] line = new byte[0];
        private int at;
        long produced;
        int largestRead;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            largestRead = Math.max(largestRead, len);
            int n = 0;
            while (n < len) {
                if (at == line.length) {
                    if (next >= rows) {
                        break;
                    }
                    line = (next < 0 ? "email,name,plan\n" : "person-" + next + "@example.com,Person " + next
                            + ",plan-" + (next % 10) + "\n").getBytes(StandardCharsets.UTF_8);
                    next++;
                    at = 0;
                }
                int take = Math.min(len - n, line.length - at);
                System.arraycopy(line, at, b, off + n, take);
                at += take;
                n += take;
            }
            produced += n;
            return n == 0 && len > 0 ? -1 : n;
        }

        @Override
        public byte[] readAllBytes() {
            throw new AssertionError("the upload was read whole");
        }

        @Override
        public byte[] readNBytes(int len) {
            throw new AssertionError("the upload was read whole");
        }
    }
}
