package io.flightdeck.planning.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadline reminders: every {@code flightdeck.planning.deadline-sweep-every} (15 minutes), each open assigned task
 * due today or tomorrow, or past its due date, raises its {@code TaskDeadline} once for that date (planning's
 * calendar day, as the overdue flags count it). Finds the workspaces in one system-scope query, then works inside
 * each one's scope; one workspace that fails does not hold up the others.
 */
@Component
class TaskDeadlines {

    private static final Logger log = LoggerFactory.getLogger(TaskDeadlines.class);

    private final TaskRepository tasks;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TaskDeadlines(TaskRepository tasks, TransactionTemplate transactions, Clock clock) {
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One sweep over every workspace; answers how many reminders were raised. Tests call it with a moved clock. */
    int remindAll() {
        LocalDate today = LocalDate.now(clock);
        List<UUID> workspaces = TenantScope.system("workspaces with tasks falling due", () -> transactions.execute(
                status -> tasks.workspacesWithTasksDueUntil(today.plusDays(1))));
        int raised = 0;
        for (UUID workspace : workspaces) {
            try {
                raised += TenantScope.call(workspace, () -> transactions.execute(status -> remind(workspace, today)));
            } catch (RuntimeException e) {
                log.warn("Could not send deadline reminders in workspace {}", workspace, e);
            }
        }
        return raised;
    }

    private int remind(UUID workspace, LocalDate today) {
        Instant now = clock.instant();
        int raised = 0;
        for (Task task : tasks.findDueUntilNotYetTold(today.plusDays(1))) {
            if (task.remind(workspace, today, now)) {
                tasks.save(task); // publishes its TaskDeadline
                raised++;
            }
        }
        return raised;
    }

    @Configuration(proxyBeanMethods = false)
    static class TaskDeadlineJobs {

        @Bean
        RecurringTask<Void> taskDeadlineReminders(TaskDeadlines deadlines,
                @Value("${flightdeck.planning.deadline-sweep-every:PT15M}") Duration every) {
            return JobTasks.every("task-deadlines", every, deadlines::remindAll);
        }
    }
}
