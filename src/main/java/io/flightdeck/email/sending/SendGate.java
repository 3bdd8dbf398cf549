package io.flightdeck.email.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalGate;
import io.flightdeck.approvals.PublishBlocker;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.email.settings.EmailSettings;
import org.springframework.stereotype.Component;

/**
 * What must hold before an email leaves, as for a social post: its campaign is active and its content approval is
 * given; and the workspace has said where it is (a postal address in every footer, as the law asks). Each blocker
 * is a sentence a person can act on.
 */
@Component
class SendGate {

    private final CampaignDirectory campaigns;
    private final ApprovalGate approvals;
    private final EmailSettings settings;

    SendGate(CampaignDirectory campaigns, ApprovalGate approvals, EmailSettings settings) {
        this.campaigns = campaigns;
        this.approvals = approvals;
        this.settings = settings;
    }

    List<String> blockers(UUID campaignId) {
        List<String> blockers = new ArrayList<>();
        CampaignSnapshot campaign = campaigns.find(campaignId).orElse(null);
        if (campaign == null) {
            blockers.add("Its campaign was deleted.");
            return blockers;
        }
        if (campaign.status() == CampaignStatus.PAUSED) {
            blockers.add("The campaign is paused.");
        } else if (campaign.status() != CampaignStatus.ACTIVE) {
            blockers.add("The campaign is " + campaign.status().label().toLowerCase()
                    + ", not active: email goes out once it is launched.");
        }
        for (PublishBlocker blocker : approvals.check(campaignId).blockers()) {
            if (blocker.scope().equals("content")) {
                blockers.add(blocker.message());
            }
        }
        if (!settings.current().complete()) {
            blockers.add("The workspace's postal address is missing from the email settings: every email's footer needs it.");
        }
        return blockers;
    }
}
