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
 * What must hold before an email leaves, as for a social post: its campaign is active, its content approval is given,
 * and the revision about to leave is the one its approver approved ({@link EmailReviews}); and the workspace has said
 * where it is (a postal address in every footer, as the law asks). Each blocker is a sentence a person can act on.
 */
@Component
class SendGate {

    private final CampaignDirectory campaigns;
    private final ApprovalGate approvals;
    private final EmailSettings settings;
    private final EmailReviews reviews;

    SendGate(CampaignDirectory campaigns, ApprovalGate approvals, EmailSettings settings, EmailReviews reviews) {
        this.campaigns = campaigns;
        this.approvals = approvals;
        this.settings = settings;
        this.reviews = reviews;
    }

    List<String> blockers(EmailCampaign email) {
        return items(email).stream().filter(EmailReadinessItem::blocked).map(EmailReadinessItem::detail).toList();
    }

    /**
     * The gate as readiness items: the campaign active, its content approved, this revision of the email approved,
     * the postal address set. A scheduled send waits for the campaign and for approvals pending; a missing address,
     * an email never sent for approval or sent back stop scheduling.
     */
    List<EmailReadinessItem> items(EmailCampaign email) {
        List<EmailReadinessItem> items = new ArrayList<>();
        UUID campaignId = email.campaignId();
        String campaignPage = "/campaigns/" + campaignId;
        CampaignSnapshot campaign = campaigns.find(campaignId).orElse(null);
        if (campaign == null) {
            items.add(EmailReadinessItem.blocked("campaign", "The campaign is active", "Its campaign was deleted.", null));
            return items;
        }
        if (campaign.status() == CampaignStatus.PAUSED) {
            items.add(EmailReadinessItem.blocked("campaign", "The campaign is active", "The campaign is paused.",
                    campaignPage).waitable());
        } else if (campaign.status() != CampaignStatus.ACTIVE) {
            items.add(EmailReadinessItem.blocked("campaign", "The campaign is active", "The campaign is "
                    + campaign.status().label().toLowerCase() + ", not active: email goes out once it is launched.",
                    campaignPage).waitable());
        } else {
            items.add(EmailReadinessItem.done("campaign", "The campaign is active", "The campaign is active.",
                    campaignPage));
        }
        List<String> approval = new ArrayList<>();
        for (PublishBlocker blocker : approvals.check(campaignId).blockers()) {
            if (blocker.scope().equals("content")) {
                approval.add(blocker.message());
            }
        }
        String approvals = campaignPage + "/tabs/approvals#approvals";
        if (approval.isEmpty()) {
            items.add(EmailReadinessItem.done("approval", "Content approved", "The content approval is given or not "
                    + "needed.", approvals));
        } else {
            for (String message : approval) {
                items.add(EmailReadinessItem.blocked("approval", "Content approved", message, approvals).waitable());
            }
        }
        items.add(reviews.item(email));
        items.add(postalAddress());
        return items;
    }

    /** The workspace's postal address, which every email's footer needs; the same for all its emails. */
    EmailReadinessItem postalAddress() {
        if (settings.current().complete()) {
            return EmailReadinessItem.done("postal-address", "Postal address in the footer",
                    "The email settings have the workspace's postal address.", "/email/settings");
        }
        return EmailReadinessItem.blocked("postal-address", "Postal address in the footer", "The workspace's "
                + "postal address is missing from the email settings: every email's footer needs it.",
                "/email/settings");
    }
}
