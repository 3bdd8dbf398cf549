package io.flightdeck.email.imports;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.WorkspaceTask;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contact import job: one per import (instance id = import id), queued in the transaction that starts the import,
 * run in its workspace outside any transaction ({@link ContactImportRun} opens its own per batch). A failure (the
 * database away, say) is retried with growing pauses, three times; then the import is marked failed with the reason.
 * A node that dies mid-run leaves a dead execution, which db-scheduler revives on another: the run carries on after
 * its last committed batch. Beside it, an hourly sweep forgets files uploaded and never started.
 */
@Configuration(proxyBeanMethods = false)
class ContactImportJob {

    /** The task data (names stored in scheduled_tasks: never change them). */
    record ContactImportData(UUID workspaceId, UUID importId) implements WorkspaceTask {
    }

    static final JobKind<ContactImportData> KIND = JobKind.of("email-contact-import", ContactImportData.class,
            ContactImportData::new);

    static final int MAX_RETRIES = 3;
    /** How long an uploaded file waits for someone to start its import. */
    static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    @Bean
    OneTimeTask<ContactImportData> emailContactImport(ContactImportRun run, ContactImportLedger ledger) {
        return JobTasks.once(KIND, Failures.giveUpAfter(MAX_RETRIES, Duration.ofSeconds(10),
                (data, cause) -> ledger.fail(data.importId(), "The import failed " + (MAX_RETRIES + 1)
                        + " times and was given up: " + cause, null)), data -> run.run(data.importId()));
    }

    @Bean
    RecurringTask<Void> forgetAbandonedContactImports(ContactImportRepository imports, TransactionTemplate transactions,
            Clock clock) {
        return JobTasks.every("forget-abandoned-contact-imports", Duration.ofHours(1), () -> {
            List<ContactImport> abandoned = TenantScope.system("contact imports uploaded and never started",
                    () -> transactions.execute(tx -> imports.abandoned(clock.instant().minus(ABANDONED_AFTER),
                            PageRequest.of(0, 500))));
            for (ContactImport upload : abandoned) {
                // the file's pieces and any report go with it (on delete cascade)
                TenantScope.run(upload.getTenantId(), () -> transactions.executeWithoutResult(tx ->
                        imports.findById(upload.getId()).filter(i -> i.status() == ContactImportStatus.UPLOADED)
                                .ifPresent(imports::delete)));
            }
        });
    }
}
