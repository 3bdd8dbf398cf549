package io.flightdeck.approvals.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.shared.security.PublicPaths;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the approval pages add to the rest of the UI: the campaign card, two navigation entries, the public review page. */
@Configuration(proxyBeanMethods = false)
class ApprovalPagesConfiguration {

    /** The approvals card on the campaign page, served by {@link ApprovalPanelPagesController}. */
    @Bean
    CampaignPanel approvalsPagePanel() {
        return new CampaignPanel("approvals", "Approvals", "/campaigns/{id}/approvals/panel", 20);
    }

    @Bean
    NavItem approvalsPageNav() {
        return new NavItem("Approvals", "/approvals", "approvals", 20, Role.VIEWER);
    }

    @Bean
    NavItem approvalSettingsPageNav() {
        return new NavItem("Approval settings", "/settings/approvals", "sliders", 926, Role.MANAGER);
    }

    /** External reviewers open their link without an account; the token alone opens the right workspace. */
    @Bean
    PublicPaths reviewerLinkPagePaths() {
        return PublicPaths.of("/review/**");
    }
}
