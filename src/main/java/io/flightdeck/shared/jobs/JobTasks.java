package io.flightdeck.shared.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.MaxRetriesFailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task beans of the jobs kit. Each runs its work in the workspace its data names, outside any transaction (the
 * work opens its own), and answers a failure the same way: retried with growing pauses, and past its budget handed
 * to the module to settle its object (a post in doubt, a render failed), so nothing stays "running" for ever.
 */
public final class JobTasks {

    private static final Logger log = LoggerFactory.getLogger(JobTasks.class);

    private JobTasks() {
    }

    /**
     * A stepped job: each run does one step of one object and says when the next is due, or nothing when the object
     * is done. Examples: a channel post (wait, publish, look up), a render job (submit, poll), a campaign workflow.
     */
    public static <D extends WorkspaceTask> CustomTask<D> stepped(JobKind<D> kind, Failures<D> failures,
            Function<D, Optional<Instant>> step) {
        return stepped(kind, failures, (data, dueSince) -> step.apply(data));
    }

    /**
     * A stepped job whose step also learns since when its run has been due: the time the run was scheduled for, or
     * when it was put back after a failure or after its node died. So a step can tell a run the scheduler reached
     * late from one a node took on time and then lost. A dead node's run is put back at its original time, ahead of
     * everything that fell due after it (db-scheduler's own revival would queue it behind them), and counted as a
     * failure, which is how the step learns it was put back.
     */
    public static <D extends WorkspaceTask> CustomTask<D> stepped(JobKind<D> kind, Failures<D> failures,
            BiFunction<D, Instant, Optional<Instant>> step) {
        return Tasks.custom(kind.descriptor()).onFailure(failures.handler(kind))
                .onDeadExecution((dead, operations) -> {
                    Execution execution = dead.getExecution();
                    Instant now = Instant.now();
                    log.info("{} {}: its node died mid-run; put back at its own time, {}", kind.name(),
                            execution.taskInstance.getId(), execution.executionTime);
                    operations.reschedule(ExecutionComplete.failure(execution, now, now, null), execution.executionTime);
                })
                .execute((instance, context) -> {
                    D data = instance.getData();
                    Instant dueSince = dueSince(context.getExecution());
                    Optional<Instant> next = TenantScope.call(data.workspaceId(), () -> step.apply(data, dueSince));
                    if (next.isPresent()) {
                        Instant at = next.get();
                        return (complete, operations) -> operations.reschedule(complete, at);
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    /** When the run fell due: its time, or later when it was put back (its last failure, a dead node's included). */
    static Instant dueSince(Execution execution) {
        Instant putBack = execution.consecutiveFailures > 0 ? execution.lastFailure : null;
        return putBack != null && putBack.isAfter(execution.executionTime) ? putBack : execution.executionTime;
    }

    /** A job that runs once (an import, a measurement of a new file, a scheduled launch). */
    public static <D extends WorkspaceTask> OneTimeTask<D> once(JobKind<D> kind, Failures<D> failures, Consumer<D> work) {
        return Tasks.oneTime(kind.descriptor()).onFailure(failures.handler(kind))
                .execute((instance, context) -> {
                    D data = instance.getData();
                    TenantScope.run(data.workspaceId(), () -> work.accept(data));
                });
    }

    /**
     * A task that runs every {@code every} on one node at a time, across workspaces (a sweeper, a fetch of numbers):
     * it opens workspace scopes itself, for each object it handles.
     */
    public static RecurringTask<Void> every(String name, Duration every, Runnable work) {
        return Tasks.recurring(name, FixedDelay.of(every)).execute((instance, context) -> work.run());
    }

    /** How a kind of job answers a run that throws. */
    public static final class Failures<D extends WorkspaceTask> {

        private final int budget;
        private final Duration firstPause;
        private final BiConsumer<D, String> giveUp;

        private Failures(int budget, Duration firstPause, BiConsumer<D, String> giveUp) {
            this.budget = budget;
            this.firstPause = firstPause;
            this.giveUp = giveUp;
        }

        /** Retried with pauses doubling from {@code firstPause}, for as long as it takes (a workflow is never dropped). */
        public static <D extends WorkspaceTask> Failures<D> retryForever(Duration firstPause) {
            return new Failures<>(-1, firstPause, null);
        }

        /** Retried {@code budget} times, after which the job is dropped (its object may be retried by a person). */
        public static <D extends WorkspaceTask> Failures<D> retry(int budget, Duration firstPause) {
            return new Failures<>(budget, firstPause, null);
        }

        /**
         * Retried {@code budget} times; then {@code giveUp} settles the object in its workspace with the last cause,
         * and the execution is removed.
         */
        public static <D extends WorkspaceTask> Failures<D> giveUpAfter(int budget, Duration firstPause,
                BiConsumer<D, String> giveUp) {
            return new Failures<>(budget, firstPause, giveUp);
        }

        FailureHandler<D> handler(JobKind<D> kind) {
            ExponentialBackoffFailureHandler<D> backOff = new ExponentialBackoffFailureHandler<>(firstPause);
            if (budget < 0) {
                return backOff;
            }
            if (giveUp == null) {
                return new MaxRetriesFailureHandler<>(budget, backOff);
            }
            return new MaxRetriesFailureHandler<>(budget, backOff, (complete, operations) -> {
                @SuppressWarnings("unchecked")
                D data = (D) complete.getExecution().taskInstance.getData();
                String cause = complete.getCause().map(Throwable::toString).orElse("unknown");
                log.warn("{} {} in workspace {}: a run failed {} times; giving up: {}", kind.name(),
                        complete.getExecution().taskInstance.getId(), data.workspaceId(), budget + 1, cause);
                TenantScope.run(data.workspaceId(), () -> giveUp.accept(data, cause));
                operations.remove();
            });
        }
    }
}
