package io.flightdeck.planning.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignTab;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the timeline pages add to the rest of the UI: the campaign card and the planning settings entry. */
@Configuration(proxyBeanMethods = false)
class TimelinePanelConfiguration {

    /** The campaign page's Plan tab. */
    @Bean
    CampaignTab planTab() {
        return new CampaignTab("plan", "Plan", 50);
    }

    /** The timeline card on the campaign page, served by {@link TimelinePagesController#panel}. */
    @Bean
    CampaignPanel timelinePanel() {
        return new CampaignPanel("timeline", "plan", "Timeline", "/campaigns/{id}/timeline/panel", 28);
    }

    /** Beside the other settings pages; the templates page is linked from it. */
    @Bean
    NavItem planningSettingsNav() {
        return new NavItem("Planning settings", "/settings/planning", "sliders", 927, Role.MANAGER, NavGroup.SETTINGS, "Whether new campaigns get a timeline of their own, the safety margin added to plans by priority, and the workspace's days off.");
    }
}
