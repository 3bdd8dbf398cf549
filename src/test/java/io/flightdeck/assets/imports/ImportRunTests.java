package io.flightdeck.assets.imports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs after a crash: a skip-bad-rows import resumes after its last committed batch and counts nothing twice; a
 * finished import is not run again; a run that a later run of the same import overtook cannot commit.
 */
@FlightdeckTest
class ImportRunTests {

    private static final String BASE = "/api/v1/campaign-assets";
    private static final LocalDate FIRST_DAY = LocalDate.of(2027, 1, 1);

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    ImportRun run;
    @Autowired
    ImportLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    /** Two and a half batches of rows (three batches), two assets on alternate rows, one day per pair of rows. */
    private static final int ROWS = 2 * ImportRun.BATCH + ImportRun.BATCH / 2;

    private static String file() {
        StringBuilder csv = new StringBuilder("external_asset_id,date,impressions,clicks,spend\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(i % 2 == 0 ? "ad-1," : "ad-2,").append(FIRST_DAY.plusDays(i / 2)).append(',')
                    .append(100 + i % 7).append(',').append(i % 5).append(",1.25\n");
        }
        return csv.toString();
    }

    private record Fixture(Member owner, String space, String importId) {
    }

    private Fixture imported(String name) throws InterruptedException {
        Member owner = workspaces.workspace(name);
        String campaign = Json.read(api.as(owner).post("/api/v1/campaigns", "{\"name\":\"" + name + "\",\"type\":\"OTHER\"}"), "$.id");
        String space = Json.read(api.as(owner).post("/api/v1/campaign-spaces",
                "{\"campaignId\":\"%s\",\"name\":\"%s\",\"platform\":\"META\"}".formatted(campaign, name)), "$.id");
        for (String ad : List.of("ad-1", "ad-2")) {
            assertThat(api.as(owner).post(BASE, """
                    {"spaceId":"%s","name":"%s","type":"HEADLINE","headline":"%s","externalAssetId":"%s"}"""
                    .formatted(space, ad, ad, ad))).hasStatus(201);
        }
        MvcTestResult started = api.as(owner).upload(BASE + "/campaign-spaces/" + space + "/assets/import", "big.csv",
                file().getBytes(StandardCharsets.UTF_8), "mode", "SKIP_BAD_ROWS");
        assertThat(started).hasStatus(202);
        String id = Json.read(started, "$.id");
        assertThat(status(owner, id)).isEqualTo("SUCCEEDED");
        return new Fixture(owner, space, id);
    }

    private String status(Member owner, String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String status = Json.read(api.as(owner).get(BASE + "/imports/" + id), "$.status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    private String stats(Fixture f) {
        MvcTestResult stats = api.as(f.owner()).get("/api/v1/campaign-spaces/" + f.space() + "/stats");
        return Json.read(stats, "$.impressions") + "/" + Json.read(stats, "$.clicks") + "/" + Json.read(stats, "$.spend");
    }

    /**
     * Puts the import back where a crash after its first batch would have left it: that batch committed with its
     * checkpoint, nothing after it.
     */
    private void crashAfterFirstBatch(Fixture f) {
        UUID id = UUID.fromString(f.importId());
        LocalDate lastCommitted = FIRST_DAY.plusDays((ImportRun.BATCH - 1) / 2);
        jdbc.sql("delete from asset_performance_days where import_id = ? and report_date > ?")
                .params(id, lastCommitted).update();
        jdbc.sql("""
                update asset_imports set status = 'RUNNING', finished_at = null, rows_read = ?, rows_imported = ?,
                    resume_after_row = ?, bytes_done = 0
                where id = ?""").params(ImportRun.BATCH, ImportRun.BATCH, ImportRun.BATCH + 1, id).update();
    }

    @Test
    void aSkipBadRowsImportResumesAfterItsLastCommittedBatchAndCountsNothingTwice() throws Exception {
        Fixture f = imported("Imports resume");
        String before = stats(f);
        long impressions = 0;
        long clicks = 0;
        for (int i = 0; i < ROWS; i++) {
            impressions += 100 + i % 7;
            clicks += i % 5;
        }
        assertThat(before).startsWith(impressions + "/" + clicks + "/");

        crashAfterFirstBatch(f);
        TenantScope.run(f.owner().workspaceId(), () -> run.run(UUID.fromString(f.importId())));

        MvcTestResult after = api.as(f.owner()).get(BASE + "/imports/" + f.importId());
        assertThat((String) Json.read(after, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(((Number) Json.read(after, "$.rowsRead")).longValue()).isEqualTo(ROWS);
        assertThat(((Number) Json.read(after, "$.rowsImported")).longValue()).isEqualTo(ROWS);
        assertThat((Integer) Json.read(after, "$.attempts")).isEqualTo(2);
        assertThat(stats(f)).isEqualTo(before);

        // delivered once more: a finished import is not run again
        TenantScope.run(f.owner().workspaceId(), () -> run.run(UUID.fromString(f.importId())));
        assertThat((Integer) Json.read(api.as(f.owner()).get(BASE + "/imports/" + f.importId()), "$.attempts")).isEqualTo(2);
        assertThat(stats(f)).isEqualTo(before);
    }

    /**
     * What a client polling the import sees: each committed batch moves the counters and the percentage; progress
     * written while the work is in a transaction still open (all-or-nothing's) shows at once; the end is 100 %.
     */
    @Test
    void progressShowsWhileTheRunGoesAndEndsAtAHundredPercent() throws Exception {
        Fixture f = imported("Imports progress");
        String before = stats(f);
        crashAfterFirstBatch(f);
        UUID id = UUID.fromString(f.importId());
        ImportLedger.Started started = TenantScope.call(f.owner().workspaceId(), () -> ledger.begin(id));
        ImportTally tally = started.tally();
        assertThat(tally.read).isEqualTo(ImportRun.BATCH);

        tally.bytesDone = started.fileSize() / 4;
        TenantScope.run(f.owner().workspaceId(),
                () -> transactions.executeWithoutResult(tx -> ledger.checkpoint(started, tally, List.of())));
        MvcTestResult polled = api.as(f.owner()).get(BASE + "/imports/" + f.importId());
        assertThat((String) Json.read(polled, "$.status")).isEqualTo("RUNNING");
        assertThat((Integer) Json.read(polled, "$.progressPercent")).isEqualTo((int) (tally.bytesDone * 100 / started.fileSize()));
        assertThat(((Number) Json.read(polled, "$.rowsRead")).longValue()).isEqualTo(ImportRun.BATCH);

        tally.bytesDone = started.fileSize() / 2;
        TenantScope.run(f.owner().workspaceId(), () -> transactions.executeWithoutResult(tx -> {
            ledger.progress(started, tally);
            tx.setRollbackOnly(); // the work around it is undone; the progress was its own
        }));
        polled = api.as(f.owner()).get(BASE + "/imports/" + f.importId());
        assertThat((Integer) Json.read(polled, "$.progressPercent")).isEqualTo((int) (tally.bytesDone * 100 / started.fileSize()));

        TenantScope.run(f.owner().workspaceId(), () -> run.run(id));
        polled = api.as(f.owner()).get(BASE + "/imports/" + f.importId());
        assertThat((String) Json.read(polled, "$.status")).isEqualTo("SUCCEEDED");
        assertThat((Integer) Json.read(polled, "$.progressPercent")).isEqualTo(100);
        assertThat(((Number) Json.read(polled, "$.rowsRead")).longValue()).isEqualTo(ROWS);
        assertThat(stats(f)).isEqualTo(before);
    }

    @Test
    void aRunOvertakenByALaterRunOfTheSameImportCannotCommit() throws Exception {
        Fixture f = imported("Imports overtaken");
        crashAfterFirstBatch(f);
        UUID id = UUID.fromString(f.importId());

        TenantScope.run(f.owner().workspaceId(), () -> {
            ImportLedger.Started stale = ledger.begin(id);
            ImportLedger.Started current = ledger.begin(id);
            assertThat(current.attempt()).isEqualTo(stale.attempt() + 1);
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> ledger.checkpoint(stale, stale.tally(), List.of())))
                    .isInstanceOf(ImportLedger.Overtaken.class);
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> ledger.finish(stale, stale.tally(), List.of())))
                    .isInstanceOf(ImportLedger.Overtaken.class);
            transactions.executeWithoutResult(tx -> ledger.checkpoint(current, current.tally(), List.of()));
        });
    }
}
