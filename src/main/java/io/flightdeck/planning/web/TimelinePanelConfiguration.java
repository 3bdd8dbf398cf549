package io.flightdeck.planning.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the timeline pages add to the rest of the UI: the campaign card and the planning settings entry. */
@Configuration(proxyBeanMethods = false)
class TimelinePanelConfiguration {

    /** The timeline card on the campaign page, served by {@link TimelinePagesController#panel}. */
    @Bean
    CampaignPanel timelinePanel() {
        return new CampaignPanel("timeline", "Timeline", "/campaigns/{id}/timeline/panel", 28);
    }

    /** Beside the other settings pages; the templates page is linked from it. */
    @Bean
    NavItem planningSettingsNav() {
        return new NavItem("Planning settings", "/settings/planning", "sliders", 927, Role.MANAGER);
    }
}
