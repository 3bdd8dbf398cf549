package io.flightdeck.rendering.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.rendering.RenderFailed;
import io.flightdeck.shared.persistence.ConcurrentWrites;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the runner and the service write a job: each change in a short transaction of its own, read afresh and retried
 * when someone else wrote the job meanwhile, so that no provider call ever happens inside one; a failed attempt
 * recorded (and, when it was the last, announced); work done as the member who asked for the render.
 */
@Component
class RenderJobWrites {

    private final RenderJobRepository jobs;
    private final MemberDirectory members;
    private final RenderingProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RenderJobWrites(RenderJobRepository jobs, MemberDirectory members, RenderingProperties properties,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.members = members;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    RenderJob read(UUID jobId) {
        return transactions.execute(status -> jobs.findById(jobId).orElse(null));
    }

    /** Applies a change in its own transaction, reading the job afresh if someone else wrote it meanwhile. */
    RenderJob update(UUID jobId, Consumer<RenderJob> change) {
        return ConcurrentWrites.retryingOnClash(() -> transactions.execute(status -> {
            RenderJob job = jobs.findById(jobId).orElseThrow(() -> new IllegalStateException("Render job " + jobId + " is gone"));
            change.accept(job);
            return jobs.saveAndFlush(job);
        }));
    }

    /**
     * Records a failed attempt of a job still under way: back to the queue while retries remain, failed (and
     * announced) otherwise.
     *
     * @return when the retry is due; empty when the job has ended
     */
    Optional<Instant> failAttempt(UUID jobId, String code, String message, boolean retryable) {
        RenderJob job = update(jobId, j -> {
            if (j.getStatus().isTerminal()) {
                return;
            }
            if (j.failAttempt(code, message, null, retryable, properties.retryPause(), clock.instant())) {
                failed(j);
            }
        });
        return job.getStatus() == RenderStatus.QUEUED ? Optional.of(job.getRetries().nextAt()) : Optional.empty();
    }

    /** Announces a job that failed for good. */
    void failed(RenderJob j) {
        events.publishEvent(new RenderFailed(j.getTenantId(), j.getId(), j.getCreativeId(), j.getCampaignId(), j.getType(),
                j.getErrorCode(), j.getErrorMessage(), j.getRetries().attempt()));
    }

    /** Work done for the member who asked for the render (assets record who added them; creatives who changed them). */
    <T> T asRequester(RenderJob job, Supplier<T> work) {
        Actor actor = members.find(job.getRequestedBy())
                .map(m -> new Actor(m.userId(), job.getTenantId(), m.role(), m.email(), m.displayName(), ZoneOffset.UTC, null))
                .orElseGet(() -> new Actor(job.getRequestedBy(), job.getTenantId(), Role.VIEWER, null, "A former member",
                        ZoneOffset.UTC, null));
        return CurrentActor.runAs(actor, work);
    }
}
