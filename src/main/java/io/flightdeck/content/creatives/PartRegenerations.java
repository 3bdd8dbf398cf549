package io.flightdeck.content.creatives;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.content.ComponentKind;
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
 * One part of a creative written again by the generator in a job, after the request that asked for it committed: the
 * way an assistant regenerates (its dry run must not reach the model provider, and a dry run rolls back the request
 * and its job together). The request is checked as {@link CreativeRegeneration#regenerate} checks it before anything
 * is written; the job then runs that same regeneration as the person who asked, and records the version it made in
 * the same transaction, or the failure in words.
 */
@Service
public class PartRegenerations {

    /** The task data: which request, in which workspace (stored in scheduled_tasks: never rename). */
    record RegenerationTaskData(UUID workspaceId, UUID regenerationId) implements WorkspaceTask {
    }

    static final JobKind<RegenerationTaskData> REGENERATE = JobKind.of("creative-part-regeneration",
            RegenerationTaskData.class, RegenerationTaskData::new);

    private static final Logger log = LoggerFactory.getLogger(PartRegenerations.class);

    private final PartRegenerationRepository requests;
    private final Creatives creatives;
    private final CreativeRegeneration regeneration;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    PartRegenerations(PartRegenerationRepository requests, Creatives creatives, CreativeRegeneration regeneration,
            Jobs jobs, TransactionTemplate tx, Clock clock) {
        this.requests = requests;
        this.creatives = creatives;
        this.regeneration = regeneration;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Queues the regeneration of one text part (the caller checks the role): refused at once for a creative in the
     * trash, a part that is not text or is locked, a provider or model name too long.
     */
    public PartRegenerationView queue(UUID creativeId, ComponentKind kind, String provider, String model, Long seed) {
        if (provider != null && provider.length() > 40) {
            throw new InvalidInputException("provider", "A provider's name or id is at most 40 characters");
        }
        if (model != null && model.length() > 120) {
            throw new InvalidInputException("model", "A model's name is at most 120 characters");
        }
        return tx.execute(status -> {
            Creative creative = creatives.find(creativeId);
            creative.requireLive();
            creative.component(kind).requireRegenerable();
            PartRegeneration request = requests.save(new PartRegeneration(creativeId, kind, blankToNull(provider),
                    blankToNull(model), seed, CurrentActor.require().userId(), clock.instant()));
            jobs.schedule(REGENERATE, TenantScope.require(), request.getId(), clock.instant());
            return request.view();
        });
    }

    public PartRegenerationView get(UUID id) {
        return tx.execute(status -> find(id).view());
    }

    /** The job's run: the regeneration as the person who asked, and its outcome, or nothing when it is settled. */
    void run(UUID id) {
        PartRegeneration started = tx.execute(status -> {
            PartRegeneration request = requests.findById(id).orElse(null);
            return request != null && request.open() && request.start(clock.instant()) ? request : null;
        });
        if (started == null) {
            return;
        }
        // the member who asked acts (authorship, audit); their role was checked when the request was accepted
        Actor actor = new Actor(started.requestedBy(), TenantScope.require(), Role.CONTRIBUTOR, null,
                "Creative regeneration", ZoneOffset.UTC, null);
        Optional<String> failure = CurrentActor.runAs(actor, () -> {
            try {
                tx.executeWithoutResult(status -> {
                    CreativeRegeneration.Regenerated made = regeneration.regenerate(started.creativeId(),
                            started.kind(), started.provider(), started.model(), started.seed());
                    find(id).done(made.version().number(), made.replaced(), clock.instant());
                });
                return Optional.<String>empty();
            } catch (RuntimeException e) {
                log.info("Creative part regeneration {} failed: {}", id, e.toString());
                return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        });
        failure.ifPresent(why -> tx.executeWithoutResult(status -> find(id).failed(why, clock.instant())));
    }

    private PartRegeneration find(UUID id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("Regeneration"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
