package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.content.ComponentKind;
import io.flightdeck.shared.jobs.QueuedRun;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A request for the generator to write parts of a creative, made by a job once the request committed: one part
 * ({@link PartRegenerationView.Scope#PART}), the parts a refresh rewrites, or the empty text parts of a new creative.
 * A run that finds it RUNNING was cut off before its versions were written (they and DONE commit together), so it runs
 * again, up to {@link QueuedRun#ATTEMPTS} times.
 */
@Entity
@Table(name = "creative_part_regenerations")
class PartRegeneration extends VersionedEntity {

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
    @Embedded
    private QueuedRun run = new QueuedRun();
    private Integer versionNumber;
    private Boolean replaced;
    @Column(nullable = false, updatable = false)
    private UUID requestedBy;
    @Column(nullable = false, updatable = false)
    private Instant createdAt;

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
        return run.start("writing it", now);
    }

    /** @param number the part's new version, null for the other scopes (their parts are in the creative) */
    void done(Integer number, Boolean becameCurrent, Instant now) {
        versionNumber = number;
        replaced = becameCurrent;
        run.done(now);
        updatedAt = now;
    }

    void failed(String why, Instant now) {
        run.failed(why, now);
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
        return new PartRegenerationView(getId(), creativeId, scope, componentKind, provider, model, run.state(),
                run.attempts(), versionNumber, replaced, run.reason(), requestedBy, createdAt, run.finishedAt());
    }
}
