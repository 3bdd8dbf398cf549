package io.flightdeck.campaigns.web;

import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CampaignNavigation {

    @Bean
    NavItem campaignsNav() {
        return new NavItem("Campaigns", "/campaigns", "megaphone", 10, Role.VIEWER, NavGroup.WORK);
    }

    @Bean
    NavItem templatesNav() {
        return new NavItem("Templates", "/templates", "list", 12, Role.VIEWER, NavGroup.WORK);
    }

    @Bean
    NavItem campaignSettingsNav() {
        return new NavItem("Campaign settings", "/settings/campaigns", "sliders", 925, Role.ADMIN, NavGroup.SETTINGS, "How ready a campaign must be before it can launch.");
    }
}
