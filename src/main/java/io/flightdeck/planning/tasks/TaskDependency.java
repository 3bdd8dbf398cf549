package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Finish-to-start: the successor starts after the predecessor finishes. Both belong to the same campaign. */
@Entity
@Table(name = "task_dependencies")
class TaskDependency extends TenantOwnedEntity {

    private UUID campaignId;
    private UUID predecessorId;
    private UUID successorId;
    private Instant createdAt;

    protected TaskDependency() {
    }

    TaskDependency(UUID campaignId, UUID predecessorId, UUID successorId, Instant now) {
        this.campaignId = campaignId;
        this.predecessorId = predecessorId;
        this.successorId = successorId;
        this.createdAt = now;
    }

    UUID getCampaignId() {
        return campaignId;
    }

    UUID getPredecessorId() {
        return predecessorId;
    }

    UUID getSuccessorId() {
        return successorId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
