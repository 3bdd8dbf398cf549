package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalEscalated;
import io.flightdeck.approvals.ApprovalStageOpened;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes each move of an approval to its history and announces the ones other modules react to, so every service
 * that moves an approval leaves the same trail.
 */
@Component
class ApprovalJournal {

    private final ApprovalHistoryRepository history;
    private final ApplicationEventPublisher events;

    ApprovalJournal(ApprovalHistoryRepository history, ApplicationEventPublisher events) {
        this.history = history;
        this.events = events;
    }

    void record(Approval approval, HistoryKind kind, ApprovalState from, Voter actor, String comment, Instant now) {
        history.save(new ApprovalHistoryEntry(approval, kind, from, actor, comment, now));
    }

    void stageOpened(Approval approval, Instant now) {
        events.publishEvent(new ApprovalStageOpened(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                approval.getScopeKey(), approval.currentStage().name(), approval.getDueAt(), now));
    }

    void decided(Approval approval, UUID actorId, Instant now) {
        events.publishEvent(new ApprovalDecided(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                approval.getScopeKey(), approval.getItemType(), approval.getItemId(), approval.getState(), actorId, now));
    }

    void escalated(Approval approval, StageRule stage, Instant now) {
        events.publishEvent(new ApprovalEscalated(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                approval.getScopeKey(), stage.name(), stage.escalationLabel(), now));
    }
}
