package io.flightdeck.planning.web;

import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.HomeSection;
import io.flightdeck.shared.web.NavBadge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the task pages add to the home page ({@link TaskHomeSection}) and the overdue count on My tasks. */
@Configuration(proxyBeanMethods = false)
class TaskHomeConfiguration {

    @Bean
    HomeSection myTasksHomeSection() {
        return new HomeSection("my-tasks", "Your tasks", "/home/tasks", 20, Role.VIEWER);
    }

    /** One count query: the signed-in member's open tasks past their due date. */
    @Bean
    NavBadge myOverdueTasksBadge(CampaignTasks tasks) {
        return new NavBadge("/tasks/mine", "overdue",
                () -> tasks.count(TaskHomeSection.mine(CurrentActor.require().userId(), true)));
    }
}
