package io.flightdeck.strategy.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StrategyPanelConfiguration {

    /** The campaign page's Strategy tab. */
    @Bean
    CampaignTab strategyTab() {
        return new CampaignTab("strategy", "Strategy", 10);
    }

    /** The strategy card on the campaign page, served by {@link StrategyPagesController#panel}. */
    @Bean
    CampaignPanel strategyPanel() {
        return new CampaignPanel("strategy", "strategy", "Strategy", "/campaigns/{id}/strategy/panel", 10);
    }
}
