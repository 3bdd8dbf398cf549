package io.flightdeck.guidance.strategy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.jobs.WorkspaceTask;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A strategy generated in a job, after the request that asked for it committed: the way an assistant generates one
 * (its dry run must not reach the content generator, and a dry run rolls back the request and its job together). The
 * request is checked as {@link StrategyGeneration#generate} checks it before anything is written; the job then drafts
 * as the person who asked, outside any transaction, and saves the version, its evidence and DONE in one transaction,
 * or records the failure in words.
 */
@Service
public class StrategyGenerationQueue {

    /** The task data: which request, in which workspace (stored in scheduled_tasks: never rename). */
    record GenerationTaskData(UUID workspaceId, UUID requestId) implements WorkspaceTask {
    }

    static final JobKind<GenerationTaskData> GENERATE = JobKind.of("strategy-generation", GenerationTaskData.class,
            GenerationTaskData::new);

    private static final Logger log = LoggerFactory.getLogger(StrategyGenerationQueue.class);

    private final StrategyGenerationRequestRepository requests;
    private final StrategyGeneration generation;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    StrategyGenerationQueue(StrategyGenerationRequestRepository requests, StrategyGeneration generation, Jobs jobs,
            TransactionTemplate tx, Clock clock) {
        this.requests = requests;
        this.generation = generation;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Queues a strategy generation for a campaign of the current workspace (the caller checks the role: contributors
     * and up, as the API); refused at once for another workspace's campaign or a provider name too long.
     *
     * @param provider the provider's name, {@code built-in}, or null for the workspace's default
     */
    public StrategyGenerationRequestView queue(UUID campaignId, String provider) {
        if (provider != null && provider.length() > 40) {
            throw new InvalidInputException("provider", "A provider's name is at most 40 characters");
        }
        return tx.execute(status -> {
            generation.campaign(campaignId);
            StrategyGenerationRequest request = requests.save(new StrategyGenerationRequest(campaignId,
                    provider == null || provider.isBlank() ? null : provider.strip(), CurrentActor.require().userId(),
                    clock.instant()));
            jobs.schedule(GENERATE, TenantScope.require(), request.getId(), clock.instant());
            return request.view();
        });
    }

    public StrategyGenerationRequestView get(UUID id) {
        return tx.execute(status -> find(id).view());
    }

    /** The job's run: the generation as the person who asked, and its outcome, or nothing when it is settled. */
    void run(UUID id) {
        StrategyGenerationRequest started = tx.execute(status -> {
            StrategyGenerationRequest request = requests.findById(id).orElse(null);
            return request != null && request.open() && request.start(clock.instant()) ? request : null;
        });
        if (started == null) {
            return;
        }
        // the member who asked acts (authorship, audit); their role was checked when the request was accepted
        Actor actor = new Actor(started.requestedBy(), TenantScope.require(), Role.CONTRIBUTOR, null,
                "Strategy generation", ZoneOffset.UTC, null);
        Optional<String> failure = CurrentActor.runAs(actor, () -> {
            try {
                // the generator is asked outside any transaction; the version, its entry and DONE commit together
                StrategyGeneration.Drafted drafted = generation.draft(started.campaignId(), started.provider());
                tx.executeWithoutResult(status -> find(id).done(generation.save(started.campaignId(), drafted),
                        clock.instant()));
                return Optional.<String>empty();
            } catch (RuntimeException e) {
                log.info("Strategy generation {} failed: {}", id, e.toString());
                return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        });
        failure.ifPresent(why -> tx.executeWithoutResult(status -> find(id).failed(why, clock.instant())));
    }

    private StrategyGenerationRequest find(UUID id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("The strategy generation"));
    }
}
