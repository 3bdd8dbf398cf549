package io.flightdeck.ops.retention;

import java.time.Instant;

import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** How long the workspace keeps one kind of record, as an admin set it; a kind without one keeps its default. */
@Entity
@Table(name = "retention_policies")
class RetentionPolicy extends VersionedEntity {

    private String kind;
    private int keepDays;
    private boolean exportBeforePurge;

    protected RetentionPolicy() {
    }

    RetentionPolicy(String kind, int keepDays, boolean exportBeforePurge, Instant now) {
        this.kind = kind;
        change(keepDays, exportBeforePurge, now);
    }

    void change(int keepDays, boolean exportBeforePurge, Instant now) {
        this.keepDays = keepDays;
        this.exportBeforePurge = exportBeforePurge;
        this.updatedAt = now;
    }

    String getKind() {
        return kind;
    }

    int getKeepDays() {
        return keepDays;
    }

    boolean isExportBeforePurge() {
        return exportBeforePurge;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
