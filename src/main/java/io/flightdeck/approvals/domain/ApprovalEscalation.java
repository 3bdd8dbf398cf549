package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hands an overdue stage to its escalation target, once per stage. */
@Service
@Transactional
public class ApprovalEscalation {

    private final ApprovalRepository approvals;
    private final ApprovalJournal journal;
    private final Clock clock;

    ApprovalEscalation(ApprovalRepository approvals, ApprovalJournal journal, Clock clock) {
        this.approvals = approvals;
        this.journal = journal;
        this.clock = clock;
    }

    /** @return how many stages it escalated in the current workspace */
    public int escalateOverdue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (Approval approval : approvals.findOverdueNotEscalated(Approval.OPEN, now)) {
            StageRule stage = approval.currentStage();
            approval.escalated(now);
            journal.record(approval, HistoryKind.ESCALATED, approval.getState(), Voter.system("Deadline"),
                    "Overdue since " + approval.getDueAt() + "; handed to " + stage.escalationLabel(), now);
            journal.escalated(approval, stage, now);
            escalated++;
        }
        return escalated;
    }
}
