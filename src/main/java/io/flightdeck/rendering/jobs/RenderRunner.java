package io.flightdeck.rendering.jobs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.rendering.jobs.RenderProvider.ProviderStatus;
import io.flightdeck.rendering.jobs.RenderProvider.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves a job one step: submits a queued attempt, polls a running one, hands a finished one to
 * {@link RenderCompletion}, retries or fails a failed one. Each step reads the job afresh and writes in short transactions of
 * its own; provider calls happen between them, never inside one. The task that calls it reschedules itself for the
 * instant a step returns.
 * <p>
 * Never twice, never lost: an attempt is recorded (RUNNING, no provider id) before it is sent, and the provider's id
 * right after. A step that finds an attempt without an id was interrupted in between: an in-process provider is asked
 * again (its output is the same bytes, stored once); an external one is asked whether the submission arrived, and a
 * provider that cannot be asked fails the job with that reason rather than sending it a second time.
 */
@Component
class RenderRunner {

    private static final Logger log = LoggerFactory.getLogger(RenderRunner.class);

    private final RenderJobWrites writes;
    private final RenderProviders providers;
    private final RenderMaterials materials;
    private final RenderCompletion completion;
    private final RenderingProperties properties;
    private final Clock clock;

    RenderRunner(RenderJobWrites writes, RenderProviders providers, RenderMaterials materials,
            RenderCompletion completion, RenderingProperties properties, Clock clock) {
        this.writes = writes;
        this.providers = providers;
        this.materials = materials;
        this.completion = completion;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One step of the job, in its workspace's scope.
     *
     * @return when the next step should run; empty when the job has ended (or waits for a person's submit)
     */
    public Optional<Instant> step(UUID jobId) {
        RenderJob job = writes.read(jobId);
        if (job == null) {
            return Optional.empty();
        }
        if (!job.getStatus().isTerminal() && providers.find(job.getProvider()).isEmpty()) {
            // the provider was taken out of this installation's configuration after the job was made
            return writes.failAttempt(jobId, "provider-missing", "This installation has no render provider “"
                    + job.getProvider() + "” any more.", false);
        }
        return switch (job.getStatus()) {
            case PUBLISHED, FAILED, CANCELLED -> Optional.empty();
            case QUEUED -> {
                if (!job.isSubmitRequested()) {
                    yield Optional.empty();
                }
                if (job.getRetries().nextAt() != null && job.getRetries().nextAt().isAfter(clock.instant())) {
                    yield Optional.of(job.getRetries().nextAt());
                }
                yield startAttempt(jobId);
            }
            case RUNNING -> job.submissionInDoubt() ? recover(job) : poll(job);
        };
    }

    /** After db-scheduler gave up on a step that kept throwing: the job fails with the reason. */
    void failStuck(UUID jobId, String cause) {
        writes.update(jobId, job -> {
            if (!job.getStatus().isTerminal()) {
                boolean gaveUp = job.failAttempt("runner-error", "The render could not be processed: " + cause, null,
                        false, properties.retryPause(), clock.instant());
                if (gaveUp) {
                    writes.failed(job);
                }
            }
        });
    }

    private Optional<Instant> startAttempt(UUID jobId) {
        RenderJob job;
        try {
            job = writes.update(jobId, j -> j.startAttempt(clock.instant()));
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
            submission = writes.asRequester(job, () -> provider.submit(request));
        } catch (RenderProviderException e) {
            return writes.failAttempt(job.getId(), e.code(), e.getMessage(), e.retryable());
        } catch (RuntimeException e) {
            log.warn("Render job {}: {} failed to submit", job.getId(), provider.name(), e);
            return writes.failAttempt(job.getId(), "provider-error", provider.displayName() + " failed: " + e, true);
        }
        if (submission.finished() != null) {
            return handle(job.getId(), provider, submission.finished());
        }
        try {
            writes.update(job.getId(), j -> j.submitted(submission.providerJobId(), clock.instant()));
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
            log.info("Render job {}: rendering attempt {} again after an interruption", job.getId(),
                    job.getRetries().attempt());
            return send(job);
        }
        if (!provider.canLookUpSubmissions()) {
            return writes.failAttempt(job.getId(), "submission-unconfirmed", "The application stopped while sending this job to "
                    + provider.displayName() + ", which cannot be asked whether it arrived, so it was not sent again. "
                    + "Check " + provider.displayName() + ", then submit the job again.", false);
        }
        Optional<String> found;
        try {
            found = provider.findSubmission(request(job, provider));
        } catch (RenderProviderException e) {
            return e.retryable() ? Optional.of(clock.instant().plus(later(e, job.getPollCount())))
                    : writes.failAttempt(job.getId(), e.code(), e.getMessage(), false);
        }
        if (found.isPresent()) {
            writes.update(job.getId(), j -> {
                j.log("info", "Found the submission sent before the interruption", clock.instant());
                j.submitted(found.get(), clock.instant());
            });
            return Optional.of(clock.instant());
        }
        log.info("Render job {}: {} never received attempt {}; sending it", job.getId(), provider.name(),
                job.getRetries().attempt());
        return send(job);
    }

    private Optional<Instant> poll(RenderJob job) {
        RenderProvider provider = providers.require(job.getProvider());
        if (job.getPollCount() >= properties.maxPolls()) {
            return writes.failAttempt(job.getId(), "timed-out", provider.displayName() + " did not finish after "
                    + job.getPollCount() + " checks.", true);
        }
        ProviderStatus status;
        try {
            status = provider.poll(job.getProviderJobId());
        } catch (RenderProviderException e) {
            if (!e.retryable()) {
                return writes.failAttempt(job.getId(), e.code(), e.getMessage(), false);
            }
            // an outage or a rate limit is not the job's failure: ask again later
            writes.update(job.getId(), j -> {
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
                RenderJob job = writes.update(jobId, j -> {
                    j.progressed(status.currentStep(), status.totalSteps(), status.etaSeconds(), now);
                    j.providerReport(status, now);
                    j.polled(now);
                });
                return job.getStatus() == RenderStatus.RUNNING
                        ? Optional.of(now.plus(properties.pollDelay(job.getPollCount()))) : Optional.empty();
            }
            case SUCCEEDED -> {
                return completion.finish(jobId, provider, status);
            }
            case CANCELLED -> {
                writes.update(jobId, j -> {
                    if (j.getStatus() == RenderStatus.RUNNING) {
                        j.providerReport(status, now);
                        j.cancelledByProvider(now);
                    }
                });
                return Optional.empty();
            }
            default -> {
                writes.update(jobId, j -> j.providerReport(status, now));
                return writes.failAttempt(jobId, status.errorCode() == null ? "provider-failed" : status.errorCode(),
                        status.errorMessage() == null ? provider.displayName() + " reported a failure" : status.errorMessage(),
                        status.retryable());
            }
        }
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
            RenderJob job = writes.update(jobId, j -> j.progressed(current, total, null, clock.instant()));
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
}
