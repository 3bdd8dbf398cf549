package io.flightdeck.guidance.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What guidance adds to the campaign page. */
@Configuration(proxyBeanMethods = false)
class GuidancePagesConfiguration {

    static final String PANEL_KEY = "guidance";

    /** The guidance card on the campaign's overview, under readiness; served by {@link GuidancePagesController}. */
    @Bean
    CampaignPanel guidancePanel() {
        return new CampaignPanel(PANEL_KEY, CampaignTab.OVERVIEW, "Guidance", "/campaigns/{id}/guidance/panel", 10);
    }

    /** Strategy generation on the campaign's Strategy tab, after the strategy card; {@link StrategyGenerationPagesController}. */
    @Bean
    CampaignPanel strategyGenerationPanel() {
        return new CampaignPanel("strategy-generation", "strategy", "Generate a strategy draft",
                "/campaigns/{id}/guidance/strategy-generation/panel", 20);
    }
}
