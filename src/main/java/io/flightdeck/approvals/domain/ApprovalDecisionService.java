package io.flightdeck.approvals.domain;

import java.util.Optional;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecisions;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ApprovalDecisions}: the round is checked and the decision taken in one transaction, through the same
 * services as the web ({@link ApprovalVoting}, {@link ApprovalComments}), so no rule is written twice.
 */
@Service
class ApprovalDecisionService implements ApprovalDecisions {

    private final ApprovalLookup lookup;
    private final ApprovalVoting voting;
    private final ApprovalComments comments;
    private final ApprovalSubjects subjects;

    ApprovalDecisionService(ApprovalLookup lookup, ApprovalVoting voting, ApprovalComments comments,
            ApprovalSubjects subjects) {
        this.subjects = subjects;
        this.lookup = lookup;
        this.voting = voting;
        this.comments = comments;
    }

    static String round(Approval approval) {
        return approval.getCycle() + "." + approval.getStageIndex();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Round> round(UUID approvalId) {
        try {
            Approval a = lookup.live(approvalId);
            return Optional.of(new Round(a.getId(), round(a), a.getTitle(),
                    a.getState().open() ? a.currentStage().name() : null, a.getSubjectRevision(), a.getDueAt(),
                    a.getRequestedBy(), a.getState().open(), subjects.summary(a)));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional
    public ApprovalState decide(UUID approvalId, String round, Decision decision, String text) {
        Approval approval = lookup.live(approvalId);
        if (!approval.getState().open() || !round(approval).equals(round)) {
            throw new ConflictException("approval-moved-on", approval.getState().open()
                    ? "This approval has moved on (a newer version or the next stage) since the message was sent; "
                            + "open it in Flightdeck to decide what it asks now."
                    : "This approval is already decided.");
        }
        return switch (decision) {
            case APPROVE -> voting.approve(approvalId, text).state();
            case REJECT -> voting.reject(approvalId, text).state();
            case REQUEST_CHANGES -> {
                comments.post(approvalId, null, text, true);
                yield lookup.live(approvalId).getState();
            }
        };
    }
}
