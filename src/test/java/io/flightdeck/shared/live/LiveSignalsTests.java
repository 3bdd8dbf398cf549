package io.flightdeck.shared.live;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live signal kit on the test database: through LISTEN/NOTIFY on PostgreSQL, within the process on H2. A signal
 * leaves with its transaction's commit and never after a rollback; on PostgreSQL a dropped listening connection comes
 * back by itself and tells its listeners to resync.
 */
@FlightdeckTest
class LiveSignalsTests {

    private static final String CHANNEL = "live_signals_test";
    private static final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private static final AtomicInteger resyncs = new AtomicInteger();
    private static boolean subscribed;

    @Autowired
    LiveSignals live;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient db;

    @BeforeEach
    void subscribeOnce() {
        if (!subscribed) {
            live.subscribe(CHANNEL, new LiveListener() {
                @Override
                public void signalled(String payload) {
                    heard.add(payload);
                }

                @Override
                public void resync() {
                    resyncs.incrementAndGet();
                }
            });
            subscribed = true;
        }
        heard.clear();
    }

    private boolean onPostgres() {
        return live instanceof PostgresLiveSignals;
    }

    private String next() throws InterruptedException {
        return heard.poll(5, TimeUnit.SECONDS);
    }

    @Test
    void theDatabaseChoosesHowSignalsTravel() {
        boolean postgres = TestDatabase.postgresUrl() != null;
        assertThat(live).isInstanceOf(postgres ? PostgresLiveSignals.class : InProcessLiveSignals.class);
    }

    @Test
    void aSignalLeavesWithTheCommitAndNeverAfterARollback() throws Exception {
        String committed = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();
        String afterwards = UUID.randomUUID().toString();

        transactions.executeWithoutResult(tx -> {
            live.publish(CHANNEL, committed);
            assertThat(heard).as("nothing before the commit").isEmpty();
        });
        assertThat(next()).isEqualTo(committed);

        transactions.executeWithoutResult(tx -> {
            live.publish(CHANNEL, rolledBack);
            tx.setRollbackOnly();
        });
        live.publish(CHANNEL, afterwards);
        // signals of one node arrive in the order they left, so the rolled-back one would have come first
        assertThat(next()).isEqualTo(afterwards);
    }

    @Test
    void channelsAreNamesAndPayloadsAreIds() {
        assertThatThrownBy(() -> live.publish("Render-Jobs", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> live.publish(CHANNEL, "x".repeat(LiveSignals.MAX_PAYLOAD + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> live.subscribe("drop table", payload -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDroppedListeningConnectionComesBackAndItsListenersResync() throws Exception {
        assumeTrue(onPostgres(), "Only PostgreSQL has a listening connection to drop (on H2 signals stay in the process). "
                + "Set FLIGHTDECK_TEST_POSTGRES_URL to run this test.");
        int before = resyncs.get();

        // every node's listening connection on the test database is cut; each comes back on its own
        long cut = db.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?"
                + " and datname = current_database()")
                .param(PostgresLiveSignals.APPLICATION_NAME).query(Long.class).single();
        assertThat(cut).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> resyncs.get() > before);

        String payload = UUID.randomUUID().toString();
        live.publish(CHANNEL, payload);
        assertThat(next()).isEqualTo(payload);
    }
}
