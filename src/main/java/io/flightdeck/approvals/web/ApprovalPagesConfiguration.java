package io.flightdeck.approvals.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignTab;
import io.flightdeck.shared.security.PublicPaths;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the approval pages add to the rest of the UI: the campaign card, two navigation entries, the public review page. */
@Configuration(proxyBeanMethods = false)
class ApprovalPagesConfiguration {

    /** The campaign page's Approvals tab. */
    @Bean
    CampaignTab approvalsTab() {
        return new CampaignTab("approvals", "Approvals", 40);
    }

    /** The approvals card on the campaign page, served by {@link ApprovalPanelPagesController}. */
    @Bean
    CampaignPanel approvalsPagePanel() {
        return new CampaignPanel("approvals", "approvals", "Approvals", "/campaigns/{id}/approvals/panel", 20);
    }

    @Bean
    NavItem approvalsPageNav() {
        return new NavItem("Approvals", "/approvals", "approvals", 20, Role.VIEWER, NavGroup.WORK);
    }

    @Bean
    NavItem approvalSettingsPageNav() {
        return new NavItem("Approval settings", "/settings/approvals", "sliders", 926, Role.MANAGER, NavGroup.SETTINGS, "What needs approving, by whom and in how many stages, how long approvers have, and when something approves itself.");
    }

    /** External reviewers open their link without an account; the token alone opens the right workspace. */
    @Bean
    PublicPaths reviewerLinkPagePaths() {
        return PublicPaths.of("/review/**");
    }
}
