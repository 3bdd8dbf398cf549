package io.flightdeck.planning.web;

import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the task pages add to the rest of the UI: the campaign page's tasks card and the My tasks entry. */
@Configuration(proxyBeanMethods = false)
class TasksPanelConfiguration {

    /** The tasks card on the campaign page, served by {@link TaskPanelPagesController}. */
    @Bean
    CampaignPanel tasksPanel() {
        return new CampaignPanel("tasks", "plan", "Tasks", "/campaigns/{id}/tasks/panel", 30);
    }

    /** Everyone may have work assigned to them, so every role sees the entry (viewers find it empty). */
    @Bean
    NavItem myTasksNav() {
        return new NavItem("My tasks", "/tasks/mine", "tasks", 30, Role.VIEWER, NavGroup.WORK);
    }
}
