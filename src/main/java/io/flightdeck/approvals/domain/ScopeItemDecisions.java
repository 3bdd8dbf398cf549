package io.flightdeck.approvals.domain;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * A decision on a campaign's scope decides the items still waiting in it (its creatives, its posts), so nothing stays
 * "Pending" in an inbox once its scope is decided. Each item's history names the decider and the scope. Items the
 * decider asked for themselves stay open while the workspace separates duties: approving the scope must not approve
 * one's own request.
 */
@Component
class ScopeItemDecisions {

    private final ApprovalRepository approvals;
    private final ApprovalSetup setup;
    private final ApprovalJournal journal;

    ScopeItemDecisions(ApprovalRepository approvals, ApprovalSetup setup, ApprovalJournal journal) {
        this.approvals = approvals;
        this.setup = setup;
        this.journal = journal;
    }

    /** @param reason the scope's rejection reason; null when the scope was approved */
    void follow(Approval scope, Voter decider, String reason, Instant now) {
        if (scope.isItem()) {
            return;
        }
        String note = "Decided with the " + scope.getScopeName() + " scope";
        for (Approval item : approvals.findByCampaignIdAndScopeKeyAndItemTypeIsNotNullAndStateIn(scope.getCampaignId(),
                scope.getScopeKey(), Approval.OPEN)) {
            if (setup.separatesDuties() && decider.userId() != null && decider.userId().equals(item.getRequestedBy())) {
                continue;
            }
            var from = item.getState();
            if (reason == null) {
                item.approve(now);
                journal.record(item, HistoryKind.APPROVED, from, decider, note, now);
            } else {
                item.reject(reason, now);
                journal.record(item, HistoryKind.REJECTED, from, decider, note + ": " + reason, now);
            }
            journal.decided(item, decider.userId(), now);
        }
    }
}
