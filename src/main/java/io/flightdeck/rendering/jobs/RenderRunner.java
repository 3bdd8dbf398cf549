package io.flightdeck.rendering.jobs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativeMedia;
import io.flightdeck.content.CreativeMedia.AttachOutcome;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.rendering.RenderCompleted;
import io.flightdeck.rendering.RenderFailed;
import io.flightdeck.rendering.RenderProvider;
import io.flightdeck.rendering.RenderProvider.ProviderStatus;
import io.flightdeck.rendering.RenderProvider.Submission;
import io.flightdeck.rendering.RenderProviderException;
import io.flightdeck.rendering.RenderRequest;
import io.flightdeck.rendering.RenderStatus;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import io.flightdeck.shared.persistence.ConcurrentWrites;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a job one step: submits a queued attempt, polls a running one, stores a finished one's outputs and sets them
 * on the creative, retries or fails a failed one. Each step reads the job afresh and writes in short transactions of
 * its own; provider calls happen between them, never inside one. The task that calls it reschedules itself for the
 * instant a step returns.
 * <p>
 * Never twice, never lost: an attempt is recorded (RUNNING, no provider id) before it is sent, and the provider's id
 * right after. A step that finds an attempt without an id was interrupted in between: an in-process provider is asked
 * again (its output is the same bytes, stored once); an external one is asked whether the submission arrived, and a
 * provider that cannot be asked fails the job with that reason rather than sending it a second time.
 */
@Component
public class RenderRunner {

    private static final Logger log = LoggerFactory.getLogger(RenderRunner.class);

    private final RenderJobRepository jobs;
    private final RenderProviders providers;
    private final RenderMaterials materials;
    private final RenderOutputs outputs;
    private final CreativeMedia creatives;
    private final MemberDirectory members;
    private final RenderingProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final io.flightdeck.campaigns.CampaignJournal journal;
    private final Clock clock;

    RenderRunner(RenderJobRepository jobs, RenderProviders providers, RenderMaterials materials, RenderOutputs outputs,
            CreativeMedia creatives, MemberDirectory members, RenderingProperties properties,
            TransactionTemplate transactions, ApplicationEventPublisher events,
            io.flightdeck.campaigns.CampaignJournal journal, Clock clock) {
        this.journal = journal;
        this.jobs = jobs;
        this.providers = providers;
        this.materials = materials;
        this.outputs = outputs;
        this.creatives = creatives;
        this.members = members;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One step of the job, in its workspace's scope.
     *
     * @return when the next step should run; empty when the job has ended (or waits for a person's submit)
     */
    public Optional<Instant> step(UUID jobId) {
        RenderJob job = read(jobId);
        if (job == null) {
            return Optional.empty();
        }
        if (!job.getStatus().isTerminal() && providers.find(job.getProvider()).isEmpty()) {
            // the provider was taken out of this installation's configuration after the job was made
            return failAttempt(jobId, "provider-missing", "This installation has no render provider “"
                    + job.getProvider() + "” any more.", false);
        }
        return switch (job.getStatus()) {
            case PUBLISHED, FAILED, CANCELLED -> Optional.empty();
            case QUEUED -> {
                if (!job.isSubmitRequested()) {
                    yield Optional.empty();
                }
                if (job.getNextAttemptAt() != null && job.getNextAttemptAt().isAfter(clock.instant())) {
                    yield Optional.of(job.getNextAttemptAt());
                }
                yield startAttempt(jobId);
            }
            case RUNNING -> job.submissionInDoubt() ? recover(job) : poll(job);
        };
    }

    /** After db-scheduler gave up on a step that kept throwing: the job fails with the reason. */
    void failStuck(UUID jobId, String cause) {
        update(jobId, job -> {
            if (!job.getStatus().isTerminal()) {
                boolean gaveUp = job.failAttempt("runner-error", "The render could not be processed: " + cause, null,
                        false, properties.retryPause(), clock.instant());
                if (gaveUp) {
                    failed(job);
                }
            }
        });
    }

    private Optional<Instant> startAttempt(UUID jobId) {
        RenderJob job;
        try {
            job = update(jobId, j -> j.startAttempt(clock.instant()));
        } catch (io.flightdeck.shared.ConflictException e) {
            // a person cancelled it meanwhile
            return Optional.empty();
        }
        return send(job);
    }

    /** Sends the job's current attempt (again, for an in-process provider after a crash). */
    private Optional<Instant> send(RenderJob job) {
        RenderProvider provider = providers.require(job.getProvider());
        Submission submission;
        try {
            RenderRequest request = request(job, provider);
            submission = asRequester(job, () -> provider.submit(request));
        } catch (RenderProviderException e) {
            return failAttempt(job.getId(), e.code(), e.getMessage(), e.retryable());
        } catch (RuntimeException e) {
            log.warn("Render job {}: {} failed to submit", job.getId(), provider.name(), e);
            return failAttempt(job.getId(), "provider-error", provider.displayName() + " failed: " + e, true);
        }
        if (submission.finished() != null) {
            return handle(job.getId(), provider, submission.finished());
        }
        try {
            update(job.getId(), j -> j.submitted(submission.providerJobId(), clock.instant()));
        } catch (io.flightdeck.shared.ConflictException cancelled) {
            // cancelled while it was being sent: stop the work the provider just started
            cancelQuietly(provider, submission.providerJobId());
            return Optional.empty();
        }
        return Optional.of(clock.instant().plus(properties.pollDelay(0)));
    }

    private Optional<Instant> recover(RenderJob job) {
        RenderProvider provider = providers.require(job.getProvider());
        if (provider.inProcess()) {
            log.info("Render job {}: rendering attempt {} again after an interruption", job.getId(), job.getAttempt());
            return send(job);
        }
        if (!provider.canLookUpSubmissions()) {
            return failAttempt(job.getId(), "submission-unconfirmed", "The application stopped while sending this job to "
                    + provider.displayName() + ", which cannot be asked whether it arrived, so it was not sent again. "
                    + "Check " + provider.displayName() + ", then submit the job again.", false);
        }
        Optional<String> found;
        try {
            found = provider.findSubmission(request(job, provider));
        } catch (RenderProviderException e) {
            return e.retryable() ? Optional.of(clock.instant().plus(later(e, job.getPollCount())))
                    : failAttempt(job.getId(), e.code(), e.getMessage(), false);
        }
        if (found.isPresent()) {
            update(job.getId(), j -> {
                j.log("info", "Found the submission sent before the interruption", clock.instant());
                j.submitted(found.get(), clock.instant());
            });
            return Optional.of(clock.instant());
        }
        log.info("Render job {}: {} never received attempt {}; sending it", job.getId(), provider.name(), job.getAttempt());
        return send(job);
    }

    private Optional<Instant> poll(RenderJob job) {
        RenderProvider provider = providers.require(job.getProvider());
        if (job.getPollCount() >= properties.maxPolls()) {
            return failAttempt(job.getId(), "timed-out", provider.displayName() + " did not finish after "
                    + job.getPollCount() + " checks.", true);
        }
        ProviderStatus status;
        try {
            status = provider.poll(job.getProviderJobId());
        } catch (RenderProviderException e) {
            if (!e.retryable()) {
                return failAttempt(job.getId(), e.code(), e.getMessage(), false);
            }
            // an outage or a rate limit is not the job's failure: ask again later
            update(job.getId(), j -> {
                j.polled(clock.instant());
                j.log("warn", "Could not check on the job: " + e.getMessage(), clock.instant());
            });
            return Optional.of(clock.instant().plus(later(e, job.getPollCount())));
        }
        return handle(job.getId(), provider, status);
    }

    /** Records what the provider says, and acts on it: poll later, finish, retry or fail. */
    Optional<Instant> handle(UUID jobId, RenderProvider provider, ProviderStatus status) {
        Instant now = clock.instant();
        switch (status.state()) {
            case RUNNING -> {
                RenderJob job = update(jobId, j -> {
                    j.progressed(status.currentStep(), status.totalSteps(), status.etaSeconds(), now);
                    j.providerReport(status, now);
                    j.polled(now);
                });
                return job.getStatus() == RenderStatus.RUNNING
                        ? Optional.of(now.plus(properties.pollDelay(job.getPollCount()))) : Optional.empty();
            }
            case SUCCEEDED -> {
                return finish(jobId, provider, status);
            }
            case CANCELLED -> {
                update(jobId, j -> {
                    if (j.getStatus() == RenderStatus.RUNNING) {
                        j.providerReport(status, now);
                        j.cancelledByProvider(now);
                    }
                });
                return Optional.empty();
            }
            default -> {
                update(jobId, j -> j.providerReport(status, now));
                return failAttempt(jobId, status.errorCode() == null ? "provider-failed" : status.errorCode(),
                        status.errorMessage() == null ? provider.displayName() + " reported a failure" : status.errorMessage(),
                        status.retryable());
            }
        }
    }

    private Optional<Instant> finish(UUID jobId, RenderProvider provider, ProviderStatus status) {
        RenderJob job = read(jobId);
        if (job == null || job.getStatus() != RenderStatus.RUNNING) {
            return Optional.empty();
        }
        RenderOutputs.Stored stored;
        try {
            stored = asRequester(job, () -> outputs.store(job, status.outputs()));
        } catch (RenderProviderException e) {
            return failAttempt(jobId, e.code(), e.getMessage(), e.retryable());
        }
        Instant now = clock.instant();
        asRequester(job, () -> update(jobId, j -> {
            if (j.getStatus() != RenderStatus.RUNNING) {
                return;
            }
            j.providerReport(status, now);
            if (j.getCreativeId() != null) {
                ComponentKind kind = j.getType() == RenderType.IMAGE ? ComponentKind.IMAGE : ComponentKind.VIDEO;
                AttachOutcome outcome = creatives.attachRendered(j.getCreativeId(), kind, stored.primary(),
                        stored.variants().stream().map(RenderJobVariant::assetId).toList(), provider.name(), j.getModel());
                j.log(outcome == AttachOutcome.ATTACHED || outcome == AttachOutcome.ALREADY_CURRENT ? "info" : "warn",
                        switch (outcome) {
                            case ATTACHED, ALREADY_CURRENT -> "Set as the creative's " + kind.label().toLowerCase();
                            case LOCKED -> "The creative's " + kind.label().toLowerCase()
                                    + " is locked, so it was left as it is; the render is in the library";
                            case CREATIVE_GONE -> "The creative is gone; the render is in the library";
                        }, now);
            }
            j.publish(stored.primary(), stored.poster(), stored.variants(), stored.primaryHash(), now);
            if (j.getCampaignId() != null) {
                int sizes = stored.variants().size();
                journal.record(j.getCampaignId(), "render-done:" + j.getId(), null, "Flightdeck", "render.done",
                        "rendered " + (j.getType() == RenderType.IMAGE ? "an image" + (sizes > 1 ? " in " + sizes
                                + " sizes" : "") : "a video") + " with " + provider.name(), now);
            }
            events.publishEvent(new RenderCompleted(j.getTenantId(), j.getId(), j.getCreativeId(), j.getCampaignId(),
                    j.getType(), stored.primary(), stored.variants().stream().map(RenderJobVariant::assetId).toList(),
                    stored.poster()));
        }));
        return Optional.empty();
    }

    private Optional<Instant> failAttempt(UUID jobId, String code, String message, boolean retryable) {
        RenderJob job = update(jobId, j -> {
            if (j.getStatus().isTerminal()) {
                return;
            }
            if (j.failAttempt(code, message, null, retryable, properties.retryPause(), clock.instant())) {
                failed(j);
            }
        });
        return job.getStatus() == RenderStatus.QUEUED ? Optional.of(job.getNextAttemptAt()) : Optional.empty();
    }

    private void failed(RenderJob j) {
        events.publishEvent(new RenderFailed(j.getTenantId(), j.getId(), j.getCreativeId(), j.getCampaignId(), j.getType(),
                j.getErrorCode(), j.getErrorMessage(), j.getAttempt()));
    }

    private Duration later(RenderProviderException e, int pollCount) {
        Duration backOff = properties.pollDelay(pollCount);
        return e.retryAfter() != null && e.retryAfter().compareTo(backOff) > 0 ? e.retryAfter() : backOff;
    }

    private RenderRequest request(RenderJob job, RenderProvider provider) {
        URI webhook = properties.webhookBaseUrl().isBlank() ? null
                : URI.create(properties.webhookBaseUrl().replaceAll("/+$", "") + "/api/v1/render-jobs/webhook/"
                        + provider.name());
        UUID jobId = job.getId();
        return new RenderRequest(jobId, job.idempotencyKey(), job.getType(), job.getModel(), job.getParams(),
                materials.forJob(job), webhook, new ProgressRecorder(jobId));
    }

    /**
     * In-process renderers report progress here; it is written at most twice a second, and tells them of a cancel. A
     * render done within half a second writes none (the finished job says it all), so quick renders cost no extra
     * transaction.
     */
    private final class ProgressRecorder implements RenderRequest.ProgressListener {
        private final UUID jobId;
        private long lastWrite = System.nanoTime() / 1_000_000;

        ProgressRecorder(UUID jobId) {
            this.jobId = jobId;
        }

        @Override
        public boolean progress(int current, int total) {
            long nowMs = System.nanoTime() / 1_000_000;
            if (current >= total || nowMs - lastWrite < 500) {
                return true;
            }
            lastWrite = nowMs;
            RenderJob job = update(jobId, j -> j.progressed(current, total, null, clock.instant()));
            return job.getStatus() == RenderStatus.RUNNING;
        }
    }

    private void cancelQuietly(RenderProvider provider, String providerJobId) {
        try {
            provider.cancel(providerJobId);
        } catch (RuntimeException e) {
            log.warn("Could not cancel {} job {} at the provider", provider.name(), providerJobId, e);
        }
    }

    private RenderJob read(UUID jobId) {
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

    /** Work done for the member who asked for the render (assets record who added them; creatives who changed them). */
    private <T> T asRequester(RenderJob job, Supplier<T> work) {
        Actor actor = members.find(job.getRequestedBy())
                .map(m -> new Actor(m.userId(), job.getTenantId(), m.role(), m.email(), m.displayName(), ZoneOffset.UTC, null))
                .orElseGet(() -> new Actor(job.getRequestedBy(), job.getTenantId(), Role.VIEWER, null, "A former member",
                        ZoneOffset.UTC, null));
        return CurrentActor.runAs(actor, work);
    }
}
