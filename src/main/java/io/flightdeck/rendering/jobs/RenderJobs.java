package io.flightdeck.rendering.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.content.CreativeMedia.RenderBrief;
import io.flightdeck.rendering.jobs.RenderProvider.ProviderStatus;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Render jobs of the current workspace as people use them: create, submit, cancel, read, list, and ask the provider
 * now. Callers check roles. Every request is checked before anything is written; a transition the job's state does
 * not allow answers 409.
 */
@Service
public class RenderJobs {

    static final int DEFAULT_MAX_RETRIES = 3;
    static final int MAX_PARAMS = 40;

    private static final Logger log = LoggerFactory.getLogger(RenderJobs.class);

    private final RenderJobRepository jobs;
    private final RenderProviders providers;
    private final RenderMaterials materials;
    private final Jobs scheduler;
    private final RenderJobWrites writes;
    private final CampaignDirectory campaigns;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RenderJobs(RenderJobRepository jobs, RenderProviders providers, RenderMaterials materials, Jobs scheduler,
            RenderJobWrites writes, CampaignDirectory campaigns, TransactionTemplate transactions, Clock clock) {
        this.jobs = jobs;
        this.providers = providers;
        this.materials = materials;
        this.scheduler = scheduler;
        this.writes = writes;
        this.campaigns = campaigns;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public RenderJobView create(RenderJobDraft draft) {
        UUID requester = CurrentActor.require().userId();
        if (draft.type() == null) {
            throw new InvalidInputException("type", "choose IMAGE or VIDEO");
        }
        RenderProvider provider = providers.choose(draft.provider(), draft.type());
        UUID campaignId = draft.campaignId();
        int regenerations = 0;
        if (draft.creativeId() != null) {
            RenderBrief brief = materials.brief(draft.creativeId())
                    .orElseThrow(() -> new NotFoundException("Creative"));
            if (campaignId != null && !campaignId.equals(brief.campaignId())) {
                throw new InvalidInputException("campaignId", "is not the creative's campaign");
            }
            campaignId = brief.campaignId();
            regenerations = (int) jobs.countByCreativeIdAndType(draft.creativeId(), draft.type());
        } else if (campaignId != null && campaigns.find(campaignId).isEmpty()) {
            throw new NotFoundException("Campaign");
        }
        int maxRetries = draft.maxRetries() == null ? DEFAULT_MAX_RETRIES : draft.maxRetries();
        if (maxRetries < 0 || maxRetries > 10) {
            throw new InvalidInputException("maxRetries", "from 0 to 10");
        }
        Map<String, Object> params = provider.checkParams(draft.type(), checkCommonParams(draft.params()));
        String model = draft.model() == null || draft.model().isBlank() ? provider.defaultModel(draft.type())
                : draft.model().strip();
        if (model.length() > 200) {
            throw new InvalidInputException("model", "at most 200 characters");
        }
        Instant now = clock.instant();
        RenderJob job = jobs.save(new RenderJob(draft.creativeId(), campaignId, draft.type(), provider.name(), model,
                params, maxRetries, regenerations, requester, draft.submit(), now));
        if (draft.submit()) {
            scheduler.schedule(RenderJobTasks.RENDER_JOB, TenantScope.require(), job.getId(), now);
        }
        jobs.flush();
        return RenderJobView.of(job);
    }

    @Transactional
    public RenderJobView submit(UUID id) {
        RenderJob job = find(id);
        providers.choose(job.getProvider(), job.getType());
        job.requestSubmit(clock.instant());
        scheduler.schedule(RenderJobTasks.RENDER_JOB, TenantScope.require(), job.getId(), clock.instant());
        return flushed(job);
    }

    /**
     * Cancels a queued job at once; a running one is also stopped at the provider, after the cancel is recorded (a
     * provider that cannot be reached is logged on the job; the job stays cancelled here either way).
     */
    public RenderJobView cancel(UUID id) {
        RenderJob job = transactions.execute(status -> {
            RenderJob j = find(id);
            j.cancel(clock.instant());
            return jobs.saveAndFlush(j);
        });
        if (job.getProviderJobId() != null) {
            RenderProvider provider = providers.require(job.getProvider());
            try {
                provider.cancel(job.getProviderJobId());
            } catch (RuntimeException e) {
                log.warn("Render job {}: could not cancel at {}", id, provider.name(), e);
                job = writes.update(id, j -> j.log("warn", "Could not stop the work at " + provider.displayName() + ": "
                        + e.getMessage(), clock.instant()));
            }
        }
        return RenderJobView.of(job);
    }

    @Transactional(readOnly = true)
    public RenderJobView get(UUID id) {
        return RenderJobView.of(find(id));
    }

    @Transactional(readOnly = true)
    public Page<RenderJobView> list(RenderJobFilter filter, Pageable pageable) {
        var statuses = filter.statuses() == null ? List.<RenderStatus>of() : List.copyOf(filter.statuses());
        return jobs.search(statuses.isEmpty(), statuses.isEmpty() ? List.of(RenderStatus.QUEUED) : statuses,
                filter.type(), filter.provider(), filter.creativeId(), filter.campaignId(), pageable)
                .map(RenderJobView::of);
    }

    /** Jobs changed after the instant, oldest change first: what a live view has not seen yet. */
    @Transactional(readOnly = true)
    public List<RenderJobView> changedSince(Instant since, int limit) {
        return jobs.findByUpdatedAtAfterOrderByUpdatedAtAsc(since, Pageable.ofSize(limit)).stream()
                .map(RenderJobView::of).toList();
    }

    /**
     * Asks the provider where a running job stands now (seed 000's poll) and records it; when the provider says the
     * work ended, the job's next step runs at once to collect it. Only a job with the provider can be polled.
     */
    public RenderJobView poll(UUID id) {
        RenderJob job = transactions.execute(status -> find(id));
        if (job.getStatus() != RenderStatus.RUNNING || job.getProviderJobId() == null) {
            throw new ConflictException("not-running", "Only a running job that the provider accepted can be polled; "
                    + "this one is " + job.getStatus().name().toLowerCase() + ".", Map.of("currentState", job.getStatus().name()));
        }
        RenderProvider provider = providers.require(job.getProvider());
        ProviderStatus status;
        try {
            status = provider.poll(job.getProviderJobId());
        } catch (RenderProviderException e) {
            throw new ConflictException("provider-unavailable", provider.displayName() + " could not be asked: "
                    + e.getMessage());
        }
        Instant now = clock.instant();
        if (status.state() == ProviderStatus.State.RUNNING) {
            job = writes.update(id, j -> {
                j.progressed(status.currentStep(), status.totalSteps(), status.etaSeconds(), now);
                j.providerReport(status, now);
            });
        } else {
            scheduler.wake(RenderJobTasks.RENDER_JOB, TenantScope.require(), id, now);
        }
        return RenderJobView.of(job);
    }

    /** A verified webhook's news about a job: progress is recorded; an ending wakes the job's step to collect it. */
    void applyWebhook(UUID id, ProviderStatus status) {
        Instant now = clock.instant();
        RenderJob job = writes.update(id, j -> {
            j.progressed(status.currentStep(), status.totalSteps(), status.etaSeconds(), now);
            j.providerReport(status, now);
        });
        if (job.getStatus() == RenderStatus.RUNNING && status.state() != ProviderStatus.State.RUNNING) {
            scheduler.wake(RenderJobTasks.RENDER_JOB, TenantScope.require(), id, now);
        }
    }

    public List<RenderProvider> providers() {
        return providers.all();
    }

    private static Map<String, Object> checkCommonParams(Map<String, Object> params) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (params == null) {
            return p;
        }
        if (params.size() > MAX_PARAMS) {
            throw new InvalidInputException("params", "at most " + MAX_PARAMS + " entries");
        }
        params.forEach((k, v) -> {
            if (v != null) {
                p.put(k, v);
            }
        });
        range(p, "width", 64, 4096);
        range(p, "height", 64, 4096);
        range(p, "steps", 1, 500);
        range(p, "duration", 1, 60);
        range(p, "fps", 1, 60);
        length(p, "prompt", 4000);
        length(p, "negativePrompt", 2000);
        length(p, "headline", 300);
        length(p, "cta", 120);
        if (p.containsKey("seed") && !(p.get("seed") instanceof Number)) {
            throw new InvalidInputException("params.seed", "must be a whole number");
        }
        try {
            RenderMaterials.imageIds(p);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("params.backgroundAssetId", "asset ids are UUIDs");
        }
        return p;
    }

    private static void range(Map<String, Object> p, String name, int min, int max) {
        Object v = p.get(name);
        if (v == null) {
            return;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < min
                || n.intValue() > max) {
            throw new InvalidInputException("params." + name, "a whole number from " + min + " to " + max);
        }
        p.put(name, n.intValue());
    }

    private static void length(Map<String, Object> p, String name, int max) {
        Object v = p.get(name);
        if (v != null && (!(v instanceof String s) || s.length() > max)) {
            throw new InvalidInputException("params." + name, "text of at most " + max + " characters");
        }
    }

    private RenderJob find(UUID id) {
        return jobs.findById(id).orElseThrow(() -> new NotFoundException("Render job"));
    }

    private RenderJobView flushed(RenderJob job) {
        jobs.flush();
        return RenderJobView.of(job);
    }
}
