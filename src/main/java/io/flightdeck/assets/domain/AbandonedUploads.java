package io.flightdeck.assets.domain;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes resumable uploads nobody touched for longer than {@code flightdeck.assets.upload-expiry}, in every workspace:
 * the row and the bytes of an unfinished one, the row of a finished one (its asset stays), and upload files whose row
 * is gone (a crash between the two deletes). Run by the recurring db-scheduler task {@value #TASK}.
 */
@Component
class AbandonedUploads {

    static final String TASK = "expire-resumable-uploads";
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(AbandonedUploads.class);

    private final UploadSessionRepository sessions;
    private final PartialUploadFiles files;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration expiry;

    AbandonedUploads(UploadSessionRepository sessions, PartialUploadFiles files, TransactionTemplate transactions,
            Clock clock, @Value("${flightdeck.assets.upload-expiry:24h}") Duration expiry) {
        this.sessions = sessions;
        this.files = files;
        this.transactions = transactions;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** One sweep; answers how many uploads and stray files it removed. */
    int removeExpired() throws IOException {
        Instant now = clock.instant();
        List<UploadSession> expired = TenantScope.system("expired resumable uploads", () -> transactions.execute(
                status -> sessions.findByExpiresAtLessThanEqualOrderByExpiresAt(now, PageRequest.of(0, BATCH))));
        int removed = 0;
        for (UploadSession session : expired) {
            removed += remove(session) ? 1 : 0;
        }
        removed += removeStrayFiles(now.minus(expiry));
        if (removed > 0) {
            log.info("Removed {} expired resumable uploads and stray upload files", removed);
        }
        return removed;
    }

    /** Skips an upload someone is appending to right now: that append moves its expiry on. */
    private boolean remove(UploadSession session) throws IOException {
        UUID workspaceId = session.getTenantId();
        try (PartialUploadFiles.Writer ignored = files.lock(workspaceId, session.getId())) {
            TenantScope.run(workspaceId, () -> transactions.executeWithoutResult(status -> sessions.delete(session)));
            files.delete(workspaceId, session.getId());
            return true;
        } catch (UploadRefusedException locked) {
            return false;
        } catch (ObjectOptimisticLockingFailureException touched) {
            // an append moved it on between the query and the delete: no longer expired
            return false;
        }
    }

    private int removeStrayFiles(Instant untouchedSince) throws IOException {
        int removed = 0;
        for (PartialUploadFiles.PartialFile file : files.all()) {
            if (file.lastModified().isBefore(untouchedSince) && !TenantScope.system("is an upload file stray",
                    () -> transactions.execute(status -> sessions.existsById(file.uploadId())))) {
                files.delete(file.workspaceId(), file.uploadId());
                removed++;
            }
        }
        return removed;
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        @Bean
        RecurringTask<Void> expireResumableUploads(AbandonedUploads uploads) {
            return Tasks.recurring(TASK, FixedDelay.ofMinutes(15))
                    .execute((instance, context) -> {
                        try {
                            uploads.removeExpired();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException("Could not remove expired upload files", e);
                        }
                    });
        }
    }
}
