package io.flightdeck.publishing.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignTab;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the publishing pages add to the rest of the UI: navigation, and the campaign page's Social posts card. */
@Configuration(proxyBeanMethods = false)
class PublishingPagesConfiguration {

    @Bean
    NavItem calendarNav() {
        return new NavItem("Calendar", "/social/calendar", "calendar", 40, Role.VIEWER, NavGroup.PUBLISHING);
    }

    @Bean
    NavItem deadLetterNav() {
        return new NavItem("Posts to fix", "/social/dead-letter", "alert", 41, Role.VIEWER, NavGroup.PUBLISHING);
    }

    @Bean
    NavItem channelsNav() {
        return new NavItem("Channels", "/channels", "share", 926, Role.VIEWER, NavGroup.PUBLISHING);
    }

    /** Served by {@link WorkflowController#panel}. */
    @Bean
    CampaignPanel workflowPanel() {
        return new CampaignPanel("workflow", "posts", "Workflow", "/campaigns/{id}/workflow/panel", 34);
    }

    /** The campaign page's Posts tab. */
    @Bean
    CampaignTab postsTab() {
        return new CampaignTab("posts", "Posts", 30);
    }

    /** Served by {@link SocialPagesController#panel}. */
    @Bean
    CampaignPanel socialPanel() {
        return new CampaignPanel("social", "posts", "Social posts", "/campaigns/{id}/social/panel", 33);
    }
}
