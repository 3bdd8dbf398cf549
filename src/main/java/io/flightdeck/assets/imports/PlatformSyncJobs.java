package io.flightdeck.assets.imports;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.OrphanSweep;
import io.flightdeck.shared.jobs.WorkspaceTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform sync's jobs: one per import (instance id = import id), scheduled in the transaction that records the
 * import; a sweeper that puts back a running platform import without a job (so none stays running for ever); and the
 * recurring sync of every space that has what a sync needs ({@link DueSyncs}).
 * <p>
 * A run that throws (the database away while writing) is tried again twice with growing pauses, then the import is
 * failed with the reason. A node that dies mid-run leaves its execution, which another node revives: the run starts
 * over, because nothing of it was committed before its end.
 */
@Configuration(proxyBeanMethods = false)
class PlatformSyncJobs {

    /** The task data: which import, in which workspace. Stored in scheduled_tasks: never rename. */
    record PlatformSyncData(UUID workspaceId, UUID importId) implements WorkspaceTask {
    }

    static final JobKind<PlatformSyncData> PLATFORM_SYNC = JobKind.of("ad-platform-sync", PlatformSyncData.class,
            PlatformSyncData::new);

    static final int MAX_RETRIES = 2;

    static final OrphanSweep.Rule<PlatformSyncData> ORPHANS = new OrphanSweep.Rule<>(PLATFORM_SYNC, "asset_imports",
            "c.source = 'PLATFORM_API' and c.status in ('QUEUED', 'RUNNING')", null);

    @Bean
    OneTimeTask<PlatformSyncData> adPlatformSync(PlatformSync sync) {
        return JobTasks.once(PLATFORM_SYNC, Failures.giveUpAfter(MAX_RETRIES, Duration.ofSeconds(30),
                (data, cause) -> sync.fail(data.importId(), "The sync failed " + (MAX_RETRIES + 1)
                        + " times and was given up: " + cause)), data -> sync.run(data.importId()));
    }

    @Bean
    RecurringTask<Void> adPlatformSyncSweep(OrphanSweep sweep) {
        return JobTasks.every("ad-platform-sync-sweep", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }

    /** Daily at {@code at} (UTC), or every {@code every} when set; it does nothing while disabled. */
    @Bean
    RecurringTask<Void> adPlatformDailySync(DueSyncs due, PlatformSyncProperties properties) {
        Schedule schedule = properties.every() != null ? FixedDelay.of(properties.every())
                : Schedules.daily(ZoneOffset.UTC, properties.at());
        return Tasks.recurring("ad-platform-daily-sync", schedule).execute((instance, context) -> {
            if (properties.enabled()) {
                due.startAll(null);
            }
        });
    }
}
