package io.flightdeck.guidance.strategy;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.guidance.strategy.StrategyGenerationRequestView.State;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A request to generate a campaign's strategy, drafted by a job once the request committed. A run that finds it
 * RUNNING was cut off before its version was saved (the version, its entry and DONE commit together), so it runs
 * again, up to {@link #ATTEMPTS} times.
 */
@Entity
@Table(name = "guidance_strategy_generation_requests")
class StrategyGenerationRequest extends VersionedEntity {

    static final int ATTEMPTS = 3;

    @Column(nullable = false, updatable = false)
    private UUID campaignId;
    @Column(updatable = false)
    private String provider;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    private int attempts;
    private Integer strategyVersion;
    private UUID generationId;
    private String reason;
    @Column(nullable = false, updatable = false)
    private UUID requestedBy;
    @Column(nullable = false, updatable = false)
    private Instant createdAt;
    private Instant finishedAt;

    protected StrategyGenerationRequest() {
    }

    StrategyGenerationRequest(UUID campaignId, String provider, UUID requestedBy, Instant now) {
        this.campaignId = campaignId;
        this.provider = provider;
        this.state = State.QUEUED;
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether a run has work: queued, or running when the last run was cut off. */
    boolean open() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    /** A run begins; false when its attempts are spent (it is then failed). */
    boolean start(Instant now) {
        if (attempts >= ATTEMPTS) {
            failed("Flightdeck stopped " + attempts + " times while drafting it; ask for it again", now);
            return false;
        }
        state = State.RUNNING;
        attempts++;
        updatedAt = now;
        return true;
    }

    void done(StrategyGenerationEntry entry, Instant now) {
        state = State.DONE;
        strategyVersion = entry.strategyVersion();
        generationId = entry.getId();
        reason = null;
        finish(now);
    }

    void failed(String why, Instant now) {
        state = State.FAILED;
        reason = why == null ? "The generator failed" : why.length() > 500 ? why.substring(0, 499) + "…" : why;
        finish(now);
    }

    private void finish(Instant now) {
        finishedAt = now;
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
        return new StrategyGenerationRequestView(getId(), campaignId, provider, state, attempts, strategyVersion,
                generationId, state == State.DONE ? StrategyGeneration.REVIEW : null, reason, requestedBy, createdAt,
                finishedAt);
    }
}
