package io.flightdeck.content.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignTab;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the content pages add to the rest of the UI: the campaign page's Content tab and card, and the brands entry. */
@Configuration(proxyBeanMethods = false)
class ContentPagesConfiguration {

    /** The campaign page's Content tab. */
    @Bean
    CampaignTab contentTab() {
        return new CampaignTab("content", "Content", 20);
    }

    /** The content card on the campaign page, served by {@link CampaignContentPagesController#panel}. */
    @Bean
    CampaignPanel contentPanel() {
        return new CampaignPanel("content", "content", "Content", "/campaigns/{id}/content/panel", 32);
    }

    @Bean
    NavItem repurposeNav() {
        return new NavItem("Repurpose", "/repurposed", "repurpose", 36, Role.VIEWER, NavGroup.CONTENT);
    }

    @Bean
    NavItem aiSettingsNav() {
        return new NavItem("AI settings", "/settings/ai", "sliders", 929, Role.MANAGER, NavGroup.SETTINGS, "Which writing assistant drafts copy (the built-in one works offline, or connect a provider) and how much it may use each month.");
    }

    @Bean
    NavItem brandsNav() {
        return new NavItem("Brands", "/settings/brands", "sliders", 925, Role.VIEWER, NavGroup.SETTINGS, "Each brand's voice, words to avoid, colours, fonts and legal footer, used when writing and rendering.");
    }
}
