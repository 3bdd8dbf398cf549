package io.flightdeck.rendering.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignJournal;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativeMedia;
import io.flightdeck.content.CreativeMedia.AttachOutcome;
import io.flightdeck.rendering.RenderCompleted;
import io.flightdeck.rendering.jobs.RenderProvider.ProviderStatus;
import io.flightdeck.rendering.RenderType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a render the provider finished comes to: its outputs stored in the library (as the member who asked for it),
 * set on the creative unless that part is locked, the job published, the campaign's activity told and
 * {@link RenderCompleted} announced. A job cancelled meanwhile keeps its outputs in the library and nothing more.
 */
@Component
class RenderCompletion {

    private final RenderJobWrites writes;
    private final RenderOutputs outputs;
    private final CreativeMedia creatives;
    private final CampaignJournal journal;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RenderCompletion(RenderJobWrites writes, RenderOutputs outputs, CreativeMedia creatives, CampaignJournal journal,
            ApplicationEventPublisher events, Clock clock) {
        this.writes = writes;
        this.outputs = outputs;
        this.creatives = creatives;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /** @return empty: a finished job needs no further step (a retry after a storage failure says when) */
    Optional<Instant> finish(UUID jobId, RenderProvider provider, ProviderStatus status) {
        RenderJob job = writes.read(jobId);
        if (job == null || job.getStatus() != RenderStatus.RUNNING) {
            return Optional.empty();
        }
        RenderOutputs.Stored stored;
        try {
            stored = writes.asRequester(job, () -> outputs.store(job, status.outputs()));
        } catch (RenderProviderException e) {
            return writes.failAttempt(jobId, e.code(), e.getMessage(), e.retryable());
        }
        Instant now = clock.instant();
        writes.asRequester(job, () -> writes.update(jobId, j -> {
            if (j.getStatus() != RenderStatus.RUNNING) {
                return;
            }
            j.providerReport(status, now);
            if (j.getCreativeId() != null) {
                attach(j, stored, provider, now);
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

    private void attach(RenderJob j, RenderOutputs.Stored stored, RenderProvider provider, Instant now) {
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
}
