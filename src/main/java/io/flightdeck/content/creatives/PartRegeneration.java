package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.content.ComponentKind;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A request for the generator to write parts of a creative, made by a job once the request committed: one part
 * ({@link PartRegenerationView.Scope#PART}), the parts a refresh rewrites, or the empty text parts of a new creative.
 * A run that finds it RUNNING was cut off before its versions were written (they and DONE commit together), so it runs
 * again, up to {@link #ATTEMPTS} times.
 */
@Entity
@Table(name = "creative_part_regenerations")
class PartRegeneration extends VersionedEntity {

    static final int ATTEMPTS = 3;

    @Column(nullable = false, updatable = false)
    private UUID creativeId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PartRegenerationView.Scope scope;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ComponentKind componentKind;
    private String provider;
    private String model;
    private Long seed;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartRegenerationView.State state;
    private int attempts;
    private Integer versionNumber;
    private Boolean replaced;
    private String reason;
    @Column(nullable = false, updatable = false)
    private UUID requestedBy;
    @Column(nullable = false, updatable = false)
    private Instant createdAt;
    private Instant finishedAt;

    protected PartRegeneration() {
    }

    /** @param kind the part, for scope PART only */
    PartRegeneration(UUID creativeId, PartRegenerationView.Scope scope, ComponentKind kind, String provider,
            String model, Long seed, UUID requestedBy, Instant now) {
        if ((scope == PartRegenerationView.Scope.PART) != (kind != null)) {
            throw new IllegalArgumentException("A part is named for scope PART only");
        }
        this.creativeId = creativeId;
        this.scope = scope;
        this.componentKind = kind;
        this.provider = provider;
        this.model = model;
        this.seed = seed;
        this.state = PartRegenerationView.State.QUEUED;
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether a run has work: queued, or running when the last run was cut off. */
    boolean open() {
        return state == PartRegenerationView.State.QUEUED || state == PartRegenerationView.State.RUNNING;
    }

    /** A run begins; false when its attempts are spent (it is then failed). */
    boolean start(Instant now) {
        if (attempts >= ATTEMPTS) {
            failed("Flightdeck stopped " + attempts + " times while writing it; ask for it again", now);
            return false;
        }
        state = PartRegenerationView.State.RUNNING;
        attempts++;
        updatedAt = now;
        return true;
    }

    /** @param number the part's new version, null for the other scopes (their parts are in the creative) */
    void done(Integer number, Boolean becameCurrent, Instant now) {
        state = PartRegenerationView.State.DONE;
        versionNumber = number;
        replaced = becameCurrent;
        reason = null;
        finish(now);
    }

    void failed(String why, Instant now) {
        state = PartRegenerationView.State.FAILED;
        reason = why == null ? "The generator failed" : why.length() > 500 ? why.substring(0, 499) + "…" : why;
        finish(now);
    }

    private void finish(Instant now) {
        finishedAt = now;
        updatedAt = now;
    }

    UUID creativeId() {
        return creativeId;
    }

    PartRegenerationView.Scope scope() {
        return scope;
    }

    ComponentKind kind() {
        return componentKind;
    }

    String provider() {
        return provider;
    }

    String model() {
        return model;
    }

    Long seed() {
        return seed;
    }

    UUID requestedBy() {
        return requestedBy;
    }

    PartRegenerationView view() {
        return new PartRegenerationView(getId(), creativeId, scope, componentKind, provider, model, state, attempts,
                versionNumber, replaced, reason, requestedBy, createdAt, finishedAt);
    }
}
