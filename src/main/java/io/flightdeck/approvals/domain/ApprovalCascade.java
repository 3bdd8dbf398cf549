package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.approvals.ApprovalState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a strategy change to a campaign's scope approvals; each {@link Approval} decides for itself whether it goes
 * back to review ({@link Approval#onStrategyChange}). What moved is written to the history and announced.
 */
@Service
@Transactional
class ApprovalCascade {

    private final ApprovalRepository approvals;
    private final ApprovalSetup setup;
    private final ApprovalJournal journal;
    private final Clock clock;

    ApprovalCascade(ApprovalRepository approvals, ApprovalSetup setup, ApprovalJournal journal, Clock clock) {
        this.approvals = approvals;
        this.setup = setup;
        this.journal = journal;
        this.clock = clock;
    }

    /** @return how many approvals went back to review */
    int strategyChanged(UUID campaignId, StrategyChange change) {
        Instant now = clock.instant();
        Map<String, ApprovalScope> scopes = setup.scopeRows().stream()
                .collect(Collectors.toMap(ApprovalScope::getKey, Function.identity()));
        Voter cause = Voter.system("Strategy version " + change.version());
        int moved = 0;
        for (Approval approval : approvals.findByCampaignIdAndSubjectKey(campaignId, Approval.SCOPE_SUBJECT)) {
            ApprovalScope scope = scopes.get(approval.getScopeKey());
            // a scope removed from the workspace keeps following the strategy with the stages it had
            boolean follows = scope == null || scope.isFollowsStrategy();
            List<StageRule> stages = scope != null ? scope.getStages() : approval.getStages();
            ApprovalState from = approval.getState();
            if (approval.onStrategyChange(change, follows, stages, now, setup.dueFrom(approval.getUrgency(), now))) {
                journal.record(approval, HistoryKind.CASCADED, from, cause, change.describe(), now);
                journal.stageOpened(approval, now);
                moved++;
            }
        }
        return moved;
    }
}
