package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalDueSoon;
import io.flightdeck.approvals.ApprovalEscalated;
import io.flightdeck.approvals.ApprovalStageOpened;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.campaigns.CampaignJournal;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes each move of an approval to its history, as a sentence to the campaign's activity feed, and announces the
 * ones other modules react to, so every service that moves an approval leaves the same trail.
 */
@Component
class ApprovalJournal {

    private final ApprovalHistoryRepository history;
    private final ApplicationEventPublisher events;
    private final CampaignJournal campaignJournal;

    ApprovalJournal(ApprovalHistoryRepository history, ApplicationEventPublisher events, CampaignJournal campaignJournal) {
        this.history = history;
        this.events = events;
        this.campaignJournal = campaignJournal;
    }

    void record(Approval approval, HistoryKind kind, ApprovalState from, Voter actor, String comment, Instant now) {
        ApprovalHistoryEntry entry = history.save(new ApprovalHistoryEntry(approval, kind, from, actor, comment, now));
        // keyed by the history entry, which is written once per move
        campaignJournal.record(approval.getCampaignId(), "approval-history:" + entry.getId(), actor.userId(),
                actor.label(), "approval." + kind.name().toLowerCase(java.util.Locale.ROOT),
                ApprovalSentences.of(kind, approval, comment), now);
    }

    /** A comment (or a change request) on the approval, in the campaign's feed. */
    void commented(Approval approval, UUID commentId, Voter author, String body, boolean changeRequest, Instant now) {
        campaignJournal.record(approval.getCampaignId(), "approval-comment:" + commentId, author.userId(), author.label(),
                "approval.comment", ApprovalSentences.comment(approval, body, changeRequest), now);
    }

    void stageOpened(Approval approval, Instant now) {
        events.publishEvent(new ApprovalStageOpened(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                approval.getScopeKey(), approval.currentStage().name(), approval.getDueAt(), now));
    }

    void decided(Approval approval, UUID actorId, Instant now) {
        events.publishEvent(new ApprovalDecided(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                approval.getScopeKey(), approval.getItemType(), approval.getItemId(), approval.getState(), actorId, now));
    }

    void dueSoon(Approval approval, Instant now) {
        events.publishEvent(new ApprovalDueSoon(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                approval.getScopeKey(), approval.currentStage().name(), approval.getDueAt(), now));
    }

    void escalated(Approval approval, StageRule stage, Instant now) {
        events.publishEvent(new ApprovalEscalated(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                approval.getScopeKey(), stage.name(), stage.escalationLabel(), now));
    }
}
