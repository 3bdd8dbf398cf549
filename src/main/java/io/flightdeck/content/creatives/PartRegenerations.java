package io.flightdeck.content.creatives;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.creatives.PartRegenerationView.Scope;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.jobs.WorkspaceTask;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parts of a creative written by the generator in a job, after the request that asked for it committed: the way an
 * assistant regenerates a part, refreshes a stale creative or creates one to be generated (its dry run must not reach
 * the model provider, and a dry run rolls back the request and its job together). The request is checked as
 * {@link CreativeRegeneration} checks it before anything is written; the job then runs that same generation as the
 * person who asked, and records it in the same transaction, or the failure in words.
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

    /** A creative made to be generated, and the generation of its empty parts (null when the draft wrote them all). */
    public record QueuedCreative(CreativeView creative, @Nullable PartRegenerationView generation) {
    }

    /**
     * Queues the regeneration of one text part (the caller checks the role): refused at once for a creative in the
     * trash, a part that is not text or is locked, a provider or model name too long.
     */
    public PartRegenerationView queue(UUID creativeId, ComponentKind kind, String provider, String model, Long seed) {
        checkGenerator(provider, model);
        return tx.execute(status -> {
            Creative creative = creatives.find(creativeId);
            creative.requireLive();
            creative.component(kind).requireRegenerable();
            return queued(creativeId, Scope.PART, kind, provider, model, seed);
        });
    }

    /**
     * Queues the refresh of a stale creative, as {@link CreativeRegeneration#refresh} makes it: refused at once (409)
     * for a creative that already follows the current strategy or is in the trash.
     */
    public PartRegenerationView queueRefresh(UUID creativeId, String provider, String model) {
        checkGenerator(provider, model);
        return tx.execute(status -> {
            creatives.find(creativeId).refreshableParts();
            return queued(creativeId, Scope.STALE_PARTS, null, provider, model, null);
        });
    }

    /**
     * Creates the creative with the texts and media the draft gives, as {@link Creatives#create} checks it, and for
     * mode AI or HYBRID queues the generation of the text parts left empty, in one transaction: the parts arrive when
     * the job has run.
     */
    public QueuedCreative create(CreativeDraft draft) {
        checkGenerator(draft.provider(), draft.model());
        return tx.execute(status -> {
            CreativeView created = creatives.create(new CreativeDraft(draft.campaignId(), draft.title(),
                    draft.topic(), draft.channels(), CreativeMode.MANUAL, draft.texts(), draft.imageAssetId(),
                    draft.videoAssetId(), null, null));
            if (draft.mode() == CreativeMode.MANUAL || creatives.find(created.id()).emptyTextParts().isEmpty()) {
                return new QueuedCreative(created, null);
            }
            return new QueuedCreative(created, queued(created.id(), Scope.EMPTY_PARTS, null, draft.provider(),
                    draft.model(), null));
        });
    }

    private PartRegenerationView queued(UUID creativeId, Scope scope, ComponentKind kind, String provider,
            String model, Long seed) {
        PartRegeneration request = requests.save(new PartRegeneration(creativeId, scope, kind, blankToNull(provider),
                blankToNull(model), seed, CurrentActor.require().userId(), clock.instant()));
        jobs.schedule(REGENERATE, TenantScope.require(), request.getId(), clock.instant());
        return request.view();
    }

    private static void checkGenerator(String provider, String model) {
        if (provider != null && provider.length() > 40) {
            throw new InvalidInputException("provider", "A provider's name or id is at most 40 characters");
        }
        if (model != null && model.length() > 120) {
            throw new InvalidInputException("model", "A model's name is at most 120 characters");
        }
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
                tx.executeWithoutResult(status -> write(started, find(id)));
                return Optional.<String>empty();
            } catch (RuntimeException e) {
                log.info("Creative part regeneration {} failed: {}", id, e.toString());
                return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        });
        failure.ifPresent(why -> tx.executeWithoutResult(status -> find(id).failed(why, clock.instant())));
    }

    /** The generation itself, in the transaction that records it DONE. */
    private void write(PartRegeneration started, PartRegeneration request) {
        switch (started.scope()) {
            case PART -> {
                CreativeRegeneration.Regenerated made = regeneration.regenerate(started.creativeId(), started.kind(),
                        started.provider(), started.model(), started.seed());
                request.done(made.version().number(), made.replaced(), clock.instant());
            }
            case STALE_PARTS -> {
                regeneration.refresh(started.creativeId(), started.provider(), started.model());
                request.done(null, null, clock.instant());
            }
            case EMPTY_PARTS -> {
                regeneration.fillEmpty(started.creativeId(), started.provider(), started.model());
                request.done(null, null, clock.instant());
            }
        }
    }

    private PartRegeneration find(UUID id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("Regeneration"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
