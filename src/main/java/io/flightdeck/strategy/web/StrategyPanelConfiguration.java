package io.flightdeck.strategy.web;

import io.flightdeck.campaigns.CampaignPanel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StrategyPanelConfiguration {

    /** The strategy card on the campaign page, served by {@link StrategyPagesController#panel}. */
    @Bean
    CampaignPanel strategyPanel() {
        return new CampaignPanel("strategy", "Strategy", "/campaigns/{id}/strategy/panel", 10);
    }
}
