package io.flightdeck.approvals.domain;

import java.util.ArrayList;
import java.util.List;

import io.flightdeck.approvals.PublishBlocker;
import io.flightdeck.approvals.PublishCheck;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The publish gate as readiness items: one blocking item per enabled scope. They weigh nothing in the score because
 * a blocking item refuses the launch anyway; counting it as well would say the same thing twice.
 */
@Component
@Order(50)
class ApprovalReadiness implements ReadinessCheck {

    private final PublishGate gate;
    private final ApprovalSetup setup;

    ApprovalReadiness(PublishGate gate, ApprovalSetup setup) {
        this.gate = gate;
        this.setup = setup;
    }

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        // the campaign is already loaded, and the scopes are read once for both the gate and the items
        List<ApprovalScope> scopes = setup.scopeRows();
        PublishCheck check = gate.check(campaign.id(), scopes);
        String fix = "/campaigns/" + campaign.id() + "/tabs/approvals#approvals";
        List<ReadinessItem> items = new ArrayList<>();
        for (ApprovalScope scope : scopes) {
            if (!scope.isEnabled()) {
                continue;
            }
            PublishBlocker blocker = check.blockers().stream().filter(b -> b.scope().equals(scope.getKey())).findFirst()
                    .orElse(null);
            items.add(new ReadinessItem("approvals." + scope.getKey(), scope.getName() + " approved", blocker == null, 0,
                    true, blocker == null ? "Approved" : blocker.message(), fix));
        }
        return items;
    }
}
