package io.flightdeck.shared.jobs;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Since when a stepped job's run has been due, from the execution db-scheduler hands it. */
class JobRunDueTests {

    private static final Instant TIME = Instant.parse("2026-11-23T10:00:00Z");

    private static Execution execution(Instant at, int failures, Instant lastFailure) {
        return new Execution(at, new TaskInstance<>("channel-post", "1"), true, "node", null, lastFailure, failures,
                TIME, 1);
    }

    @Test
    void aFirstRunIsDueSinceItsTime() {
        assertThat(JobTasks.dueSince(execution(TIME, 0, null))).isEqualTo(TIME);
    }

    @Test
    void aRunPutBackAtItsOwnTimeAfterItsNodeDiedIsDueSinceItWasPutBack() {
        Instant revived = TIME.plusSeconds(1_800);
        assertThat(JobTasks.dueSince(execution(TIME, 1, revived))).isEqualTo(revived);
    }

    @Test
    void aRunRetriedAfterAPauseIsDueSinceTheRetry() {
        Instant failed = TIME.plusSeconds(5);
        Instant retry = failed.plusSeconds(10);
        assertThat(JobTasks.dueSince(execution(retry, 1, failed))).isEqualTo(retry);
    }

    @Test
    void anOldFailureThatASuccessClearedCountsForNothing() {
        assertThat(JobTasks.dueSince(execution(TIME, 0, TIME.plusSeconds(60)))).isEqualTo(TIME);
    }
}
