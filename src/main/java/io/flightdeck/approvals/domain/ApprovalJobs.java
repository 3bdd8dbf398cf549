package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * db-scheduler runs deadlines and auto-approval rules on whichever node picks the task up. Each run finds the
 * workspaces with work in one system-scope query, then works inside each workspace's own scope.
 */
@Configuration(proxyBeanMethods = false)
class ApprovalJobs {

    @Bean
    RecurringTask<Void> approvalDeadlines(ApprovalSweep sweep,
            @Value("${flightdeck.approvals.sweep-every:PT30S}") Duration every) {
        return Tasks.recurring("approval-deadlines", FixedDelay.of(every))
                .execute((instance, context) -> {
                    sweep.remindDueSoon();
                    sweep.escalateOverdue();
                });
    }

    @Bean
    RecurringTask<Void> approvalAutoRules(ApprovalSweep sweep,
            @Value("${flightdeck.approvals.sweep-every:PT30S}") Duration every) {
        return Tasks.recurring("approval-auto-rules", FixedDelay.of(every))
                .execute((instance, context) -> sweep.applyAutoRules());
    }

    /** What the two tasks run; tests call it directly with a controlled clock. */
    @Component
    static class ApprovalSweep {

        private static final Logger log = LoggerFactory.getLogger(ApprovalSweep.class);

        private final ApprovalRepository approvals;
        private final AutoApprovalRuleRepository rules;
        private final ApprovalEscalation escalation;
        private final ApprovalReminders reminders;
        private final AutoApproval autoApproval;
        private final TransactionTemplate transactions;
        private final Clock clock;

        ApprovalSweep(ApprovalRepository approvals, AutoApprovalRuleRepository rules, ApprovalEscalation escalation,
                ApprovalReminders reminders, AutoApproval autoApproval, TransactionTemplate transactions, Clock clock) {
            this.approvals = approvals;
            this.rules = rules;
            this.escalation = escalation;
            this.reminders = reminders;
            this.autoApproval = autoApproval;
            this.transactions = transactions;
            this.clock = clock;
        }

        int escalateOverdue() {
            List<UUID> workspaces = TenantScope.system("workspaces with overdue approvals", () -> transactions.execute(
                    status -> approvals.workspacesWithOverdue(Approval.OPEN, clock.instant())));
            int escalated = eachWorkspace(workspaces, "escalate overdue approvals", escalation::escalateOverdue);
            if (escalated > 0) {
                log.info("Escalated {} overdue approvals in {} workspaces", escalated, workspaces.size());
            }
            return escalated;
        }

        int remindDueSoon() {
            Instant now = clock.instant();
            List<UUID> workspaces = TenantScope.system("workspaces with approvals due soon", () -> transactions.execute(
                    status -> approvals.workspacesDueWithin(Approval.OPEN, now, now.plus(ApprovalReminders.AT_MOST_BEFORE))));
            return eachWorkspace(workspaces, "remind approvals due soon", reminders::remindDueSoon);
        }

        int applyAutoRules() {
            List<UUID> workspaces = TenantScope.system("workspaces with auto-approval rules", () -> transactions.execute(
                    status -> rules.workspacesWithEnabledRules()));
            int approved = eachWorkspace(workspaces, "apply auto-approval rules", autoApproval::applyRules);
            if (approved > 0) {
                log.info("Auto-approved {} approvals in {} workspaces", approved, workspaces.size());
            }
            return approved;
        }

        /**
         * Runs the work in each workspace's scope. One workspace that fails (a concurrent update, bad data) must not
         * hold up the others, so the rest still run; the failure is then rethrown, so that db-scheduler records
         * the run as failed and the next run tries that workspace again.
         */
        private int eachWorkspace(List<UUID> workspaces, String what, Supplier<Integer> work) {
            int done = 0;
            RuntimeException failure = null;
            for (UUID workspace : workspaces) {
                try {
                    done += TenantScope.call(workspace, work);
                } catch (RuntimeException e) {
                    log.warn("Could not {} in workspace {}", what, workspace, e);
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return done;
        }
    }
}
