package io.flightdeck.analytics.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What analytics adds to the campaign page: an Analytics tab with the last 30 days in brief. */
@Configuration(proxyBeanMethods = false)
class AnalyticsPagesConfiguration {

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
