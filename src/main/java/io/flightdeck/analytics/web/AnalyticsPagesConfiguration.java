package io.flightdeck.analytics.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignTab;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What analytics adds to the pages: the Analytics entry of the navigation (every campaign's numbers, right after
 * Campaigns), and on the campaign page an Analytics tab with the last 30 days in brief.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsPagesConfiguration {

    /** Served by {@link WorkspaceSummaryPagesController#page}. */
    @Bean
    NavItem analyticsNavItem() {
        return new NavItem("Analytics", "/analytics", "chart", 15, Role.VIEWER, NavGroup.WORK);
    }

    @Bean
    CampaignTab analyticsTab() {
        return new CampaignTab("analytics", "Analytics", 80);
    }

    /** Served by {@link CampaignDashboardPagesController#panel}. */
    @Bean
    CampaignPanel analyticsPanel() {
        return new CampaignPanel("analytics-summary", "analytics", "The last 30 days",
                "/analytics/campaigns/{id}/panel", 10);
    }
}
