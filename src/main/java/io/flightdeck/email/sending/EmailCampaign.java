package io.flightdeck.email.sending;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.search.SearchDocument;
import io.flightdeck.shared.search.Searchable;
import io.flightdeck.shared.search.SearchableDocument;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One email to an audience inside a Flightdeck campaign: its content (subject, preheader, sanitised HTML), its
 * audience (lists and, or, one segment) and its schedule. Its status moves only as the rules here allow; the people
 * it went to are rows of the send ledger ({@link EmailRecipient}), made when the send starts.
 */
@Entity
@Table(name = "email_campaigns")
@Indexed(index = "search-email-campaigns")
@SearchableDocument(dependsOn = {"name", "subject", "preheader", "status", "createdBy", "scheduledAt", "createdAt", "campaignId"})
class EmailCampaign extends VersionedEntity implements Searchable {

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String subject;
    private String preheader;
    @Column(nullable = false)
    private String html;
    @Column(name = "template_id")
    private String templateId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "list_ids", nullable = false)
    private List<UUID> listIds = new ArrayList<>();
    @Column(name = "segment_id")
    private UUID segmentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmailCampaignStatus status;
    @Column(name = "scheduled_at")
    private Instant scheduledAt;
    /** A draft's intended send time, a plan only: a campaign from a template gets it; scheduling is a person's. */
    @Column(name = "planned_send_at")
    private Instant plannedSendAt;
    @Column(name = "recipient_zone", nullable = false)
    private boolean recipientZone;
    @Column(name = "local_time")
    private String localTime;
    @Column(name = "fallback_zone")
    private String fallbackZone;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> blockers = new ArrayList<>();
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    /** What its recipients would get, counted: a change to it after review makes the next one (see EmailReviews). */
    @Column(nullable = false)
    private int revision = 1;
    /** The SHA-256 of what this revision sends; null until first worked out. */
    private String fingerprint;
    /** The block editor's design its HTML was exported from, or null (see {@link #design(String)}). */
    private String design;
    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected EmailCampaign() {
    }

    EmailCampaign(UUID campaignId, EmailDraft draft, UUID createdBy, Instant now) {
        this.campaignId = campaignId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.status = EmailCampaignStatus.DRAFT;
        change(draft, now);
    }

    /** New content or audience: only while nothing has been sent. */
    void change(EmailDraft draft, Instant now) {
        EmailCampaignMove.EDIT.requireFrom(status);
        name = draft.name();
        subject = draft.subject();
        preheader = draft.preheader();
        html = draft.html();
        templateId = draft.templateId();
        listIds = new ArrayList<>(draft.listIds());
        segmentId = draft.segmentId();
        updatedAt = now;
    }

    /**
     * Due at {@code at}; with {@code recipientZone}, each recipient gets the same wall-clock time in their own zone
     * (the workspace's zone for those without one), and the send starts when the first zone reaches it.
     */
    void schedule(Instant at, boolean inRecipientZone, ZoneId workspaceZone, Instant now) {
        EmailCampaignMove.SCHEDULE.requireFrom(status);
        status = EmailCampaignStatus.SCHEDULED;
        recipientZone = inRecipientZone;
        if (inRecipientZone) {
            LocalDateTime local = LocalDateTime.ofInstant(at, workspaceZone);
            localTime = local.toString();
            fallbackZone = workspaceZone.getId();
            // the earliest zone on Earth (UTC+14) reaches that wall-clock time first
            scheduledAt = local.atZone(ZoneId.of("Pacific/Kiritimati")).toInstant();
        } else {
            localTime = null;
            fallbackZone = null;
            scheduledAt = at;
        }
        updatedAt = now;
    }

    void unschedule(Instant now) {
        EmailCampaignMove.UNSCHEDULE.requireFrom(status);
        status = EmailCampaignStatus.DRAFT;
        scheduledAt = null;
        recipientZone = false;
        localTime = null;
        fallbackZone = null;
        updatedAt = now;
    }

    /** The send begins: its ledger rows are written in the same transaction. */
    void start(Instant now) {
        EmailCampaignMove.SEND.requireFrom(status);
        status = EmailCampaignStatus.SENDING;
        startedAt = now;
        blockers = new ArrayList<>();
        updatedAt = now;
    }

    /** What holds a scheduled send that fell due (an approval missing); empty clears it. */
    void waitFor(List<String> reasons, Instant now) {
        if (!reasons.equals(blockers)) {
            blockers = new ArrayList<>(reasons);
            updatedAt = now;
        }
    }

    void pause(Instant now) {
        EmailCampaignMove.PAUSE.requireFrom(status);
        status = EmailCampaignStatus.PAUSED;
        updatedAt = now;
    }

    /** Sending again: after a pause, or after it finished with recipients put back in the queue (send to the rest). */
    void resume(Instant now) {
        EmailCampaignMove.RESUME.requireFrom(status);
        status = EmailCampaignStatus.SENDING;
        finishedAt = null;
        updatedAt = now;
    }

    /** Nothing is left queued: only a running send finishes (a paused or cancelled one was ended by a person). */
    void finish(Instant now) {
        EmailCampaignMove.FINISH.requireFrom(status);
        status = EmailCampaignStatus.SENT;
        finishedAt = now;
        updatedAt = now;
    }

    void cancel(Instant now) {
        EmailCampaignMove.CANCEL.requireFrom(status);
        status = EmailCampaignStatus.CANCELLED;
        finishedAt = now;
        updatedAt = now;
    }

    /**
     * Records what the email now sends. A change to it after the first makes a new revision, so an approval of the
     * previous one no longer lets it go; answers whether it did.
     */
    boolean revise(String newFingerprint, Instant now) {
        if (newFingerprint.equals(fingerprint)) {
            return false;
        }
        boolean changed = fingerprint != null;
        if (changed) {
            revision++;
            updatedAt = now;
        }
        fingerprint = newFingerprint;
        return changed;
    }

    int revision() {
        return revision;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** Refuses the move unless this email's status allows it (the moves a service guards before its own steps). */
    void require(EmailCampaignMove move) {
        move.requireFrom(status);
    }

    EmailDraft draft() {
        return new EmailDraft(name, subject, preheader, html, templateId, listIds, segmentId);
    }

    /** Set by a block-built save, cleared by an HTML edit: the design shown never differs from what is sent. */
    void design(String projectData) {
        EmailCampaignMove.EDIT.requireFrom(status);
        design = projectData;
    }

    String design() {
        return design;
    }

    UUID campaignId() {
        return campaignId;
    }

    EmailCampaignStatus status() {
        return status;
    }

    Instant scheduledAt() {
        return scheduledAt;
    }

    Instant plannedSendAt() {
        return plannedSendAt;
    }

    void plan(Instant at, Instant now) {
        EmailCampaignMove.EDIT.requireFrom(status);
        plannedSendAt = at;
        updatedAt = now;
    }

    boolean recipientZone() {
        return recipientZone;
    }

    LocalDateTime localTime() {
        return localTime == null ? null : LocalDateTime.parse(localTime);
    }

    ZoneId fallbackZone() {
        return fallbackZone == null ? ZoneId.of("UTC") : ZoneId.of(fallbackZone);
    }

    List<String> blockers() {
        return List.copyOf(blockers);
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    UUID createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }

    @Override
    public SearchDocument searchDocument() {
        return new SearchDocument("email-campaign", name, SearchDocument.words(subject, preheader), status.name(), createdBy,
                null, java.util.List.of("EMAIL"), scheduledAt != null ? scheduledAt : createdAt, campaignId,
                "/email/campaigns/" + getId(), false);
    }
}
