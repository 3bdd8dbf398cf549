package io.flightdeck.guidance.strategy;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.jobs.QueuedRun;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A request to generate a campaign's strategy, drafted by a job once the request committed. A run that finds it
 * RUNNING was cut off before its version was saved (the version, its entry and DONE commit together), so it runs
 * again, up to {@link QueuedRun#ATTEMPTS} times.
 */
@Entity
@Table(name = "guidance_strategy_generation_requests")
class StrategyGenerationRequest extends VersionedEntity {

    @Column(nullable = false, updatable = false)
    private UUID campaignId;
    @Column(updatable = false)
    private String provider;
    @Embedded
    private QueuedRun run = new QueuedRun();
    private Integer strategyVersion;
    private UUID generationId;
    @Column(nullable = false, updatable = false)
    private UUID requestedBy;
    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected StrategyGenerationRequest() {
    }

    StrategyGenerationRequest(UUID campaignId, String provider, UUID requestedBy, Instant now) {
        this.campaignId = campaignId;
        this.provider = provider;
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether a run has work: queued, or running when the last run was cut off. */
    boolean open() {
        return run.open();
    }

    /** A run begins; false when its attempts are spent (it is then failed). */
    boolean start(Instant now) {
        updatedAt = now;
        return run.start("drafting it", now);
    }

    void done(StrategyGenerationEntry entry, Instant now) {
        strategyVersion = entry.strategyVersion();
        generationId = entry.getId();
        run.done(now);
        updatedAt = now;
    }

    void failed(String why, Instant now) {
        run.failed(why, now);
        updatedAt = now;
    }

    UUID campaignId() {
        return campaignId;
    }

    String provider() {
        return provider;
    }

    UUID requestedBy() {
        return requestedBy;
    }

    StrategyGenerationRequestView view() {
        return new StrategyGenerationRequestView(getId(), campaignId, provider, run.state(), run.attempts(),
                strategyVersion, generationId, run.state() == QueuedRun.State.DONE ? StrategyGeneration.REVIEW : null,
                run.reason(), requestedBy, createdAt, run.finishedAt());
    }
}
