package io.flightdeck.approvals.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.approvals.ApprovalGate;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.PublishBlocker;
import io.flightdeck.approvals.PublishCheck;
import io.flightdeck.shared.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Nothing of a campaign leaves Flightdeck until every enabled scope of its workspace is approved. */
@Service
@Transactional(readOnly = true)
class PublishGate implements ApprovalGate {

    private final ApprovalLookup lookup;
    private final ApprovalSetup setup;

    PublishGate(ApprovalLookup lookup, ApprovalSetup setup) {
        this.lookup = lookup;
        this.setup = setup;
    }

    @Override
    public PublishCheck check(UUID campaignId) {
        lookup.requireCampaign(campaignId);
        return check(campaignId, setup.scopeRows());
    }

    @Override
    public void requireApproved(UUID campaignId) {
        PublishCheck check = check(campaignId);
        if (!check.ready()) {
            throw new ConflictException("approval-required", "Not every approval scope is approved: "
                    + check.blockers().stream().map(PublishBlocker::scopeName).collect(Collectors.joining(", ")),
                    Map.of("blockers", check.blockers()));
        }
    }

    /** The gate for a campaign known to exist, against the given scopes of its workspace. */
    PublishCheck check(UUID campaignId, List<ApprovalScope> scopes) {
        return check(campaignId, scopes, lookup.scopeApprovals(campaignId));
    }

    /** The same, with the campaign's scope approvals already read (readiness names them too). */
    PublishCheck check(UUID campaignId, List<ApprovalScope> scopes, Map<String, Approval> byScope) {
        List<PublishBlocker> blockers = new ArrayList<>();
        for (ApprovalScope scope : scopes) {
            if (!scope.isEnabled()) {
                continue;
            }
            Approval approval = byScope.get(scope.getKey());
            if (approval == null) {
                blockers.add(new PublishBlocker(scope.getKey(), scope.getName(), "NOT_STARTED", null, null,
                        scope.getStages().size(), scope.getName() + " approval has not been requested"));
            } else if (approval.getState() != ApprovalState.APPROVED) {
                StageRule stage = approval.currentStage();
                blockers.add(new PublishBlocker(scope.getKey(), scope.getName(), approval.getState().name(), stage.name(),
                        approval.getStageIndex() + 1, approval.getStages().size(), scope.getName()
                        + (approval.getState() == ApprovalState.NEEDS_REVIEW ? " needs review"
                                : " is " + approval.getState().label().toLowerCase()) + (approval.getState().open()
                                ? ", waiting in stage " + (approval.getStageIndex() + 1) + " (" + stage.name() + ")" : "")));
            }
        }
        return new PublishCheck(campaignId, blockers.isEmpty(), blockers);
    }
}
