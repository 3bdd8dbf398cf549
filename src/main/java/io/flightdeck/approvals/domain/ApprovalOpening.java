package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.ItemCheck;
import io.flightdeck.approvals.ItemSubmission;
import io.flightdeck.approvals.Urgency;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens approvals: a campaign's scopes when a contributor asks for approval, and single items other modules submit.
 * A resubmitted item starts a new cycle of its approval instead of opening a second one.
 */
@Service
@Transactional
public class ApprovalOpening implements ApprovalItems {

    private static final int TITLE_MAX = 200;

    private final ApprovalRepository approvals;
    private final ApprovalLookup lookup;
    private final ApprovalSetup setup;
    private final ApprovalJournal journal;
    private final StrategyDirectory strategies;
    private final Clock clock;

    ApprovalOpening(ApprovalRepository approvals, ApprovalLookup lookup, ApprovalSetup setup, ApprovalJournal journal,
            StrategyDirectory strategies, Clock clock) {
        this.approvals = approvals;
        this.lookup = lookup;
        this.setup = setup;
        this.journal = journal;
        this.strategies = strategies;
        this.clock = clock;
    }

    /** Opens an approval for every enabled scope the campaign does not have yet; the ones it has stay as they are. */
    public CampaignApprovals initialize(UUID campaignId, Urgency urgency) {
        CampaignSnapshot campaign = lookup.requireCampaign(campaignId);
        Actor actor = CurrentActor.require();
        if (!actor.role().includes(Role.CONTRIBUTOR)) {
            throw new AccessDeniedException("Only contributors and up can ask for approvals");
        }
        Urgency level = urgency != null ? urgency : Urgency.of(campaign.priority());
        Map<String, Approval> existing = lookup.scopeApprovals(campaignId);
        Instant now = clock.instant();
        Instant due = setup.dueFrom(level, now);
        int strategyVersion = strategies.currentVersion(campaignId).orElse(0);
        Voter requester = Voter.member(actor.userId(), actor.displayName());
        for (ApprovalScope scope : setup.scopeRows()) {
            if (scope.isEnabled() && !existing.containsKey(scope.getKey())) {
                open(Approval.forScope(campaignId, scope, level, actor.userId(), now), due, strategyVersion, requester, now);
            }
        }
        return lookup.forCampaign(campaignId);
    }

    @Override
    public UUID submit(ItemSubmission submission) {
        CampaignSnapshot campaign = lookup.requireCampaign(submission.campaignId());
        ApprovalScope scope = setup.scopeRow(submission.scopeKey()).filter(ApprovalScope::isEnabled)
                .orElseThrow(() -> new InvalidInputException("scope", "no enabled scope '" + submission.scopeKey() + "'"));
        if (submission.itemType() == null || submission.itemId() == null || submission.title() == null
                || submission.title().isBlank()) {
            throw new InvalidInputException("itemType", "an item needs a type, an id and a title");
        }
        Voter requester = CurrentActor.find().map(a -> Voter.member(a.userId(), a.displayName()))
                .orElse(Voter.system("Flightdeck"));
        Urgency urgency = submission.urgency() != null ? submission.urgency() : Urgency.of(campaign.priority());
        Instant now = clock.instant();
        String subject = submission.itemType() + ":" + submission.itemId();
        String stripped = submission.title().strip();
        String title = stripped.length() > TITLE_MAX ? stripped.substring(0, TITLE_MAX) : stripped;
        Optional<Approval> existing = approvals.findByCampaignIdAndScopeKeyAndSubjectKey(campaign.id(), scope.getKey(), subject);
        if (existing.isPresent()) {
            Approval approval = existing.get();
            ApprovalState from = approval.getState();
            if (from == ApprovalState.APPROVED && submission.revision() != null
                    && submission.revision().equals(approval.getSubjectRevision())) {
                return approval.getId(); // this very revision is approved: nothing new to review
            }
            approval.rename(title);
            approval.underReview(submission.revision());
            approval.restart(from == ApprovalState.PENDING ? ApprovalState.PENDING : ApprovalState.NEEDS_REVIEW,
                    scope.getStages(), now, setup.dueFrom(urgency, now));
            journal.record(approval, HistoryKind.RESUBMITTED, from, requester, null, now);
            journal.stageOpened(approval, now);
            return approval.getId();
        }
        Approval approval = Approval.forItem(campaign.id(), scope, submission.itemType(), submission.itemId(), title,
                submission.wordCount(), urgency, requester.userId(), now);
        approval.underReview(submission.revision());
        open(approval, setup.dueFrom(urgency, now), strategies.currentVersion(campaign.id()).orElse(0), requester, now);
        return approval.getId();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApprovalState> stateOf(String itemType, UUID itemId) {
        return approvals.findFirstByItemTypeAndItemId(itemType, itemId).map(Approval::getState);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean scopeEnabled(String scopeKey) {
        return setup.scopeRow(scopeKey).map(ApprovalScope::isEnabled).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public ItemCheck check(String scopeKey, String itemType, UUID itemId, Integer revision) {
        boolean required = scopeEnabled(scopeKey);
        return approvals.findFirstByItemTypeAndItemId(itemType, itemId)
                .map(a -> new ItemCheck(a.getId(), a.getState(), a.approves(revision), required))
                .orElse(new ItemCheck(null, null, false, required));
    }

    /**
     * @param strategyVersion the campaign's current strategy version: the approval is reviewed against it, so a late
     *                        event for this same version does not reopen it
     */
    private void open(Approval approval, Instant due, int strategyVersion, Voter requester, Instant now) {
        approval.openStage(now, due);
        approval.reviewedAgainst(strategyVersion);
        approvals.save(approval);
        journal.record(approval, HistoryKind.REQUESTED, null, requester, null, now);
        journal.stageOpened(approval, now);
    }
}
