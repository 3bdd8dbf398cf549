package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on an open approval: votes count per stage until the stage's quorum completes it, the last stage's
 * completes the approval, and a single rejection decides it. A rejected approval goes back to review when the
 * requester asks.
 */
@Service
@Transactional
public class ApprovalVoting {

    private static final int TEXT_MAX = 2_000;

    private final ApprovalLookup lookup;
    private final ApprovalVoteRepository votes;
    private final ApprovalCommentRepository comments;
    private final ApprovalRouting routing;
    private final ApprovalSetup setup;
    private final ApprovalJournal journal;
    private final ScopeItemDecisions scopeItems;
    private final Clock clock;

    ApprovalVoting(ApprovalLookup lookup, ApprovalVoteRepository votes, ApprovalCommentRepository comments,
            ApprovalRouting routing, ApprovalSetup setup, ApprovalJournal journal, ScopeItemDecisions scopeItems,
            Clock clock) {
        this.scopeItems = scopeItems;
        this.lookup = lookup;
        this.votes = votes;
        this.comments = comments;
        this.routing = routing;
        this.setup = setup;
        this.journal = journal;
        this.clock = clock;
    }

    public ApprovalView approve(UUID approvalId, String comment) {
        Approval approval = lookup.live(approvalId);
        ApprovalMove.APPROVE.requireFrom(approval.getState());
        List<ApprovalVote> stageVotes = stageVotes(approval);
        Voter voter = voterFor(approval, stageVotes);
        // checked once the stage is routed to them: a member it is not routed to hears that instead
        if (setup.separatesDuties() && CurrentActor.require().userId().equals(approval.getRequestedBy())) {
            throw ApprovalRefused.ownRequest();
        }
        return approve(approval, voter, clean(comment, "comment"), stageVotes);
    }

    public ApprovalView reject(UUID approvalId, String reason) {
        Approval approval = lookup.live(approvalId);
        String why = clean(reason, "reason");
        if (why == null) {
            throw new InvalidInputException("reason", "must say why it is rejected, so the requester can address it");
        }
        ApprovalMove.REJECT.requireFrom(approval.getState());
        return reject(approval, voterFor(approval, stageVotes(approval)), why);
    }

    /** The requester addressed the feedback: the rejected approval goes back to review from its first stage. */
    public ApprovalView requestReview(UUID approvalId, String comment) {
        Approval approval = lookup.live(approvalId);
        Actor actor = CurrentActor.require();
        if (!actor.role().includes(Role.CONTRIBUTOR) && !actor.userId().equals(approval.getRequestedBy())) {
            throw new AccessDeniedException("Only a contributor or the requester can ask for another review");
        }
        ApprovalMove.REQUEST_REVIEW.requireFrom(approval.getState());
        Instant now = clock.instant();
        List<StageRule> stages = setup.scopeRow(approval.getScopeKey()).map(ApprovalScope::getStages)
                .orElse(approval.getStages());
        approval.reopenAfterRejection(stages, now, setup.dueFrom(approval.getUrgency(), now));
        journal.record(approval, HistoryKind.REVIEW_REQUESTED, ApprovalState.REJECTED,
                Voter.member(actor.userId(), actor.displayName()), clean(comment, "comment"), now);
        journal.stageOpened(approval, now);
        return lookup.view(approval);
    }

    /** An external reviewer's decision through a reviewer link; it counts as one approver of the current stage. */
    ApprovalView decideExternally(Approval approval, Voter reviewer, boolean approve, String text) {
        (approve ? ApprovalMove.APPROVE : ApprovalMove.REJECT).requireFrom(approval.getState());
        List<ApprovalVote> stageVotes = stageVotes(approval);
        if (reviewer.votedIn(stageVotes)) {
            throw new ConflictException("already-decided", "You already decided on this stage");
        }
        if (approve) {
            return approve(approval, reviewer, text, stageVotes);
        }
        if (text == null) {
            throw new InvalidInputException("reason", "must say why it is rejected");
        }
        return reject(approval, reviewer, text);
    }

    /** @param stageVotes the current stage's votes before this one */
    private ApprovalView approve(Approval approval, Voter voter, String comment, List<ApprovalVote> stageVotes) {
        Instant now = clock.instant();
        ApprovalVote vote = votes.save(new ApprovalVote(approval, voter, ApprovalVote.Decision.APPROVE, comment, now));
        StageRule stage = approval.currentStage();
        long approvals = Stream.concat(stageVotes.stream(), Stream.of(vote))
                .filter(v -> v.getDecision() == ApprovalVote.Decision.APPROVE).map(ApprovalVote::countsAs)
                .distinct().count();
        ApprovalState from = approval.getState();
        if (approvals < stage.requiredApprovals()) {
            approval.voted(now);
            journal.record(approval, HistoryKind.APPROVED_STAGE, from, voter,
                    withNote(comment, approvals + " of " + stage.requiredApprovals() + " approvals in " + stage.name()), now);
        } else if (!approval.isLastStage()) {
            journal.record(approval, HistoryKind.STAGE_COMPLETED, from, voter, withNote(comment, stage.name() + " complete"), now);
            approval.nextStage(now, setup.dueFrom(approval.getUrgency(), now));
            journal.stageOpened(approval, now);
        } else {
            approval.approve(now);
            journal.record(approval, HistoryKind.APPROVED, from, voter, comment, now);
            journal.decided(approval, voter.userId(), now);
            scopeItems.follow(approval, voter, null, now);
        }
        return lookup.view(approval);
    }

    private ApprovalView reject(Approval approval, Voter voter, String reason) {
        Instant now = clock.instant();
        votes.save(new ApprovalVote(approval, voter, ApprovalVote.Decision.REJECT, reason, now));
        ApprovalState from = approval.getState();
        approval.reject(reason, now);
        journal.record(approval, HistoryKind.REJECTED, from, voter, reason, now);
        // the reason opens the change-request thread the requester answers before asking for another review
        comments.save(new ApprovalComment(approval.getId(), null, voter, ApprovalComment.Kind.CHANGE_REQUEST, reason,
                List.of(), now));
        journal.decided(approval, voter.userId(), now);
        scopeItems.follow(approval, voter, reason, now);
        return lookup.view(approval);
    }

    private List<ApprovalVote> stageVotes(Approval approval) {
        return votes.findByApprovalIdAndCycleAndStageIndex(approval.getId(), approval.getCycle(), approval.getStageIndex());
    }

    private Voter voterFor(Approval approval, List<ApprovalVote> stageVotes) {
        Actor actor = CurrentActor.require();
        ApprovalRouting.Routing routes = routing.forActor(actor, clock.instant());
        Voter voter = routes.voterFor(approval).orElseThrow(() -> new AccessDeniedException(
                "Stage " + (approval.getStageIndex() + 1) + " (" + approval.currentStage().name() + ") is routed to "
                        + approval.currentStage().approverLabel() + ", not to you"));
        if (voter.votedIn(stageVotes)) {
            throw new ConflictException("already-decided", "You already approved stage " + (approval.getStageIndex() + 1)
                    + "; it waits for other approvers");
        }
        return voter;
    }

    private static String clean(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > TEXT_MAX) {
            throw new InvalidInputException(field, "must be at most " + TEXT_MAX + " characters");
        }
        return stripped;
    }

    private static String withNote(String comment, String note) {
        return comment == null ? note : comment + " (" + note + ")";
    }
}
