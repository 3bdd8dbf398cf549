package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.planning.TimelineDirection;
import io.flightdeck.planning.scheduling.TimelineLayout;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A campaign's plan as last laid out: first working day, end of work, end after the buffer, and by how many working
 * days it overruns the campaign's end date (0 when it fits).
 */
@Entity
@Table(name = "timelines")
class Timeline extends TenantOwnedEntity {

    private UUID campaignId;
    private UUID templateId;
    @Enumerated(EnumType.STRING)
    private TimelineDirection direction;
    /** The first day generation chose; unpinned tasks start no earlier, whatever pins do to the plan's start. */
    private LocalDate anchorDate;
    private LocalDate startDate;
    private LocalDate workEndDate;
    private LocalDate endDate;
    private int durationDays;
    private int bufferPct;
    private int bufferDays;
    private LocalDate targetEndDate;
    private int overrunDays;
    private UUID generatedBy;
    private Instant generatedAt;
    private Instant recalculatedAt;
    @Version
    private Long version;

    protected Timeline() {
    }

    Timeline(UUID campaignId, UUID templateId, TimelineDirection direction, UUID generatedBy, Instant now) {
        this.campaignId = campaignId;
        this.templateId = templateId;
        this.direction = direction;
        this.generatedBy = generatedBy;
        this.generatedAt = now;
        this.recalculatedAt = now;
    }

    /** Records a fresh layout; {@code overrunDays} is 0 when the plan meets {@code targetEndDate} or there is none. */
    void laidOut(TimelineLayout.Plan plan, int bufferPct, LocalDate targetEndDate, int overrunDays, Instant now) {
        this.startDate = plan.start();
        this.workEndDate = plan.workEnd();
        this.endDate = plan.end();
        this.durationDays = plan.durationDays();
        this.bufferDays = plan.bufferDays();
        this.bufferPct = bufferPct;
        this.targetEndDate = targetEndDate;
        this.overrunDays = overrunDays;
        this.recalculatedAt = now;
    }

    void anchor(LocalDate day) {
        this.anchorDate = day;
    }

    void regenerated(UUID templateId, TimelineDirection direction, UUID actorId, Instant now) {
        this.templateId = templateId;
        this.direction = direction;
        this.generatedBy = actorId;
        this.generatedAt = now;
    }

    UUID getCampaignId() {
        return campaignId;
    }

    UUID getTemplateId() {
        return templateId;
    }

    TimelineDirection getDirection() {
        return direction;
    }

    LocalDate getAnchorDate() {
        return anchorDate;
    }

    LocalDate getStartDate() {
        return startDate;
    }

    LocalDate getWorkEndDate() {
        return workEndDate;
    }

    LocalDate getEndDate() {
        return endDate;
    }

    int getDurationDays() {
        return durationDays;
    }

    int getBufferPct() {
        return bufferPct;
    }

    int getBufferDays() {
        return bufferDays;
    }

    LocalDate getTargetEndDate() {
        return targetEndDate;
    }

    int getOverrunDays() {
        return overrunDays;
    }

    UUID getGeneratedBy() {
        return generatedBy;
    }

    Instant getGeneratedAt() {
        return generatedAt;
    }

    Instant getRecalculatedAt() {
        return recalculatedAt;
    }

    Long getVersion() {
        return version;
    }
}
