package io.flightdeck.ops.bulk;

import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.OrphanSweep;
import io.flightdeck.shared.jobs.WorkspaceTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One execution per bulk operation (instance id = its id) while it applies or undoes its items: each run works through
 * chunks for a few seconds ({@link BulkRunner#step}) and asks to run again at once while items are left. A node that
 * dies mid-chunk leaves the run to another, which carries on from the items' states (an item's change commits with its
 * outcome, so a chunk a dead node did not commit is simply still pending).
 */
@Configuration(proxyBeanMethods = false)
class BulkJobs {

    /** The task data: which operation, in which workspace (stored in scheduled_tasks: never rename). */
    record BulkTaskData(UUID workspaceId, UUID bulkOperationId) implements WorkspaceTask {
    }

    static final JobKind<BulkTaskData> BULK = JobKind.of("bulk-operation", BulkTaskData.class, BulkTaskData::new);

    static final OrphanSweep.Rule<BulkTaskData> ORPHANS = new OrphanSweep.Rule<>(BULK, "bulk_operations",
            "c.status in ('QUEUED', 'RUNNING', 'UNDOING')", null);

    @Bean
    CustomTask<BulkTaskData> bulkOperationTask(BulkRunner runner) {
        return JobTasks.stepped(BULK, Failures.retryForever(Duration.ofSeconds(5)),
                data -> runner.step(data.bulkOperationId()));
    }

    @Bean
    RecurringTask<Void> bulkOperationSweeper(OrphanSweep sweep) {
        return JobTasks.every("bulk-operation-sweeper", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }
}
