package io.flightdeck.approvals.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.PublishBlocker;
import io.flightdeck.approvals.PublishCheck;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The publish gate as readiness items: one blocking item per enabled scope. They weigh nothing in the score because
 * a blocking item refuses the launch anyway; counting it as well would say the same thing twice. Each item is about
 * the scope's approval, or the scope itself while its approval has not been requested.
 */
@Component
@Order(50)
class ApprovalReadiness implements ReadinessCheck {

    private final PublishGate gate;
    private final ApprovalSetup setup;
    private final ApprovalLookup lookup;

    ApprovalReadiness(PublishGate gate, ApprovalSetup setup, ApprovalLookup lookup) {
        this.gate = gate;
        this.setup = setup;
        this.lookup = lookup;
    }

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        // the campaign is already loaded, and the scopes are read once for both the gate and the items
        List<ApprovalScope> scopes = setup.scopeRows();
        Map<String, Approval> byScope = lookup.scopeApprovals(campaign.id());
        PublishCheck check = gate.check(campaign.id(), scopes, byScope);
        String fix = "/campaigns/" + campaign.id() + "/tabs/approvals#approvals";
        List<ReadinessItem> items = new ArrayList<>();
        for (ApprovalScope scope : scopes) {
            if (!scope.isEnabled()) {
                continue;
            }
            PublishBlocker blocker = check.blockers().stream().filter(b -> b.scope().equals(scope.getKey())).findFirst()
                    .orElse(null);
            Approval approval = byScope.get(scope.getKey());
            items.add(new ReadinessItem("approvals." + scope.getKey(), scope.getName() + " approved", blocker == null, 0,
                    true, blocker == null ? "Approved" : blocker.message(), fix)
                    .withAction(action(approval)).about(approval == null
                            ? ReadinessSubject.of("approval-scope", scope.getKey(), scope.getName(), fix)
                            : ReadinessSubject.of("approval", approval.getId(), scope.getName() + " approval",
                                    "/approvals/" + approval.getId())));
        }
        return items;
    }

    private static String action(Approval approval) {
        if (approval == null) {
            return "Start the approvals";
        }
        return switch (approval.getState()) {
            case REJECTED -> "Address the feedback and ask for review again";
            case NEEDS_REVIEW -> "Review it again";
            default -> "Get it approved";
        };
    }
}
